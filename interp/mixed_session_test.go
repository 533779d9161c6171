package interp

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestLongMixedSession runs a session as a user would — declarations,
// redefinitions, goroutines that print while later cells run, panics in
// cells and in goroutines, an interrupt — and checks that every piece of
// output lands under the cell it belongs to, and nowhere else.
//
// Goroutines that outlive their cell race inside yaegi with the next cell's
// evaluation (yaegi's resizeFrame writes the global frame that running
// closures read), so the race detector would flag yaegi: under -race the
// test is skipped with that reason, and `make test` runs it without -race.
func TestLongMixedSession(t *testing.T) {
	if raceEnabled {
		t.Skip("yaegi v0.16.1 races on its global frame (interp.go:490 resizeFrame vs value.go:139) when goroutines outlive their cell; this test runs in the non-race pass of make test")
	}
	s, rec := newTestSession(t)
	want := map[string][2]string{} // cell → stdout, stderr substring
	step := func(id, code, stdout, stderrHas string) {
		t.Helper()
		run(t, s, id, code)
		want[id] = [2]string{stdout, stderrHas}
	}
	fail := func(id, code, name string, ctx context.Context) {
		t.Helper()
		_, err := s.Execute(ctx, Cell{ID: id, Code: code})
		var e *Error
		if !errorsAs(err, &e) || e.Name != name {
			t.Fatalf("cell %s: got %v, want an error named %s", id, err, name)
		}
		want[id] = [2]string{"", ""}
	}

	step("A", "import \"fmt\"\nfunc greet(n string) string { return \"hello \" + n }\nfmt.Println(greet(\"a\"))", "hello a\n", "")
	step("B", "func greet(n string) string { return \"hi \" + n }\nfmt.Println(greet(\"b\"))", "hi b\n", "")
	step("C", `tell, done := make(chan bool), make(chan bool)
go func(tell, done chan bool) {
	for range tell {
		fmt.Println("from C's goroutine")
		done <- true
	}
}(tell, done)
fmt.Println("C started it")`, "C started it\nfrom C's goroutine\nfrom C's goroutine\n", "")
	step("D", "fmt.Println(\"D runs\")\ntell <- true\n<-done", "D runs\n", "")
	fail("E", "fmt.Print(\"\")\npanic(\"boom in E\")", "panic", context.Background())
	step("F", "tell <- true\n<-done\nfmt.Println(\"F after\")", "F after\n", "")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	fail("G", "select {}", "Interrupted", ctx) // the timer is only the interrupt's trigger
	step("H", "fmt.Println(greet(\"h\"))", "hi h\n", "")
	step("I", `trigger := make(chan bool)
go func(trigger chan bool) {
	<-trigger
	var m map[string]int
	m["x"] = 1
}(trigger)`, "", "assignment to entry in nil map")
	step("J", "close(trigger)", "", "")
	s.wg.Wait()
	s.err.sync()
	res := run(t, s, "K", "x := 41\nx + 1")
	want["K"] = [2]string{"", ""}
	if plainText(res) != "42" {
		t.Errorf("cell K = %q, want 42", plainText(res))
	}

	events := rec.take()
	for _, ev := range events {
		if _, ok := want[ev.CellID]; !ok && ev.Kind == Stream {
			t.Errorf("output %q under unknown cell %q", ev.Text, ev.CellID)
		}
	}
	for id, w := range want {
		out, errText := streams(events, id)
		if out != w[0] {
			t.Errorf("cell %s stdout = %q, want %q", id, out, w[0])
		}
		if w[1] == "" && errText != "" {
			t.Errorf("cell %s stderr = %q, want none", id, errText)
		}
		if w[1] != "" && !strings.Contains(errText, w[1]) {
			t.Errorf("cell %s stderr = %q, want it to mention %q", id, errText, w[1])
		}
	}
}
