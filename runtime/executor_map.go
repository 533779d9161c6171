package runtime

import "context"

// Map runs fn(ctx, item) for every item on the executor's workers and
// returns the results in the order of items, like Executor.map. It waits
// for all of them; on the first error (in item order) it cancels the items
// not yet started and returns that error. Items that were already running
// finish on their workers. If ctx ends, it cancels what has not started and
// returns ctx's error.
func (e *Executor) Map(ctx context.Context, fn func(ctx context.Context, item any) (any, error), items []any) ([]any, error) {
	futs := make([]*Future, len(items))
	for i, item := range items {
		futs[i] = e.Submit(ctx, func(ctx context.Context) (any, error) { return fn(ctx, item) })
	}
	out := make([]any, len(items))
	for i, f := range futs {
		v, err := awaitFuture(ctx, f)
		if err != nil {
			cancelAll(futs[i+1:])
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// cancelAll cancels every future in fs; running work is not stopped.
func cancelAll(fs []*Future) {
	for _, f := range fs {
		f.Cancel()
	}
}
