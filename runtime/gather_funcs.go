package runtime

import "context"

// GatherFuncs runs each function as a task (see CreateTask) and returns
// their values in order. Unlike Gather, it owns the tasks: when one fails,
// or ctx is done, it cancels the others and waits for them to stop before
// it returns the error, so no task outlives the call.
func GatherFuncs(ctx context.Context, fns ...TaskFunc) ([]any, error) {
	gctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ts := make([]Awaitable, len(fns))
	for i, fn := range fns {
		ts[i] = CreateTask(gctx, fn)
	}
	vals, err := Gather(ctx, ts...)
	if err != nil {
		cancel(err)
		_ = WaitAll(context.WithoutCancel(ctx), ts...)
	}
	return vals, err
}
