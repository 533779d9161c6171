package runtime

import "context"

// ToThread runs fn on a goroutine of its own and waits for it as a
// blocking region, like asyncio.to_thread: called from a loop task, the
// loop keeps running other tasks meanwhile. fn gets ctx without loop
// membership (see WithoutLoop). ToThread owns the goroutine and always
// waits for fn to return, also after ctx ends (fn should watch ctx); it
// then returns ctx's error. A panic in fn becomes a *PanicError.
func ToThread(ctx context.Context, fn TaskFunc) (any, error) {
	done := make(chan struct{})
	var v any
	var err error
	go func() {
		defer close(done)
		v, err = CatchPanic(detachedCtx{ctx}, fn)
	}()
	werr := blockingWait(ctx, func() error {
		<-done
		return nil
	})
	if werr != nil {
		return nil, werr
	}
	if cerr := ctx.Err(); cerr != nil && err == nil {
		return nil, cerr
	}
	return v, err
}

// RunInExecutor submits fn to ex and waits for its result as a blocking
// region, like loop.run_in_executor; a nil ex means ToThread. If ctx ends
// first, the task is cancelled if it has not started (a running one
// finishes on its worker) and ctx's error is returned.
func RunInExecutor(ctx context.Context, ex *Executor, fn TaskFunc) (any, error) {
	if ex == nil {
		return ToThread(ctx, fn)
	}
	f := ex.Submit(ctx, fn)
	v, err := awaitFuture(ctx, f)
	if err != nil && ctx.Err() != nil {
		f.Cancel()
	}
	return v, err
}

// detachedCtx is ctx for a goroutine of its own: it keeps ctx's values and
// cancellation but belongs to no loop task and no executor worker, so its
// waits never hand over a baton or a GIL it does not hold.
type detachedCtx struct{ context.Context }

func (c detachedCtx) Value(key any) any {
	switch key {
	case holderKey{}:
		return (*holder)(nil)
	case taskKey{}:
		return (*Task)(nil)
	}
	return c.Context.Value(key)
}
