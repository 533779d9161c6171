package interp

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"time"

	"github.com/gokernel/gokernel/interp/display"
	"github.com/gokernel/gokernel/interp/input"
	yaegi "github.com/traefik/yaegi/interp"
)

// hostPath is the import path of the session's own helpers in the
// interpreter; rewritten cells refer to them as hostName.Go and so on.
const (
	hostPath = "gokernel.internal/host"
	hostName = "__gk"
)

// hostSymbols returns the session-bound helpers: tracked spawn, the
// interrupt channel and the final-value hook.
func (s *Session) hostSymbols() yaegi.Exports {
	return yaegi.Exports{
		hostPath + "/host": {
			"Go":     reflect.ValueOf(s.spawn),
			"Done":   reflect.ValueOf(s.done),
			"Result": reflect.ValueOf(s.setResult),
			"Rich":   reflect.ValueOf(s.rich),
			"Defer":  reflect.ValueOf(s.deferCall),
		},
	}
}

// overrides returns symbols that replace stdlib and gokernel symbols with
// session-aware versions.
func (s *Session) overrides() yaegi.Exports {
	return yaegi.Exports{
		"os/os": {
			"Stdout": reflect.ValueOf(&s.out.w).Elem(),
			"Stderr": reflect.ValueOf(&s.err.w).Elem(),
			"Stdin":  reflect.ValueOf(&s.stdin).Elem(),
			"Exit":   reflect.ValueOf(s.exit),
		},
		"time/time": {
			"Sleep": reflect.ValueOf(s.sleep),
		},
		"os/exec/exec": {
			"Command": reflect.ValueOf(s.command),
		},
		"github.com/gokernel/gokernel/interp/display/display": {
			"Show":      reflect.ValueOf(func(v any) { publisher{s}.Publish(display.Bundle(v), "", false) }),
			"Clear":     reflect.ValueOf(publisher{s}.Clear),
			"NewHandle": reflect.ValueOf(func() *display.Handle { return display.NewHandleWith(publisher{s}) }),
		},
		"github.com/gokernel/gokernel/interp/input/input": {
			"Line":     reflect.ValueOf(func(prompt string) (string, error) { return s.readInput(prompt, false) }),
			"Password": reflect.ValueOf(func(prompt string) (string, error) { return s.readInput(prompt, true) }),
		},
	}
}

// exit ends the worker process like os.Exit, after the output written so far
// has been emitted. The kernel reports the exit on the running cell.
func (s *Session) exit(code int) {
	s.out.sync()
	s.err.sync()
	os.Exit(code)
}

// sleep is time.Sleep for cells: an interrupt wakes it, so that an
// interrupted `time.Sleep(time.Hour)` ends its goroutine at once.
func (s *Session) sleep(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-s.done():
	}
}

// command is exec.Command for cells: the process is killed when the cell
// (or any later one, yaegi's interrupt being global) is interrupted, so an
// interrupted `cmd.Run()` returns instead of leaving the cell stuck in a
// compiled call. exec.CommandContext in cells keeps the caller's context.
func (s *Session) command(name string, arg ...string) *exec.Cmd {
	s.stateMu.Lock()
	ctx := s.interruptCtx
	s.stateMu.Unlock()
	return exec.CommandContext(ctx, name, arg...)
}

// done returns a channel closed by the next interrupt.
func (s *Session) done() <-chan struct{} {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	return s.interrupt
}

// publisher is the display.Publisher of cells: display_data (or
// update_display_data) and clear_output under the calling goroutine's cell.
// Output written before is emitted first.
type publisher struct{ s *Session }

// Publish implements display.Publisher.
func (p publisher) Publish(bundle map[string]any, displayID string, update bool) {
	s := p.s
	cell := s.route.caller()
	s.out.sync()
	s.err.sync()
	kind := Display
	if update {
		kind = UpdateDisplay
	}
	s.emit(Event{Kind: kind, CellID: cell, Data: bundle, Metadata: map[string]any{}, DisplayID: displayID})
}

// Clear implements display.Publisher.
func (p publisher) Clear(wait bool) {
	s := p.s
	cell := s.route.caller()
	s.out.sync()
	s.err.sync()
	s.emit(Event{Kind: ClearOutput, CellID: cell, Wait: wait})
}

// readInput serves input.Line and input.Password.
func (s *Session) readInput(prompt string, password bool) (string, error) {
	cell := s.route.caller()
	s.stateMu.Lock()
	allow, ctx := s.allowStdin[cell], s.cellCtx
	s.stateMu.Unlock()
	if s.opts.Input == nil || !allow {
		return "", fmt.Errorf("%w: this cell may not read input (the front end did not allow stdin)", input.ErrNoInput)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	s.out.sync()
	s.err.sync()
	line, err := s.opts.Input(ctx, cell, prompt, password)
	if err != nil {
		return "", fmt.Errorf("input: %w", err)
	}
	return strings.TrimSuffix(line, "\n"), nil
}

// scanReader is the interpreter's standard input, which fmt.Scan, Scanf and
// Scanln read: each time it runs dry it asks the user for a line, like
// input.Line, and fails at once when the cell may not read input. (os.Stdin
// in cells is an empty file: nothing can tell when a cell reads it.)
type scanReader struct {
	s   *Session
	buf []byte
}

func (r *scanReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		line, err := r.s.readInput("", false)
		if err != nil {
			return 0, err
		}
		r.buf = []byte(line + "\n")
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}
