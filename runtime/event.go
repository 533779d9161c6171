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
	fut *Future // completed while the flag is set
}

// NewEvent returns an Event that is not set.
func NewEvent() *Event { return &Event{fut: NewFuture()} }

func (e *Event) current() *Future {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.fut
}

// Set sets the flag and wakes every waiter. It does not wait.
func (e *Event) Set() { e.current().SetResult(nil) }

// Clear unsets the flag; later Waits wait for the next Set.
func (e *Event) Clear() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.fut.IsDone() {
		e.fut = NewFuture()
	}
}

// IsSet reports whether the flag is set.
func (e *Event) IsSet() bool { return e.current().IsDone() }

// Wait waits until the flag is set, or returns ctx's error if ctx ends
// first. A loop task waiting is queued again the moment Set is called.
func (e *Event) Wait(ctx context.Context) error {
	_, err := awaitFuture(ctx, e.current())
	return err
}

// Done returns a channel closed when the flag is next set (already closed
// while it is set).
func (e *Event) Done() <-chan struct{} { return e.current().Done() }
