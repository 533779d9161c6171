package runtime

import (
	"context"
	"sync"
)

// Event is a flag that tasks and goroutines can wait for, like
// asyncio.Event: Wait returns once Set has been called, until Clear.
//
// Use NewEvent; the zero value is not usable. An Event starts no
// goroutines. Wait waits as a blocking region (the event loop and the GIL
// are given away while it waits).
type Event struct {
	mu  sync.Mutex
	ch  chan struct{}
	set bool
}

// NewEvent returns an Event that is not set.
func NewEvent() *Event { return &Event{ch: make(chan struct{})} }

// Set sets the flag and wakes every waiter. It does not wait.
func (e *Event) Set() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.set {
		e.set = true
		close(e.ch)
	}
}

// Clear unsets the flag; later Waits wait for the next Set.
func (e *Event) Clear() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.set {
		e.set = false
		e.ch = make(chan struct{})
	}
}

// IsSet reports whether the flag is set.
func (e *Event) IsSet() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.set
}

// Wait waits until the flag is set, or returns ctx's error if ctx ends
// first.
func (e *Event) Wait(ctx context.Context) error {
	e.mu.Lock()
	ch := e.ch
	e.mu.Unlock()
	select {
	case <-ch:
		return nil
	default:
	}
	return blockingWait(ctx, func() error {
		select {
		case <-ch:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// Done returns a channel closed when the flag is next set (already closed
// while it is set).
func (e *Event) Done() <-chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ch
}
