package interp

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestFinalExpression(t *testing.T) {
	s, rec := newTestSession(t)
	cases := []struct {
		code, want string
	}{
		{"6*7", "42"},
		{`"a" + "b"`, "ab"},
		{"import \"fmt\"\nfmt.Println(1)", "<no result>"},
		{"func nothing() {}\nnothing()", "<no result>"},
		{"func two() (int, int) { return 1, 2 }\ntwo()", "<no result>"},
		{"func one() int { return 7 }\none()", "7"},
		{"x := 5", "<no result>"},
		{"x * 2", "10"},
		{"import \"strings\"\nstrings.ToUpper(\"go\")", "GO"},
	}
	for i, c := range cases {
		got := plainText(run(t, s, "c"+string(rune('a'+i)), c.code))
		if got != c.want {
			t.Errorf("%q: result %q, want %q", c.code, got, c.want)
		}
	}
	if out, _ := streams(rec.take(), "cc"); out != "1\n" {
		t.Errorf("fmt.Println output %q, want %q", out, "1\n")
	}
}

func TestImportsAndStatementsInOneCell(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "c1", "import \"fmt\"\nimport \"strings\"\nfmt.Println(strings.Repeat(\"ab\", 2))")
	// re-importing is harmless, and so is re-running the same cell
	run(t, s, "c2", "import \"fmt\"\nimport \"strings\"\nfmt.Println(strings.Repeat(\"ab\", 2))")
	ev := rec.take()
	for _, id := range []string{"c1", "c2"} {
		if out, _ := streams(ev, id); out != "abab\n" {
			t.Errorf("cell %s printed %q, want %q", id, out, "abab\n")
		}
	}
}

func TestRerunAndRedefine(t *testing.T) {
	s, _ := newTestSession(t)
	cell := "type P struct{ X int }\nfunc (p P) Double() int { return 2 * p.X }\nn := 1\nfunc f() int { return 10 }\nP{n + f()}.Double()"
	for i := 0; i < 2; i++ {
		if got := plainText(run(t, s, "r"+string(rune('0'+i)), cell)); got != "22" {
			t.Fatalf("run %d: %q, want 22", i, got)
		}
	}
	run(t, s, "c3", "func f() int { return 20 }\nn := \"now a string\"")
	if got := plainText(run(t, s, "c4", "f() + len(n)")); got != "32" {
		t.Errorf("after redefinition: %q, want 32", got)
	}
	_, err := s.Execute(context.Background(), Cell{ID: "c5", Code: "type P struct{ X, Y int }"})
	var e *Error
	if !errors.As(err, &e) || e.Name != "CompileError" || !strings.Contains(e.Value, "cell:1:6") || !strings.Contains(e.Value, "restart") {
		t.Errorf("changing a type: got %v, want a CompileError at cell:1:6 asking for a restart", err)
	}
}

func TestCompileErrors(t *testing.T) {
	s, _ := newTestSession(t)
	cases := []struct{ code, want string }{
		{"x := 1\ny := undefinedName + x", "cell:2:6: undefined: undefinedName"},
		{"\n\nvar s string = 5", "cell:3:16: cannot use 5"},
		{"func f() int {\n}", "cell:2:1: missing return"},
		{"x := (1 +", "cell:1:10:"},
		{"import \"fmt\"\nfmt.Printl(1)", "cell:2:5: undefined: fmt.Printl"},
	}
	for i, c := range cases {
		_, err := s.Execute(context.Background(), Cell{ID: "e" + string(rune('0'+i)), Code: c.code})
		var e *Error
		if !errors.As(err, &e) || e.Name != "CompileError" || !strings.HasPrefix(e.Value, c.want) {
			t.Errorf("%q: got %v, want CompileError starting with %q", c.code, err, c.want)
		}
		if e != nil && e.Traceback == nil {
			t.Errorf("%q: nil traceback", c.code)
		}
	}
	// unused top-level variables and imports are fine in a notebook
	run(t, s, "ok", "import \"os\"\nfunc g() { _ = 1 }\nv := 2")
	// unused variables of functions are not, as in Go
	_, err := s.Execute(context.Background(), Cell{ID: "unused", Code: "func g() { unused := 1 }"})
	if err == nil || !strings.Contains(err.Error(), "cell:1:12: declared and not used: unused") {
		t.Errorf("unused variable in a function: got %v, want Go's error", err)
	}
}

func TestPanic(t *testing.T) {
	s, rec := newTestSession(t)
	_, err := s.Execute(context.Background(), Cell{ID: "p1", Code: "func h() {\n\tvar m map[int]int\n\tm[1] = 2\n}\nh()"})
	var e *Error
	if !errors.As(err, &e) || e.Name != "panic" || !strings.Contains(e.Value, "nil map") {
		t.Fatalf("got %v, want a panic error about a nil map", err)
	}
	if !strings.Contains(strings.Join(e.Traceback, "\n"), "at cell:5:1 in cell") {
		t.Errorf("traceback %q lacks the cell line of the call (cell:5)", e.Traceback)
	}
	if _, stderr := streams(rec.take(), "p1"); stderr != "" {
		t.Errorf("panic wrote to stderr: %q", stderr)
	}
	if got := plainText(run(t, s, "p2", "1+1")); got != "2" {
		t.Errorf("after panic: %q", got)
	}
	_, err = s.Execute(context.Background(), Cell{ID: "p3", Code: "panic(\"boom\")"})
	if !errors.As(err, &e) || e.Name != "panic" || e.Value != "boom" {
		t.Errorf("panic(\"boom\"): got %v", err)
	}
}

func TestOutputOrderAndStreams(t *testing.T) {
	s, rec := newTestSession(t)
	code := `import ("fmt"; "os"; "log")
fmt.Println("one")
fmt.Fprintln(os.Stdout, "two")
os.Stdout.WriteString("three\n")
fmt.Print("four\n")
fmt.Fprintln(os.Stderr, "err1")
log.SetFlags(0)
log.Println("err2")`
	run(t, s, "o1", code)
	out, errOut := streams(rec.take(), "o1")
	if out != "one\ntwo\nthree\nfour\n" {
		t.Errorf("stdout %q", out)
	}
	if errOut != "err1\nerr2\n" {
		t.Errorf("stderr %q", errOut)
	}
}

func TestRedefinedFunctionUpdatesCallers(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "1", "func f() int { return 1 }\nfunc g() int { return f() * 10 }\nfunc h() int { return g() + 1 }\ntype T struct{}\nfunc (T) M() int { return f() }")
	run(t, s, "2", "func f() int { return 2 }")
	if got := plainText(run(t, s, "3", "h()")); got != "21" {
		t.Errorf("h() after redefining f: %q, want 21", got)
	}
	if _, stderr := streams(rec.take(), "2"); !strings.Contains(stderr, "method T.M calls a redefined function") {
		t.Errorf("no warning about the stale method; stderr %q", stderr)
	}
}

func TestRichFinalValues(t *testing.T) {
	s, _ := newTestSession(t)
	run(t, s, "types", `import "fmt"
type point struct{ x, y int }
type celsius float64
func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }
type badge struct{ label string }
func (b *badge) HTML() string { return "<b>" + b.label + "</b>" }`)
	cases := []struct {
		code, mime, want string
	}{
		{"point{1, 2}", "text/plain", "point{x:1, y:2}"},
		{"&point{3, 4}", "text/plain", "&point{x:3, y:4}"},
		{"[]point{{5, 6}}", "text/plain", "[]point{point{x:5, y:6}}"},
		{"celsius(21.5)", "text/plain", "21.5°C"},
		{"badge{\"new\"}", "text/html", "<b>new</b>"},
		{"badge{\"new\"}", "text/plain", `badge{label:"new"}`},
	}
	for i, c := range cases {
		res := run(t, s, fmt.Sprint("r", i), c.code)
		if res == nil || res.Data[c.mime] != c.want {
			t.Errorf("%s: %s = %v, want %q", c.code, c.mime, res, c.want)
		}
	}
}

func TestShowCellTypeRichly(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "s", `import "github.com/gokernel/gokernel/interp/display"
type badge struct{ label string }
func (b badge) HTML() string { return "<b>" + b.label + "</b>" }
display.Show(badge{"shown"})
h := display.NewHandle()
h.Update(&badge{"updated"})`)
	ev := rec.take()
	if len(ev) != 2 {
		t.Fatalf("%d events, want 2: %+v", len(ev), ev)
	}
	if ev[0].Data["text/html"] != "<b>shown</b>" || ev[0].Data["text/plain"] != `badge{label:"shown"}` {
		t.Errorf("show: %v", ev[0].Data)
	}
	if ev[1].Kind != UpdateDisplay || ev[1].Data["text/html"] != "<b>updated</b>" || ev[1].Data["text/plain"] != `&badge{label:"updated"}` {
		t.Errorf("update: %+v", ev[1])
	}
}

func TestUncheckedFinalCall(t *testing.T) {
	s, _ := newTestSession(t)
	// A cell runs unchecked when the checker cannot load an import; this
	// tests the decision that is then left to the interpreter's value.
	pc, err := parseCell(s.fset, "func v() {}\nv()", nil)
	if err != nil {
		t.Fatal(err)
	}
	f := s.prepareFinal(pc, &checked{skipped: true})
	if !f.uncheckedCall {
		t.Fatalf("final call not marked unchecked: %+v", f)
	}
	if r := s.result(f, reflect.ValueOf(func() {})); r != nil {
		t.Errorf("a func value (yaegi's value of a call returning nothing) gave a result %v", r.Data)
	}
	if r := s.result(f, reflect.ValueOf(42)); plainText(r) != "42" {
		t.Errorf("unchecked call value 42 gave %v", r)
	}
}
