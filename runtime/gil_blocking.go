package runtime

import "context"

// blockingWait runs wait, a call that blocks until something outside the
// caller happens (a queue item, a lock, a process exit, a network read), as
// a blocking region: like CPython, which drops the GIL around blocking I/O,
// the region gives away the GIL of the executor worker that ctx belongs to,
// and, through the event loop's hook, the loop's baton when ctx belongs to a
// loop task, so that other tasks run meanwhile. It returns wait's error.
func blockingWait(ctx context.Context, wait func() error) error {
	if h := holderFrom(ctx); h != nil {
		h.release()
		defer h.reacquire()
	}
	return Blocking(ctx, wait)
}
