package runtime

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrTimeout is the error of WaitFor and AwaitTimeout when time runs out;
// it also matches context.DeadlineExceeded with errors.Is.
var ErrTimeout = errors.New("runtime: timeout")

// WaitFor calls fn with a context that is cancelled after d, like
// asyncio.wait_for and asyncio.timeout: fn runs on the caller's goroutine
// (in the caller's task), and WaitFor returns when fn does. If time ran out
// and fn failed, the error wraps ErrTimeout and context.DeadlineExceeded.
// A panic in fn becomes a *PanicError.
func WaitFor(ctx context.Context, d time.Duration, fn TaskFunc) (any, error) {
	tctx, cancel := context.WithTimeoutCause(ctx, d, ErrTimeout)
	defer cancel()
	v, err := CatchPanic(tctx, fn)
	if err != nil && context.Cause(tctx) == ErrTimeout && ctx.Err() == nil {
		return v, timeoutError(d, err)
	}
	return v, err
}

// AwaitTimeout waits at most d for aw, and on timeout cancels it (for a
// task: requests its cancellation, without waiting for it) and returns an
// error wrapping ErrTimeout. It returns ctx's error if ctx is done first.
func AwaitTimeout(ctx context.Context, d time.Duration, aw Awaitable) (any, error) {
	f := aw.Future()
	tctx, cancel := context.WithTimeoutCause(ctx, d, ErrTimeout)
	defer cancel()
	v, err := f.Await(tctx)
	if err != nil && !f.IsDone() && context.Cause(tctx) == ErrTimeout && ctx.Err() == nil {
		f.Cancel()
		return nil, timeoutError(d, err)
	}
	return v, err
}

// timeoutError wraps ErrTimeout and context.DeadlineExceeded around err.
func timeoutError(d time.Duration, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w after %v: %w", ErrTimeout, d, err)
	}
	return fmt.Errorf("%w after %v: %w (%w)", ErrTimeout, d, err, context.DeadlineExceeded)
}
