package runtime

import (
	"context"
	"errors"
	"fmt"
)

// execute runs the task's function and completes its future. On the loop
// it runs holding the baton, so done callbacks do too.
func (t *Task) execute() {
	v, err := CatchPanic(t.ctx, t.fn)
	if err != nil && t.ctx.Err() != nil && errors.Is(err, t.ctx.Err()) {
		err = cancelledError(t.ctx)
	}
	t.finish(v, err)
}

// finish records the outcome and releases the task's context.
func (t *Task) finish(v any, err error) {
	t.state.Store(int32(TaskDone))
	t.fut.complete(v, err)
	t.cancel(nil)
}

// cancelledError is the error of a task stopped by its context: ErrCancelled,
// wrapping the context's cause when it was not Task.Cancel.
func cancelledError(ctx context.Context) error {
	cause := context.Cause(ctx)
	if cause == nil || errors.Is(cause, ErrCancelled) {
		return ErrCancelled
	}
	return fmt.Errorf("%w: %w", ErrCancelled, cause)
}
