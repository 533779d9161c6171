package runtime

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

// ErrCancelled is the error of a future or task that was cancelled.
var ErrCancelled = errors.New("runtime: cancelled")

// ErrNotDone is returned by Future.Result when the future has no outcome yet.
var ErrNotDone = errors.New("runtime: future not done")

// Future is a placeholder for a result that becomes available later, like
// asyncio.Future and concurrent.futures.Future. It is completed exactly once,
// by SetResult, SetError or Cancel; later completions are ignored.
//
// Use NewFuture; the zero value is not usable. A Future starts no goroutines:
// callbacks run on the goroutine that completes it.
//
// Await, Result, Err, Done and AddDoneCallback mark the future as observed;
// an event loop in debug mode reports tasks whose future nobody observed.
type Future struct {
	mu        sync.Mutex
	state     atomic.Bool // completed; value and err are set before
	observed  atomic.Bool
	done      chan struct{} // made on demand by Done, closed on completion
	value     any
	err       error
	callback  func(*Future) // the first callback, the others in callbacks
	callbacks []func(*Future)
	// task, when set (a Task's future), turns Cancel into a cancellation
	// request: the future completes when the task returns.
	task *Task
}

// Awaitable is what Gather, WaitFirst, AsCompleted and the like accept:
// *Future and *Task both are. Future returns the future that receives the
// outcome.
type Awaitable interface {
	Future() *Future
}

// Future returns f itself, so that *Future is an Awaitable.
func (f *Future) Future() *Future { return f }

// NewFuture returns a pending future.
func NewFuture() *Future { return &Future{} }

// SetResult completes f with v. It reports whether this call completed f.
func (f *Future) SetResult(v any) bool { return f.complete(v, nil) }

// SetError completes f with err (which must not be nil). It reports whether
// this call completed f.
func (f *Future) SetError(err error) bool {
	if err == nil {
		panic("runtime: Future.SetError with nil error")
	}
	return f.complete(nil, err)
}

// Cancel completes f with ErrCancelled. It reports whether this call
// completed f; it does not wait for whoever computes the value to stop.
//
// For the future of a Task, Cancel is Task.Cancel: it requests the task's
// cancellation and reports whether the task was still running; the future
// completes when the task's function returns.
func (f *Future) Cancel() bool {
	if f.task != nil {
		return f.task.Cancel()
	}
	return f.complete(nil, ErrCancelled)
}

func (f *Future) complete(v any, err error) bool {
	f.mu.Lock()
	if f.state.Load() {
		f.mu.Unlock()
		return false
	}
	f.value, f.err = v, err
	f.state.Store(true)
	if f.done != nil {
		close(f.done)
	}
	cb, cbs := f.callback, f.callbacks
	f.callback, f.callbacks = nil, nil
	f.mu.Unlock()
	f.runCallbacks(cb, cbs)
	return true
}

// runCallbacks calls first (if not nil), then cbs, all of them even if
// some panic; the first panic is re-raised after the last callback ran, so
// that the completer sees it and no waiter is left behind.
func (f *Future) runCallbacks(first func(*Future), cbs []func(*Future)) {
	var panicked *PanicError
	call := func(cb func(*Future)) {
		defer func() {
			if r := recover(); r != nil && panicked == nil {
				panicked = newPanicError(r)
			}
		}()
		cb(f)
	}
	if first != nil {
		call(first)
	}
	for _, cb := range cbs {
		call(cb)
	}
	if panicked != nil {
		panic(panicked)
	}
}

// Done returns a channel that is closed when f is completed. Receiving from
// it in a loop task holds the loop; use Await there.
func (f *Future) Done() <-chan struct{} {
	f.observed.Store(true)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done == nil {
		f.done = make(chan struct{})
		if f.state.Load() {
			close(f.done)
		}
	}
	return f.done
}

// IsDone reports whether f is completed.
func (f *Future) IsDone() bool { return f.state.Load() }

// Cancelled reports whether f was completed by Cancel (or with an error
// that wraps ErrCancelled).
func (f *Future) Cancelled() bool {
	return f.IsDone() && errors.Is(f.err, ErrCancelled)
}

// Result returns f's value and error without waiting; it returns ErrNotDone
// while f is pending.
func (f *Future) Result() (any, error) {
	f.observed.Store(true)
	if !f.IsDone() {
		return nil, ErrNotDone
	}
	return f.value, f.err
}

// Err returns f's error without waiting: nil while pending or on success.
func (f *Future) Err() error {
	f.observed.Store(true)
	if !f.IsDone() {
		return nil
	}
	return f.err
}

// Await waits until f is completed or ctx is done, and returns f's outcome
// or ctx's error. Giving up on ctx does not cancel f. In a loop task it
// gives the loop to other tasks while it waits, and the task is queued
// again the moment f completes.
func (f *Future) Await(ctx context.Context) (any, error) {
	f.observed.Store(true)
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	return f.value, f.err
}

// wait waits for f or ctx, giving the loop away in a loop task.
func (f *Future) wait(ctx context.Context) error {
	if f.IsDone() {
		return nil
	}
	var stop stopper
	if t := suspendTask(ctx, func(wake func()) {
		f.addCallback(func(*Future) { wake() })
		stop = onDone(ctx, wake)
	}); t != nil {
		stop.stop()
		if f.IsDone() {
			return nil
		}
		return wokenErr(ctx, t)
	}
	select {
	case <-f.Done():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// AddDoneCallback arranges for cb to be called with f once f is completed;
// if f is already completed, cb runs at once on the caller's goroutine.
func (f *Future) AddDoneCallback(cb func(*Future)) {
	f.observed.Store(true)
	f.addCallback(cb)
}

// addCallback is AddDoneCallback without marking f observed.
func (f *Future) addCallback(cb func(*Future)) {
	f.mu.Lock()
	if !f.IsDone() {
		if f.callback == nil {
			f.callback = cb
		} else {
			f.callbacks = append(f.callbacks, cb)
		}
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	cb(f)
}
