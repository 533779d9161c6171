package interp

import (
	"fmt"
	"strings"
	"testing"
)

// cell10 is a typical 10-line cell.
const cell10 = `type point struct{ x, y int }
func (p point) add(q point) point { return point{p.x + q.x, p.y + q.y} }
ps := []point{{1, 2}, {3, 4}}
sum := point{}
for _, p := range ps {
	sum = sum.add(p)
}
text := fmt.Sprint(sum)
n := len(text)
n * 2`

// cell300 is a 300-line cell: 30 functions of 9 lines and 30 calls.
func cell300() string {
	var b strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `func work%d(xs []int) (int, error) {
	total := 0
	for i, x := range xs {
		if x < 0 {
			return 0, fmt.Errorf("bad %%d at %%d", x, i)
		}
		total += x * %d
	}
	return total, nil
}
`, i, i)
	}
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "r%d, _ := work%d([]int{1, 2, 3})\n", i, i)
	}
	b.WriteString("r0 + r29")
	return b.String()
}

// pipeline runs parse, check, rewrite and chunk rendering of code.
func pipeline(b *testing.B, s *Session, code string) []chunk {
	pc, err := parseCell(s.fset, code, s.checker.prelude.imports)
	if err != nil {
		b.Fatal(err)
	}
	ck, cerr := s.checker.check(pc)
	if cerr != nil {
		b.Fatal(cerr)
	}
	if err := s.rewrite(pc, ck); err != nil {
		b.Fatal(err)
	}
	chunks, err2 := buildChunks(s.fset, pc)
	if err2 != nil {
		b.Fatal(err2)
	}
	return chunks
}

func benchSession(b *testing.B) *Session {
	s, err := New(Options{Emit: func(Event) {}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := s.Execute(b.Context(), Cell{ID: "imp", Code: `import "fmt"`}); err != nil {
		b.Fatal(err)
	}
	return s
}

func benchPipeline(b *testing.B, code string) {
	s := benchSession(b)
	b.ResetTimer()
	for b.Loop() {
		pipeline(b, s, code)
	}
}

func benchEval(b *testing.B, code string) {
	s := benchSession(b)
	chunks := pipeline(b, s, code)
	b.ResetTimer()
	for b.Loop() {
		for _, c := range chunks {
			if _, err := s.yi.Eval(c.src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// The pipeline's overhead (parse, go/types check, rewrite, printing) next
// to yaegi's own Eval (compile and run) of the same cell.
func BenchmarkPipeline10(b *testing.B)  { benchPipeline(b, cell10) }
func BenchmarkEval10(b *testing.B)      { benchEval(b, cell10) }
func BenchmarkPipeline300(b *testing.B) { benchPipeline(b, cell300()) }
func BenchmarkEval300(b *testing.B)     { benchEval(b, cell300()) }
