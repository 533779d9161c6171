package runtime

import (
	"context"
	goruntime "runtime"
	"strings"
)

// CreateTask schedules fn as a task on l, like loop.create_task; it may be
// called from any goroutine. The task starts when l runs it: after the
// tasks and callbacks already ready, and not before RunUntilComplete. The
// task's context is derived from ctx; l owns the task's goroutine.
func (l *Loop) CreateTask(ctx context.Context, fn TaskFunc) *Task {
	t := newTask(ctx, fn, l)
	if l.cfg.debug {
		t.where = callerOutsidePackage()
	}
	l.mu.Lock()
	l.run.live[t] = struct{}{}
	if l.run.closing {
		t.cancel(ErrCancelled)
	}
	l.ready.push(readyItem{task: t})
	l.wakeLocked()
	l.mu.Unlock()
	return t
}

// loopFrom returns the loop that ctx's task runs on, or nil.
func loopFrom(ctx context.Context) *Loop {
	if t := CurrentTask(ctx); t != nil {
		return t.loop
	}
	return nil
}

// CurrentLoop returns the loop whose task ctx belongs to, or nil, like
// asyncio.get_running_loop.
func CurrentLoop(ctx context.Context) *Loop { return loopFrom(ctx) }

// WithoutLoop returns a context with ctx's values and cancellation but no
// loop membership: hand it to goroutines you start yourself inside a task,
// so that their waits (Sleep, Await, queues) block only them and never try
// to give away a loop baton they do not hold. CreateTask with it starts a
// task on its own goroutine.
func WithoutLoop(ctx context.Context) context.Context {
	return context.WithValue(ctx, taskKey{}, (*Task)(nil))
}

// finishTask forgets a finished task, keeping it for the end-of-run report
// when the report may need it.
func (l *Loop) finishTask(t *Task) {
	l.mu.Lock()
	delete(l.run.live, t)
	if l.cfg.debug || t.fut.err != nil {
		l.run.finished = append(l.run.finished, t)
	}
	l.mu.Unlock()
}

// callerOutsidePackage returns "file:line" of the first caller outside this
// package's non-test files.
func callerOutsidePackage() string {
	pcs := make([]uintptr, 16)
	frames := goruntime.CallersFrames(pcs[:goruntime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		inPkg := strings.HasPrefix(f.Function, "github.com/gokernel/gokernel/runtime.")
		if !inPkg || strings.HasSuffix(f.File, "_test.go") || !more {
			return f.File + ":" + itoa(f.Line)
		}
	}
}
