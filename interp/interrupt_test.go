package interp

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

// cancelOn returns a context cancelled when the session emits text on
// stdout (the cell prints it right before blocking).
func cancelOn(rec *recorder, text string) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	rec.mu.Lock()
	rec.hook = func(e Event) {
		if e.Kind == Stream && strings.Contains(e.Text, text) {
			once.Do(cancel)
		}
	}
	rec.mu.Unlock()
	return ctx
}

func TestInterrupt(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "setup", "import (\"fmt\"; \"time\")\nch := make(chan int)")
	blocking := map[string]string{
		"loop":   "for {}",
		"sleep":  "time.Sleep(time.Hour)",
		"select": "select {}",
		"recv":   "<-ch",
		"nested": "func spin() { for { } }\nspin()",
		// channel operations in functions are compiled before the
		// evaluation starts: they must be cancellable too
		"funcrecv":   "func wait(c chan int) int { v := <-c; return v }\nwait(ch)",
		"funcselect": "func sel(c chan int) { select { case <-c: } }\nsel(ch)",
		"funcsend":   "func put(c chan int) { c <- 1 }\nput(ch)",
	}
	for name, code := range blocking {
		t.Run(name, func(t *testing.T) {
			ctx := cancelOn(rec, "started-"+name)
			_, err := s.Execute(ctx, Cell{ID: name, Code: "fmt.Println(\"started-" + name + "\")\n" + code})
			var e *Error
			if !errors.As(err, &e) || e.Name != "Interrupted" {
				t.Fatalf("got %v, want Interrupted", err)
			}
			if got := plainText(run(t, s, name+"-after", "40+2")); got != "42" {
				t.Errorf("cell after interrupt: %q", got)
			}
		})
	}
}

func TestInterruptReportsBackgroundTasks(t *testing.T) {
	s, rec := newTestSession(t)
	// The goroutine gets its channels as arguments and the cell waits until
	// it runs: yaegi's global frame is not safe for goroutines that start
	// while the next cell is evaluated (data races inside yaegi).
	run(t, s, "bg", `import "fmt"
block, started := make(chan int), make(chan bool)
go func(b chan int, s chan bool) { s <- true; <-b }(block, started)
<-started`)
	if n := len(s.Background()); n != 1 {
		t.Fatalf("Background() has %d tasks, want 1", n)
	}
	ctx := cancelOn(rec, "started")
	_, err := s.Execute(ctx, Cell{ID: "stop", Code: "fmt.Println(\"started\")\nselect {}"})
	var e *Error
	if !errors.As(err, &e) || e.Name != "Interrupted" {
		t.Fatalf("got %v, want Interrupted", err)
	}
	if !strings.Contains(strings.Join(e.Traceback, "\n"), "started by cell bg") {
		t.Errorf("traceback %q does not name the stopped task of cell bg", e.Traceback)
	}
}

func TestInterruptKillsChildProcess(t *testing.T) {
	s, rec := newTestSession(t)
	ctx := cancelOn(rec, "started")
	_, err := s.Execute(ctx, Cell{ID: "cmd", Code: `import ("fmt"; "os/exec")
cmd := exec.Command("sleep", "3600")
cmd.Start()
fmt.Println("started")
cmd.Wait()`})
	var e *Error
	if !errors.As(err, &e) || e.Name != "Interrupted" {
		t.Fatalf("got %v, want Interrupted", err)
	}
	// The child was killed. The interrupt may have stopped the cell before
	// it reached cmd.Wait; then this Wait returns at once (it would block
	// for an hour on a live child).
	res, err := s.Execute(context.Background(), Cell{ID: "after", Code: "if cmd.ProcessState == nil {\n\tcmd.Wait()\n}\ncmd.ProcessState.String()"})
	if err != nil {
		t.Fatalf("after interrupt: %v", err)
	}
	if got := plainText(res); got != "signal: killed" {
		t.Errorf("child state %q, want signal: killed", got)
	}
}

func TestCloseStopsBlockedGoroutines(t *testing.T) {
	rec := &recorder{}
	s, err := New(Options{Emit: rec.emit})
	if err != nil {
		t.Fatal(err)
	}
	run(t, s, "bg", `started := make(chan bool)
go func(s chan bool, never chan int) { s <- true; <-never }(started, make(chan int))
go func(s chan bool) { s <- true; select {} }(started)
<-started
<-started`)
	if n := len(s.Background()); n != 2 {
		t.Errorf("Background() = %d tasks, want 2", n)
	}
	// Close must stop both (goleak in TestMain checks that nothing is left)
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if n := len(s.Background()); n != 0 {
		t.Errorf("after Close, Background() = %d tasks", n)
	}
}
