package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCodePointConversion(t *testing.T) {
	s := "aé😀b"
	for cp, want := range []int{0, 1, 3, 7, 8, 8} {
		if got := byteOffset(s, cp); got != want {
			t.Errorf("byteOffset(%q, %d) = %d, want %d", s, cp, got, want)
		}
		if cp <= utf8.RuneCountInString(s) {
			if back := codePoints(s, want); back != cp {
				t.Errorf("codePoints(%q, %d) = %d, want %d", s, want, back, cp)
			}
		}
	}
	if got := byteOffset(s, -3); got != 0 {
		t.Errorf("byteOffset of a negative cursor = %d, want 0", got)
	}
}

// Non-ASCII text before the cursor must not shift the completed range:
// Jupyter counts code points, not bytes or UTF-16 units.
func TestCompleteAfterNonASCII(t *testing.T) {
	x := newSession(t, "import \"strings\"", "var b strings.Builder")
	for _, prefix := range []string{"s := \"héllo wörld\"\n", "// 日本語のコメント 😀\n", "x := 'é'; "} {
		code := prefix + "b.WriteSt"
		cur := utf8.RuneCountInString(code)
		c := x.Complete(code, cur)
		if len(c.Matches) != 1 || c.Matches[0] != "WriteString" {
			t.Fatalf("Complete(%q, %d) = %v, want [WriteString]", code, cur, c.Matches)
		}
		wantStart := utf8.RuneCountInString(prefix + "b.")
		if c.CursorStart != wantStart || c.CursorEnd != cur {
			t.Errorf("Complete(%q) range = [%d,%d), want [%d,%d)", code, c.CursorStart, c.CursorEnd, wantStart, cur)
		}
		// Replacing the range with the match, in code points, gives the intended text.
		runes := []rune(code)
		got := string(runes[:c.CursorStart]) + c.Matches[0] + string(runes[c.CursorEnd:])
		if got != prefix+"b.WriteString" {
			t.Errorf("applying the completion gives %q", got)
		}
		full := prefix + "b.WriteString(\"x\")"
		mid := utf8.RuneCountInString(prefix + "b.Write")
		found, data := x.Inspect(full, mid, 0)
		if text, _ := data["text/plain"].(string); !found || !strings.Contains(text, "func (b *Builder) WriteString(s string)") {
			t.Errorf("Inspect(%q, %d) = %v, %q", full, mid, found, text)
		}
	}
}

func TestCompleteNonASCIIIdentifier(t *testing.T) {
	x := newSession(t, "größe := 3\nimport \"strings\"\nvar bü strings.Builder")
	if c := complete(x, "grö|"); !hasAll(c.Matches, "größe") {
		t.Errorf("grö → %v, want größe", c.Matches)
	}
	c := complete(x, "x := \"ü\"; bü.Gr|")
	if !hasAll(c.Matches, "Grow") || c.CursorStart != 13 || c.CursorEnd != 15 {
		t.Errorf("bü.Gr → %v [%d,%d), want Grow at [13,15)", c.Matches, c.CursorStart, c.CursorEnd)
	}
}
