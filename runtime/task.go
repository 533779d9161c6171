package runtime

import (
	"context"
	"strconv"
	"sync"
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
//
// A task is kept small (a short task costs one 256-byte allocation): what
// only waiting, watched or debugged tasks need is in taskExtra.
type Task struct {
	fut       *Future // &futv
	futv      Future
	fn        TaskFunc
	pctx      context.Context // the context the task was created with
	loop      *Loop           // nil for a task on its own goroutine
	parent    *Task           // the task whose context this task's derives from
	id        int64
	created   int64 // nanoseconds since taskEpoch
	name      atomic.Pointer[string]
	state     atomic.Int32 // a TaskState
	cancelReq bool         // Cancel was called (mu)
	prev      *Task        // in the loop's list of live tasks (Loop.mu)
	next      *Task
	tctx      taskContext // the task's context; see task_context.go
	mu        sync.Mutex  // guards cancelReq, cerr, cause, x and x's fields
	// cerr and cause are set when the task's context is cancelled.
	cerr, cause error
	x           *taskExtra // made on demand, see extra
	w           worker     // the loop worker whose goroutine runs the task
}

// taskExtra holds the parts of a Task that a task which never waits, is
// never watched and runs without debug mode does not need.
type taskExtra struct {
	stepStart atomic.Int64  // when the task last took the baton (debug)
	where     string        // creation site (debug)
	done      chan struct{} // the context's Done channel
	afters    afterList     // run when the context is cancelled
	link      afterFunc     // t in its parent task's afters
	watching  bool          // the parent context is watched
	// sleeping is set (mu) while the task sleeps on its own context (see
	// Sleep): the context's cancellation then wakes it.
	sleeping bool
	// timerSeq marks the task's live entry in its loop's timer heap while
	// it sleeps there, 0 otherwise (Loop.mu; see timerEntry).
	timerSeq uint32
	unwatch  func() bool // stops watching the parent context
}

// extra returns t's taskExtra, making it if needed; t.mu must be held.
func (t *Task) extra() *taskExtra {
	if t.x == nil {
		t.x = &taskExtra{}
	}
	return t.x
}

// taskEpoch is the origin of Task.created; it is set once.
var taskEpoch = time.Now()

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
	t := &Task{fn: fn, pctx: parent, loop: l, id: taskIDs.Add(1), created: int64(time.Since(taskEpoch))}
	t.fut, t.tctx.t = &t.futv, t
	t.parent = CurrentTask(parent)
	t.fut.task = t
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
	if err := t.startError(); err != nil {
		t.finish(nil, err) // as on a loop: cancelled tasks never start
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

// Context returns the task's context: it carries the values and deadline
// of the context the task was created with, and is done when that one is,
// when the task is cancelled, or when it has finished.
func (t *Task) Context() context.Context { return &t.tctx }

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
	t.mu.Lock()
	t.cancelReq = true
	t.mu.Unlock()
	t.cancelContext(context.Canceled, ErrCancelled)
	return true
}
