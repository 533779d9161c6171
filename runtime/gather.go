package runtime

import (
	"context"
	"sync/atomic"
)

// Gather waits for every awaitable and returns their values in the order
// given, like asyncio.gather. It fails fast: as soon as one of them fails
// it returns that error (the first to fail, in time), without cancelling
// the others, which keep running; cancel them yourself, or use GatherFuncs
// or a Group, which do. It returns ctx's error if ctx is done first. In a
// loop task it gives the loop away while it waits.
func Gather(ctx context.Context, aws ...Awaitable) ([]any, error) {
	fs := futures(aws)
	if err := waitFutures(ctx, fs, true); err != nil {
		return nil, err
	}
	vals := make([]any, len(fs))
	for i, f := range fs {
		vals[i] = f.value
	}
	return vals, nil
}

// futures returns the futures of aws, marked as observed.
func futures(aws []Awaitable) []*Future {
	fs := make([]*Future, len(aws))
	for i, a := range aws {
		fs[i] = a.Future()
		fs[i].observed.Store(true)
	}
	return fs
}

// waitFutures waits until all fs are done, or (failFast) one has failed,
// or ctx is done; it returns the failure or ctx's error.
func waitFutures(ctx context.Context, fs []*Future, failFast bool) error {
	gate := futuresGate(fs, failFast)
	if gate == nil {
		return firstError(fs, failFast)
	}
	if err := gate.wait(ctx); err != nil {
		return err
	}
	return gate.err
}

// firstError returns the first error among done futures when failFast.
func firstError(fs []*Future, failFast bool) error {
	if !failFast {
		return nil
	}
	for _, f := range fs {
		if f.err != nil {
			return f.err
		}
	}
	return nil
}

// futuresGate returns a future completed when every future of fs is done,
// or (failFast) with the first failure; nil when none is pending or one
// has failed already. One shared callback counts the futures down (it runs
// at once for those done already).
func futuresGate(fs []*Future, failFast bool) *Future {
	pending := false
	for _, f := range fs {
		if !f.IsDone() {
			pending = true
		} else if failFast && f.err != nil {
			return nil
		}
	}
	if !pending {
		return nil
	}
	gate := NewFuture()
	var left atomic.Int64
	left.Store(int64(len(fs)))
	cb := func(f *Future) {
		if failFast && f.err != nil {
			gate.SetError(f.err)
		}
		if left.Add(-1) == 0 {
			gate.SetResult(nil)
		}
	}
	for _, f := range fs {
		f.addCallback(cb)
	}
	return gate
}

// onceFlag is a flag that is set once.
type onceFlag struct{ b atomic.Bool }

// set sets the flag and reports whether this call did.
func (o *onceFlag) set() bool { return o.b.CompareAndSwap(false, true) }
