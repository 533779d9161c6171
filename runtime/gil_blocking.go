package runtime

import "context"

// blockingWait runs wait, a call that blocks until something outside the
// caller happens (a process exit, a network read, a timer), as a blocking
// region: like CPython, which drops the GIL around blocking I/O, it gives
// away the GIL of the executor worker that ctx belongs to, and, through
// Blocking, the loop's baton when ctx belongs to a loop task, so that
// other tasks run meanwhile. It returns wait's error.
func blockingWait(ctx context.Context, wait func() error) error {
	return gilReleased(ctx, func() error { return Blocking(ctx, wait) })
}

// gilReleased runs fn with the GIL of ctx's executor worker released (if
// ctx belongs to a worker that holds it) and returns fn's error.
func gilReleased(ctx context.Context, fn func() error) error {
	if h := holderFrom(ctx); h != nil && h.release() {
		defer h.reacquire()
	}
	return fn()
}

// awaitFuture waits for f with Future.Await (so a loop task is queued again
// the moment f completes) with the worker's GIL released, and returns f's
// outcome or ctx's error.
func awaitFuture(ctx context.Context, f *Future) (any, error) {
	if f.IsDone() {
		return f.Result()
	}
	var v any
	err := gilReleased(ctx, func() error {
		var err error
		v, err = f.Await(ctx)
		return err
	})
	return v, err
}
