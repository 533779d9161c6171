package runtime

import (
	"context"
	"time"
)

// taskContext is a task's context, a field of the Task, so that making a
// task allocates no context. It is a context.Context whose parent is the
// context the task was created with (Task.pctx): its values (plus the task
// under taskKey), its deadline, and its cancellation, which reaches the
// task's context lazily: Err consults the parent, and the parent is
// watched (context.AfterFunc) only once someone asks for Done or for an
// AfterFunc, which most short tasks never do. It implements the AfterFunc
// method that the context package uses for children of contexts it does
// not know, so contexts derived from it need no goroutine.
type taskContext struct{ t *Task }

// cancelCtxKey is the key with which the context package looks for a
// context's nearest *cancelCtx (in context.Cause and when deriving
// contexts). taskContext answers nil to it, so that the package treats it
// as a context of its own kind and asks its Err. It is found once, by
// probing context.Cause, and never changes.
var cancelCtxKey = probeCancelCtxKey()

type keyProbe struct {
	context.Context
	key any
}

func (p *keyProbe) Value(key any) any {
	if p.key == nil {
		p.key = key
	}
	return nil
}

func probeCancelCtxKey() any {
	p := &keyProbe{Context: context.Background()}
	_ = context.Cause(p)
	return p.key
}

func (c *taskContext) Deadline() (time.Time, bool) { return c.t.pctx.Deadline() }

func (c *taskContext) Value(key any) any {
	switch key {
	case taskKey{}:
		return c.t
	case cancelCtxKey:
		return nil
	}
	return c.t.pctx.Value(key)
}

func (c *taskContext) Err() error {
	t := c.t
	t.mu.Lock()
	err := t.cerr
	t.mu.Unlock()
	if err != nil {
		return err
	}
	if err := t.pctx.Err(); err != nil {
		t.cancelContext(err, context.Cause(t.pctx))
		return err
	}
	return nil
}

func (c *taskContext) Done() <-chan struct{} {
	t := c.t
	t.mu.Lock()
	x := t.extra()
	if x.done == nil {
		x.done = make(chan struct{})
		if t.cerr != nil {
			close(x.done)
		}
	}
	d := x.done
	t.mu.Unlock()
	t.watchParent()
	return d
}

func (c *taskContext) String() string { return "runtime.Task(" + c.t.Name() + ").Context" }

// AfterFunc arranges for f to be called once the context is cancelled: at
// once on a new goroutine if it is already, otherwise synchronously by
// whoever cancels it. The returned function unregisters f and reports
// whether it did so before f was called.
func (c *taskContext) AfterFunc(f func()) func() bool {
	a := c.t.addAfter(f)
	if a == nil {
		go f()
		return func() bool { return false }
	}
	return a.stop
}

// addAfter lists f to be called when t's context is cancelled, and returns
// its entry; nil, having done nothing, if the context is cancelled already.
func (t *Task) addAfter(f func()) *afterFunc {
	a := &afterFunc{f: f, owner: t}
	t.mu.Lock()
	if t.cerr != nil {
		t.mu.Unlock()
		return nil
	}
	t.extra().afters.add(a)
	t.mu.Unlock()
	t.watchParent()
	return a
}

func (t *Task) removeAfter(a *afterFunc) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.x != nil && t.x.afters.remove(a)
}

// watchParent makes the parent's cancellation reach the task's context
// without waiting for Err to be called, once. A parent that is a task's
// context lists the task directly (no allocation); any other is watched
// with context.AfterFunc.
func (t *Task) watchParent() {
	t.mu.Lock()
	x := t.extra()
	if x.watching || t.cerr != nil {
		t.mu.Unlock()
		return
	}
	x.watching = true
	t.mu.Unlock()
	var stop func() bool
	if pc, ok := t.pctx.(*taskContext); ok {
		t.linkTo(pc.t)
	} else {
		stop = context.AfterFunc(t.pctx, func() {
			t.cancelContext(t.pctx.Err(), context.Cause(t.pctx))
		})
	}
	t.mu.Lock()
	if t.cerr == nil {
		x.unwatch, stop = stop, nil
	}
	t.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// linkTo lists t among the children of its parent task p (t's
// cancellation unlists it), or cancels t if p's context is cancelled
// already.
func (t *Task) linkTo(p *Task) {
	t.mu.Lock()
	if t.cerr != nil {
		t.mu.Unlock()
		return
	}
	x := t.extra()
	x.link.child, x.link.owner = t, p
	t.mu.Unlock()
	p.mu.Lock()
	if p.cerr != nil {
		err, cause := p.cerr, p.cause
		p.mu.Unlock()
		t.cancelContext(err, cause)
		return
	}
	p.extra().afters.add(&x.link)
	p.mu.Unlock()
}

// cancelContext cancels the task's context with err (context.Canceled or
// DeadlineExceeded) and cause, once: it closes Done, stops watching the
// parent, and calls the AfterFunc functions. The caller must not hold a
// lock that those functions take (Loop.mu).
func (t *Task) cancelContext(err, cause error) {
	t.mu.Lock()
	if t.cerr != nil {
		t.mu.Unlock()
		return
	}
	t.cerr, t.cause = err, cause
	var fs []*afterFunc
	var unwatch func() bool
	var link *afterFunc // t in its parent task's list
	sleeping := false   // t sleeps in Sleep on its own context: wake it
	if x := t.x; x != nil {
		sleeping = x.sleeping
		if x.link.owner != nil {
			link = &x.link
		}
		if x.done != nil {
			close(x.done)
		}
		for a := x.afters.head; a != nil; a = a.next {
			fs = append(fs, a)
			a.listed = false
		}
		unwatch = x.unwatch
		x.afters, x.unwatch = afterList{}, nil
	}
	t.mu.Unlock()
	if sleeping {
		t.loop.wakeSleeper(t)
	}
	if unwatch != nil {
		unwatch()
	}
	if link != nil {
		link.stop()
	}
	for _, a := range fs {
		if a.child != nil {
			a.child.cancelContext(err, cause)
		} else {
			a.f()
		}
	}
}

// onDone arranges for f to be called when ctx is done, like
// context.AfterFunc, but directly (synchronously, with one allocation) for
// a task's context, and at once if that one is done already.
func onDone(ctx context.Context, f func()) stopper {
	if tc, ok := ctx.(*taskContext); ok {
		a := tc.t.addAfter(f)
		if a == nil {
			f()
		}
		return a
	}
	return stopFunc(context.AfterFunc(ctx, f))
}
