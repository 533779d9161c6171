package runtime

import "context"

// Blocking runs fn, a call that waits for something outside the caller (a
// timer, a queue item, a lock, a process, the network), as an await point
// of the event loop: if ctx belongs to a task of a loop and that task (or
// one started from it) holds the loop's baton, Blocking gives the baton
// away so that other tasks run while fn waits, and takes it back (waiting
// its turn behind the tasks that became ready meanwhile) before it returns
// fn's error. Anywhere else (plain goroutines, compiled code, cells outside
// Run, callbacks) it just calls fn.
//
// This is the hook every waiting call of the runtime goes through: fn must
// not touch loop state and should return when ctx is done. A panic in fn
// propagates after the baton is taken back. Waiting for something another
// loop task completes is better done with a Future: Future.Await queues
// the waiter at the moment the future completes, as asyncio does, so the
// order in which tasks resume is deterministic.
//
// Goroutines you start inside a task must not wait with the task's context:
// the loop cannot tell them from the task, and would hand away the baton
// the task still holds. Give them WithoutLoop(ctx).
func Blocking(ctx context.Context, fn func() error) error {
	t := parkCurrent(ctx)
	if t == nil {
		return fn()
	}
	l := t.loop
	l.startWorker()
	defer func() {
		l.enqueue(t)
		l.resumeWait(t)
	}()
	return fn()
}

// Yield gives the loop to the tasks and callbacks that are ready and waits
// for its turn again, like asyncio.sleep(0). Off the loop it does nothing.
func Yield(ctx context.Context) { suspend(ctx, func(wake func()) { wake() }) }

// suspend gives the baton of ctx's loop away, as Blocking does, until one
// of the wake-ups that arm sets up (wake may be called more than once, from
// any goroutine) queues the task again; it reports false, having done
// nothing, when the caller does not hold the baton. The cancellation of the
// suspended task wakes it too, whatever context it waits with (as asyncio
// throws CancelledError into a cancelled task wherever it awaits): callers
// must check what woke them.
func suspend(ctx context.Context, arm func(wake func())) bool {
	return suspendTask(ctx, arm) != nil
}

// suspendTask is suspend returning the task that was suspended, or nil.
func suspendTask(ctx context.Context, arm func(wake func())) *Task {
	t := parkCurrent(ctx)
	if t == nil {
		return nil
	}
	l := t.loop
	var once onceFlag
	wake := func() {
		if once.set() {
			l.enqueue(t)
		}
	}
	arm(wake)
	var unwatch func() bool
	if CurrentTask(ctx) != t { // else ctx's cancellation covers t's
		unwatch = t.tctx.AfterFunc(wake)
	}
	l.startWorker()
	l.resumeWait(t)
	if unwatch != nil {
		unwatch()
	}
	return t
}

// wokenErr returns why a suspended task woke up without what it waited
// for: ctx is done, or the task was cancelled.
func wokenErr(ctx context.Context, t *Task) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return t.tctx.Err()
}

// parkCurrent marks as waiting the task holding the baton of ctx's loop,
// if it is ctx's task or descends from it, and returns it (nil if not).
// The caller must then hand the baton on (startWorker).
func parkCurrent(ctx context.Context) *Task {
	owner := CurrentTask(ctx)
	if owner == nil || owner.loop == nil {
		return nil
	}
	l := owner.loop
	t := l.current.Load()
	if t == nil || !t.descendsFrom(owner) ||
		!t.state.CompareAndSwap(int32(TaskRunning), int32(TaskWaiting)) {
		return nil
	}
	l.stepEnded(t)
	l.current.Store(nil)
	return t
}

// enqueue queues a waiting task for the baton.
func (l *Loop) enqueue(t *Task) {
	l.mu.Lock()
	l.ready.push(readyItem{task: t})
	l.wakeLocked()
	l.mu.Unlock()
}

// resumeWait waits until a worker hands t the baton.
func (l *Loop) resumeWait(t *Task) {
	<-t.w
	l.stepStarted(t)
}

// descendsFrom reports whether t is a or was created (directly or not)
// with a context of a.
func (t *Task) descendsFrom(a *Task) bool {
	for ; t != nil; t = t.parent {
		if t == a {
			return true
		}
	}
	return false
}
