package index

import "testing"

func TestChunksClassify(t *testing.T) {
	code := "import \"fmt\"\n" +
		"x := 1\n" +
		"func f() int {\n\treturn 1\n}\n" +
		"func() { fmt.Println(x) }()\n" +
		"func (p *P) M() {}\n" +
		"func(a int) {}(2)\n" +
		"type P struct{}\n" +
		"var y = f()\n" +
		"for i := 0; i < 2; i++ {\n\tx++\n}"
	want := []struct {
		text string
		decl bool
	}{
		{"import \"fmt\"", true},
		{"x := 1", false},
		{"func f() int {\n\treturn 1\n}", true},
		{"func() { fmt.Println(x) }()", false},
		{"func (p *P) M() {}", true},
		{"func(a int) {}(2)", false},
		{"type P struct{}", true},
		{"var y = f()", false},
		{"for i := 0; i < 2; i++ {\n\tx++\n}", false},
	}
	var got []chunk
	for _, c := range chunks(code) {
		if trimmed := code[c.start:c.end]; len(trimmed) > 0 && trimmed != "\n" {
			got = append(got, c)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d chunks, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		text := code[got[i].start:got[i].end]
		if text[0] == '\n' {
			text = text[1:]
		}
		if text != w.text || got[i].decl != w.decl {
			t.Errorf("chunk %d = %q decl=%v, want %q decl=%v", i, text, got[i].decl, w.text, w.decl)
		}
	}
}

func TestParseCellKeepsOffsets(t *testing.T) {
	code := "x := 1\n// F doubles.\nfunc F(v int) int { return 2 * v }\ny := F(x)"
	c := parseCell(code)
	if c.declErr != nil || c.stmtErr != nil {
		t.Fatalf("parse errors: %v / %v", c.declErr, c.stmtErr)
	}
	fd := c.decls.Decls[0]
	if got := code[c.offset(fd.Pos()):c.offset(fd.End())]; got != "func F(v int) int { return 2 * v }" {
		t.Errorf("func decl spans %q", got)
	}
	body := c.body()
	if len(body) != 2 {
		t.Fatalf("body has %d statements, want 2", len(body))
	}
	if got := code[c.offset(body[1].Pos()):c.offset(body[1].End())]; got != "y := F(x)" {
		t.Errorf("second statement spans %q", got)
	}
}
