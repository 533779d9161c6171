package runtime

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
// future. Counters are updated before the future completes, so whoever
// awaits it sees them.
func (e *Executor) run(h *holder, it *workItem) {
	if it.fut.IsDone() || it.Err() != nil {
		e.counters.cancelled.Add(1)
		it.fut.Cancel()
		e.progress()
		return
	}
	e.counters.running.Add(1)
	h.enter()
	it.h = h
	v, err := CatchPanic(it, it.fn)
	h.release()
	if err != nil {
		e.counters.failed.Add(1)
	} else {
		e.counters.done.Add(1)
	}
	e.counters.running.Add(-1)
	complete(&it.fut, v, err)
	e.progress()
}

func complete(f *Future, v any, err error) {
	if err != nil {
		f.SetError(err)
	} else {
		f.SetResult(v)
	}
}

// progress reports a finished task to OnProgress.
func (e *Executor) progress() {
	if e.opts.OnProgress != nil {
		e.opts.OnProgress(e.Stats())
	}
}

// Value makes a workItem the context its task runs with: the submitter's
// values and cancellation, the worker's holder, and no loop membership
// (as WithoutLoop), so that waits on a worker never touch a loop's baton.
func (it *workItem) Value(key any) any {
	switch key {
	case holderKey{}:
		return it.h
	case taskKey{}:
		return (*Task)(nil)
	}
	return it.Context.Value(key)
}
