package runtime

import (
	"context"
	"strconv"
	"sync/atomic"
	"time"
)

// TaskFunc is the body of a task: it gets the task's context, which is
// cancelled when the task is cancelled, and returns the task's outcome.
// It is an alias, so any func literal of this shape is one.
type TaskFunc = func(ctx context.Context) (any, error)

// Task runs a TaskFunc and holds its outcome, like asyncio.Task. Tasks made
// with a loop task's context (CreateTask, Loop.CreateTask, Group.Go) run on
// that loop, one at a time; tasks made with any other context run at once
// on their own goroutine, in parallel with everything else.
//
// Create tasks with CreateTask or Loop.CreateTask; the zero value is not
// usable. The task's goroutine is owned by its loop, which waits for it at
// the end of RunUntilComplete, or, off the loop, by whoever awaits the task:
// await every task you create.
type Task struct {
	fut     *Future
	fn      TaskFunc
	ctx     context.Context
	cancel  context.CancelCauseFunc
	loop    *Loop // nil for a task on its own goroutine
	parent  *Task // the task whose context this task's derives from
	id      int64
	name    atomic.Pointer[string]
	created time.Time
	state   atomic.Int32  // a TaskState
	resume  chan struct{} // made the first time the task parks
	where   string        // creation site, recorded in debug mode
	// stepStart is when the task last took the baton, on the loop's clock
	// (debug mode).
	stepStart atomic.Int64
}

// taskIDs numbers tasks for their default names ("Task-1", ...). It is
// package-level, like asyncio's counter, so names stay unique across loops;
// being an atomic counter, it has nothing to reset.
var taskIDs atomic.Int64

// taskKey is the context key under which a task's context holds the task.
type taskKey struct{}

func newTask(parent context.Context, fn TaskFunc, l *Loop) *Task {
	if fn == nil {
		panic("runtime: CreateTask with nil function")
	}
	t := &Task{fut: NewFuture(), fn: fn, loop: l, id: taskIDs.Add(1), created: time.Now()}
	t.parent = CurrentTask(parent)
	cctx, cancel := context.WithCancelCause(parent)
	t.ctx, t.cancel = context.WithValue(cctx, taskKey{}, t), cancel
	t.fut.cancel = t.Cancel
	return t
}

// CreateTask starts fn as a task, like asyncio.create_task. If ctx belongs
// to a loop task, the new task is scheduled on that loop and starts when the
// current task gives the loop away; otherwise it starts at once on a new
// goroutine. The task's context is derived from ctx; if ctx is done
// already, the task is cancelled before it starts and fn never runs.
func CreateTask(ctx context.Context, fn TaskFunc) *Task {
	if l := loopFrom(ctx); l != nil {
		return l.CreateTask(ctx, fn)
	}
	t := newTask(ctx, fn, nil)
	if t.ctx.Err() != nil {
		t.finish(nil, cancelledError(t.ctx)) // as on a loop: cancelled tasks never start
		return t
	}
	t.state.Store(int32(TaskRunning))
	go t.execute()
	return t
}

// CurrentTask returns the task whose context ctx is (or derives from), or
// nil, like asyncio.current_task.
func CurrentTask(ctx context.Context) *Task {
	t, _ := ctx.Value(taskKey{}).(*Task)
	return t
}

// Name returns the task's name: the one given by SetName, or "Task-N".
func (t *Task) Name() string {
	if p := t.name.Load(); p != nil {
		return *p
	}
	return "Task-" + strconv.FormatInt(t.id, 10)
}

// SetName names the task (for Tasks and reports) and returns it.
func (t *Task) SetName(name string) *Task {
	t.name.Store(&name)
	return t
}

// State returns where the task is in its life.
func (t *Task) State() TaskState { return TaskState(t.state.Load()) }

// Context returns the task's context, which is done when the task is
// cancelled or has finished.
func (t *Task) Context() context.Context { return t.ctx }

// Loop returns the loop the task runs on, or nil for a task on its own
// goroutine.
func (t *Task) Loop() *Loop { return t.loop }

// Cancel requests the task's cancellation, like asyncio's Task.cancel: its
// context is cancelled, a task that has not started will not run, and the
// task completes with ErrCancelled once its function returns. It reports
// whether the task was not done yet; it does not wait.
func (t *Task) Cancel() bool {
	if t.fut.IsDone() {
		return false
	}
	t.cancel(ErrCancelled)
	return true
}
