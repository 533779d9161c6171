package index

import (
	"testing"
	"unicode/utf8"
)

// The internal request functions (without the recover guard) must not
// panic on any text and cursor, and must return ranges inside the text.
func FuzzRequests(f *testing.F) {
	for _, s := range []string{
		"fmt.Pri", "b.Wr", "import \"net/ht", "import (\n\t\"enc", "for i := 0; i < 3; i++ {\n\tx.",
		"s := \"é\"; strings.", "}}", "func (p *P) M() { p.", "x := T{A: 1, B", "switch v := x.(type) {\ncase *T:\n\tv.",
		"`raw", "/* c", "a.b.c().d[1].e(", "...", "'\\x", "http.Server{}.", "p := &Point{\n\t",
	} {
		f.Add(s, len(s)/2)
		f.Add(s, utf8.RuneCountInString(s))
	}
	x := New()
	x.Record(basicSession[0])
	x.Record(basicSession[3])
	f.Cleanup(func() { x.Close() })
	f.Fuzz(func(t *testing.T, code string, cursor int) {
		c := x.complete(code, cursor)
		n := utf8.RuneCountInString(code)
		if c.CursorStart < 0 || c.CursorStart > c.CursorEnd || c.CursorEnd > n {
			t.Fatalf("Complete(%q, %d) range [%d,%d) outside [0,%d]", code, cursor, c.CursorStart, c.CursorEnd, n)
		}
		x.inspect(code, cursor, cursor%2)
		isComplete(code)
		x.Record(code)
		x.Reset()
	})
}
