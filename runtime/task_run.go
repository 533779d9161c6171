package runtime

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// execute runs the task's function and completes its future. On the loop
// it runs holding the baton, so done callbacks do too. It recovers a panic
// as CatchPanic does, but in its own frame: a task that waits keeps every
// frame between its goroutine's entry and the wait on its stack, so there
// are as few as possible (see Loop.work).
func (t *Task) execute() {
	var v any
	var err error
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, newPanicError(r)
		}
		t.settle(v, err)
	}()
	v, err = t.fn(&t.tctx)
}

// settle completes the task with the outcome of its function: an error
// caused by the task's context being done is its cancellation.
func (t *Task) settle(v any, err error) {
	if err != nil {
		if cerr := t.tctx.Err(); cerr != nil && errors.Is(err, cerr) {
			err = t.cancelledError()
		}
	}
	t.finish(v, err)
}

// startError returns the error of a task cancelled before it started, or
// nil if it may start.
func (t *Task) startError() error {
	if t.tctx.Err() != nil {
		return t.cancelledError()
	}
	return nil
}

// cancelledError is the error of a task stopped by its context:
// ErrCancelled, wrapping the parent context's cause unless it was Cancel.
func (t *Task) cancelledError() error {
	t.mu.Lock()
	req, cause := t.cancelReq, t.cause
	t.mu.Unlock()
	if req || cause == nil || errors.Is(cause, ErrCancelled) {
		return ErrCancelled
	}
	return fmt.Errorf("%w: %w", ErrCancelled, cause)
}

// finish records the outcome and releases the task's context.
// A panic in a done callback is reported (a loop's report, or standard
// error off the loop): it must not kill the task's goroutine, which the
// runtime owns.
func (t *Task) finish(v any, err error) {
	t.state.Store(int32(TaskDone))
	defer t.cancelContext(context.Canceled, context.Canceled)
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*PanicError)
			if !ok {
				pe = newPanicError(r)
			}
			t.report(fmt.Sprintf("runtime: done callback of task %q panicked: %v\n%s", t.Name(), pe.Value, pe.Stack))
		}
	}()
	t.fut.complete(v, err)
}

// report sends msg to the task's loop's report function, or to standard
// error off the loop.
func (t *Task) report(msg string) {
	if t.loop != nil {
		t.loop.cfg.report(msg)
		return
	}
	fmt.Fprintln(os.Stderr, msg)
}
