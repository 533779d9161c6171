package runtime

import (
	"context"
	"sync/atomic"
)

// worker takes tasks until the executor is shut down and drained.
func (e *Executor) worker(h *holder) {
	defer e.wg.Done()
	for {
		it, ok := e.next()
		if !ok {
			return
		}
		e.run(h, it)
	}
}

// next waits for a task; it reports false once shut down with none left.
func (e *Executor) next() (*workItem, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for e.pending.len() == 0 && !e.closed {
		e.cond.Wait()
	}
	if e.pending.len() == 0 {
		return nil, false
	}
	return e.pending.pop().(*workItem), true
}

// run runs one task as bytecode of h's interpreter and completes its
// future.
func (e *Executor) run(h *holder, it *workItem) {
	if it.fut.IsDone() || it.ctx.Err() != nil {
		it.fut.Cancel()
		e.finish(&e.counters.cancelled)
		return
	}
	e.counters.running.Add(1)
	h.enter()
	v, err := CatchPanic(&taskCtx{Context: it.ctx, h: h}, it.fn)
	h.release()
	if err != nil {
		it.fut.SetError(err)
		e.finish(&e.counters.failed)
	} else {
		it.fut.SetResult(v)
		e.finish(&e.counters.done)
	}
	e.counters.running.Add(-1)
}

// finish counts a finished task and reports progress.
func (e *Executor) finish(c *atomic.Int64) {
	c.Add(1)
	if e.opts.OnProgress != nil {
		e.opts.OnProgress(e.Stats())
	}
}

// taskCtx is the context a task runs with: its submitter's values and
// cancellation, the worker's holder, and no loop membership (as
// WithoutLoop), so that waits on a worker never touch a loop's baton. One
// allocation instead of two context.WithValue nodes.
type taskCtx struct {
	context.Context
	h *holder
}

func (c *taskCtx) Value(key any) any {
	switch key {
	case holderKey{}:
		return c.h
	case taskKey{}:
		return (*Task)(nil)
	}
	return c.Context.Value(key)
}
