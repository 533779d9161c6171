package interp

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

// recorder collects a session's events.
type recorder struct {
	mu     sync.Mutex
	events []Event
	hook   func(Event) // called with each event, outside the lock
}

func (r *recorder) emit(e Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	hook := r.hook
	r.mu.Unlock()
	if hook != nil {
		hook(e)
	}
}

// take returns and clears the events so far.
func (r *recorder) take() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	ev := r.events
	r.events = nil
	return ev
}

// streams concatenates the stream text of events for cell, by stream name.
func streams(events []Event, cell string) (stdout, stderr string) {
	var o, e strings.Builder
	for _, ev := range events {
		if ev.Kind != Stream || ev.CellID != cell {
			continue
		}
		if ev.Name == "stdout" {
			o.WriteString(ev.Text)
		} else {
			e.WriteString(ev.Text)
		}
	}
	return o.String(), e.String()
}

// newTestSession starts a session without process capture, closed at the
// end of the test.
func newTestSession(t *testing.T) (*Session, *recorder) {
	t.Helper()
	rec := &recorder{}
	s, err := New(Options{Emit: rec.emit})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, rec
}

// run runs code as a cell with id and fails the test on error.
func run(t *testing.T, s *Session, id, code string) *Result {
	t.Helper()
	res, err := s.Execute(context.Background(), Cell{ID: id, Code: code})
	if err != nil {
		t.Fatalf("cell %s: %v\n%s", id, err, tb(err))
	}
	return res
}

// tb returns an error's traceback, if it is an *Error.
func tb(err error) string {
	if e, ok := err.(*Error); ok {
		return strings.Join(e.Traceback, "\n")
	}
	return ""
}

// plainText returns a result's text/plain.
func plainText(r *Result) string {
	if r == nil {
		return "<no result>"
	}
	s, _ := r.Data["text/plain"].(string)
	return s
}

// errorsAs is errors.As for tests that import os/exec (whose name clashes
// with nothing, but keeps imports short).
func errorsAs(err error, target any) bool { return errors.As(err, target) }
