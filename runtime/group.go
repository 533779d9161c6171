package runtime

import (
	"context"
	"errors"
	"sync"
)

// Group runs tasks as one unit, like asyncio.TaskGroup (structured
// concurrency): the first task to fail cancels the group's context, and so
// its siblings; Wait waits for every task of the group and returns the
// errors. A panic in a task becomes a *PanicError with its stack.
//
// Make one with NewGroup; the zero value is not usable. The group owns its
// tasks' goroutines: call Wait, which does not return before all of them
// have ended, so no goroutine outlives its group.
type Group struct {
	parent context.Context
	ctx    context.Context
	cancel context.CancelCauseFunc
	mu     sync.Mutex
	tasks  []*Task
	errs   []error
	closed bool
}

// NewGroup returns a group whose context is derived from ctx. On a loop
// (ctx is a loop task's), its tasks run on that loop; elsewhere each runs on
// its own goroutine.
func NewGroup(ctx context.Context) *Group {
	g := &Group{parent: ctx}
	g.ctx, g.cancel = context.WithCancelCause(ctx)
	return g
}

// Context returns the group's context, cancelled by the first failure.
func (g *Group) Context() context.Context { return g.ctx }

// Go starts fn as a task of the group, with the group's context, and
// returns it. Tasks of the group may call Go while Wait waits; calling Go
// after Wait has returned panics.
func (g *Group) Go(fn TaskFunc) *Task {
	if fn == nil {
		panic("runtime: Group.Go with nil function")
	}
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		panic("runtime: Group.Go after Wait")
	}
	t := CreateTask(g.ctx, fn)
	g.tasks = append(g.tasks, t)
	g.mu.Unlock()
	t.fut.addCallback(g.taskDone)
	return t
}

// taskDone records a failure and cancels the siblings.
func (g *Group) taskDone(f *Future) {
	err := f.err
	if err == nil || (errors.Is(err, ErrCancelled) && g.ctx.Err() != nil) {
		return
	}
	g.mu.Lock()
	g.errs = append(g.errs, err)
	g.mu.Unlock()
	g.cancel(err)
}
