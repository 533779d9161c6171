package rewrite

import (
	"bytes"
	"context"
	"go/ast"
	"go/format"
	"go/token"
	"strings"
	"testing"
)

// TestTopLevelStatements rewrites statements inside func main, as a
// pipeline does to type-check them, then evaluates them at the
// interpreter's top level, as yaegi allows for cell statements: the fresh
// names become session globals and everything still matches Go.
func TestTopLevelStatements(t *testing.T) {
	body := `	ch := make(chan int, 1)
	ch <- 5
	var x int
	select {
	case x = <-ch:
	}
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	n := 0
	for i := range 4 {
		n += i
	}
	ch <- 6
	var s struct{ v int }
	s.v = <-ch
	fmt.Println(x, fs[0](), fs[1](), fs[2](), n, s.v)
`
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n" + body + "}\n"
	want := goRun(t, src)
	fset := token.NewFileSet()
	f, info := sharedChecker.check(t, fset, src)
	if err := Cell(fset, f, info, Options{NamePrefix: "__gk7_"}); err != nil {
		t.Fatal(err)
	}
	var stmts bytes.Buffer
	for _, s := range f.Decls[1].(*ast.FuncDecl).Body.List {
		if err := format.Node(&stmts, fset, s); err != nil {
			t.Fatal(err)
		}
		stmts.WriteString("\n")
	}
	var out lockedBuffer
	i := newTestInterp(t, &out, &spawner{})
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	if _, err := i.EvalWithContext(ctx, `import "fmt"`); err != nil {
		t.Fatal(err)
	}
	if _, err := i.EvalWithContext(ctx, stmts.String()); err != nil {
		t.Fatalf("top-level statements: %v\n%s", err, stmts.String())
	}
	if got := out.String(); got != want {
		t.Errorf("got %q, want %q\n%s", got, want, stmts.String())
	}
	if !strings.Contains(stmts.String(), "__gk7_") {
		t.Errorf("NamePrefix not used:\n%s", stmts.String())
	}
}
