package runtime

import (
	"context"
	"errors"
)

// ErrNoAwaitables is returned by WaitFirst when given nothing to wait for.
var ErrNoAwaitables = errors.New("runtime: nothing to wait for")

// WaitAll waits until every awaitable has completed, successfully or not,
// like asyncio.wait(return_when=ALL_COMPLETED); their outcomes stay in
// them. It returns ctx's error if ctx is done first, and nothing else.
func WaitAll(ctx context.Context, aws ...Awaitable) error {
	return waitFutures(ctx, futures(aws), false)
}

// WaitFirst waits until one of the awaitables has completed and returns
// its index (the lowest, if several are done), like
// asyncio.wait(return_when=FIRST_COMPLETED). The others are left running.
// It returns -1 and ctx's error if ctx is done first.
func WaitFirst(ctx context.Context, aws ...Awaitable) (int, error) {
	if len(aws) == 0 {
		return -1, ErrNoAwaitables
	}
	fs := futures(aws)
	if i := firstDone(fs); i >= 0 {
		return i, nil
	}
	first := NewFuture()
	for _, f := range fs {
		f.addCallback(func(*Future) { first.SetResult(nil) })
	}
	if err := first.wait(ctx); err != nil {
		return -1, err
	}
	return firstDone(fs), nil
}

// firstDone returns the index of the first done future, or -1.
func firstDone(fs []*Future) int {
	for i, f := range fs {
		if f.IsDone() {
			return i
		}
	}
	return -1
}
