package rewrite

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestCellWithoutInfo runs the rewrites that need no types (receive
// positions, select, loop variables, range over an integer literal, defer
// arguments) with info == nil, as a pipeline whose check failed part-way
// might, and holds the result to Go's output.
func TestCellWithoutInfo(t *testing.T) {
	src := `package main

import "fmt"

func get(ch chan int) (r int) {
	select {
	case r = <-ch:
	}
	return
}

func show(s string) { fmt.Println("deferred", s) }

func main() {
	ch := make(chan int, 1)
	ch <- 7
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i })
	}
	for j := 0; j < 2; j++ {
		fs = append(fs, func() int { return 10 + j })
	}
	s := "first"
	defer show(s + "!")
	s = "second"
	fmt.Println(get(ch), fs[0](), fs[1](), fs[2](), fs[3](), fs[4]())
}
`
	want := goRun(t, src)
	if got := evalYaegi(t, rewriteSourceNoInfo(t, src, Options{})); got != want {
		t.Errorf("rewritten without info: got %q, want %q", got, want)
	}
	if raw := evalYaegi(t, src); raw == want {
		t.Errorf("raw yaegi already prints %q", want)
	}
}

// TestFreshNamesAvoidCellNames checks that fresh names skip names the cell
// already uses, and that NamePrefix is honoured.
func TestFreshNamesAvoidCellNames(t *testing.T) {
	src := `package main

import "fmt"

func main() {
	__gk1_v, __gk2_v, x__1_v := 1, 2, 3
	ch := make(chan int, 1)
	ch <- 40
	var s struct{ f int }
	s.f = <-ch
	fmt.Println(s.f + __gk1_v + __gk2_v + x__1_v - 6)
}
`
	runCases(t, []programCase{
		{name: "DefaultPrefix", src: src},
		{name: "CustomPrefix", src: src, opts: Options{NamePrefix: "x__"}},
	})
	out := rewriteSource(t, src, Options{NamePrefix: "x__"})
	if !strings.Contains(out, "x__2_v := <-ch") {
		t.Errorf("want the fresh local x__2_v (x__1_v is taken), got:\n%s", out)
	}
}

func TestCellErrors(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", "package main\nfunc main() {}\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := Cell(fset, f, nil, Options{Spawn: "go func("}); err == nil || !strings.HasPrefix(err.Error(), "rewrite: ") {
		t.Errorf("bad Spawn expression: err = %v, want a rewrite: error", err)
	}
	if err := Cell(fset, nil, nil, Options{}); err == nil {
		t.Error("nil file: want an error")
	}
	src := `package main

func seq(yield func(int) bool) {}

func main() {
	for x := range seq {
		defer println(x)
	}
}
`
	fset = token.NewFileSet()
	f, info := sharedChecker.check(t, fset, src)
	err = Cell(fset, f, info, Options{})
	if err == nil || !strings.Contains(err.Error(), "defer") || !strings.Contains(err.Error(), "cell.go:7") {
		t.Errorf("defer in range-over-func body: err = %v, want one naming the defer and its line", err)
	}
}
