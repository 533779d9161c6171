package interp

import (
	"testing"
)

func dumpChunks(t *testing.T, s *Session, code string) {
	pc, perr := parseCell(s.fset, code, s.checker.prelude.imports)
	if perr != nil {
		t.Fatal(perr)
	}
	ck, cerr := s.checker.check(pc)
	if cerr != nil {
		t.Fatal(cerr)
	}
	final := s.prepareFinal(pc, ck)
	chunks, e := s.transform(pc, ck, final, "x")
	if e != nil {
		t.Fatal(e)
	}
	for _, c := range chunks {
		t.Logf("chunk kind=%d:\n%s", c.kind, c.src)
	}
}

func TestZZDump(t *testing.T) {
	s, _ := newTestSession(t)
	dumpChunks(t, s, "ch := make(chan int, 1)\nch <- 4\nv, ok := <-ch\nv")
}
