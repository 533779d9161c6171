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
	t := l.newTask(ctx, fn)
	l.mu.Lock()
	l.run.live.add(t)
	closing := l.run.closing
	l.ready.push(readyItem{task: t})
	l.wakeLocked()
	l.mu.Unlock()
	if closing {
		t.Cancel()
	}
	return t
}

// newTask makes a task of l; in debug mode it records where.
func (l *Loop) newTask(ctx context.Context, fn TaskFunc) *Task {
	t := newTask(ctx, fn, l)
	if l.cfg.debug {
		t.extra().where = callerOutsidePackage() // t is not shared yet
	}
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

// forgetLocked forgets a finished task, keeping it for the end-of-run
// report when the report may need it. l.mu must be held.
func (l *Loop) forgetLocked(t *Task) {
	l.run.live.remove(t)
	if l.cfg.debug || t.fut.err != nil {
		l.run.finished = append(l.run.finished, t)
	}
}

// callerOutsidePackage returns "file:line" of the first caller outside this
// package's non-test files, skipping the interpreter's frames (a cell has
// no Go frame of its own); "" if there is none.
func callerOutsidePackage() string {
	pcs := make([]uintptr, 32)
	frames := goruntime.CallersFrames(pcs[:goruntime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		skip := strings.HasPrefix(f.Function, "github.com/gokernel/gokernel/runtime.") && !strings.HasSuffix(f.File, "_test.go") ||
			strings.HasPrefix(f.Function, "github.com/traefik/yaegi/") || strings.HasPrefix(f.Function, "reflect.")
		if !skip {
			return f.File + ":" + itoa(f.Line)
		}
		if !more {
			return ""
		}
	}
}
