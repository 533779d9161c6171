package interp

import (
	"context"
	"testing"
)

func TestZZ(t *testing.T) {
	for _, c := range []string{
		"ch := make(chan int, 1)\nch <- 4\nv, ok := <-ch\nfunc rv() int { return v }\nfunc() { println(rv(), ok) }()\nv",
		"var x any = 3\nif n, ok := x.(int); ok {\n\tprintln(n)\n}\nn2, ok2 := x.(int)\nn2",
	} {
		s, _ := newTestSession(t)
		res, err := s.Execute(context.Background(), Cell{ID: "c", Code: c})
		t.Logf("res=%v err=%v", res, err)
	}
}
