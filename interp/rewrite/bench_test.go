package rewrite

import (
	"context"
	"fmt"
	"go/token"
	"strings"
	"testing"
)

// benchFunc is one 15-line function with a loop closure, a select, a
// receive into a field and a defer: every statement pass has work.
const benchFunc = `
func work%[1]d(ch chan int, done chan bool) (r int) {
	var s struct{ v int }
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	defer fmt.Sprint(s.v)
	select {
	case s.v = <-ch:
	case <-done:
	}
	r = s.v + fs[0]()
	return
}
`

// benchCell returns a cell of about lines lines.
func benchCell(lines int) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport \"fmt\"\n")
	if lines <= 15 {
		b.WriteString(`
func work0(ch chan int) (r int) {
	defer fmt.Sprint(r)
	for i := range 3 {
		r += i
	}
	r = <-ch
	return
}
`)
		return b.String()
	}
	for i := 0; b.Len() > 0 && strings.Count(b.String(), "\n") < lines; i++ {
		fmt.Fprintf(&b, benchFunc, i)
	}
	return b.String()
}

func BenchmarkCell(b *testing.B) {
	for _, lines := range []int{10, 300} {
		src := benchCell(lines)
		b.Run(fmt.Sprintf("lines=%d", strings.Count(src, "\n")), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				fset := token.NewFileSet()
				f, info := sharedChecker.check(b, fset, src)
				b.StartTimer()
				if err := Cell(fset, f, info, Options{Spawn: testSpawn}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEval is the yaegi evaluation of the same rewritten cells, the
// cost Cell is compared with.
func BenchmarkEval(b *testing.B) {
	for _, lines := range []int{10, 300} {
		orig := benchCell(lines)
		src := rewriteSource(b, orig, Options{Spawn: testSpawn})
		b.Run(fmt.Sprintf("lines=%d", strings.Count(orig, "\n")), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				var out lockedBuffer
				i := newTestInterp(b, &out, &spawner{})
				b.StartTimer()
				if _, err := i.EvalWithContext(context.Background(), src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
