package runtime

import (
	"fmt"
	"time"
)

// runItem runs it holding the baton. It reports whether the calling
// goroutine still holds the baton: false when it handed it to an awaiting
// task.
func (l *Loop) runItem(it readyItem, w worker) bool {
	if it.call != nil {
		if it.call.state.CompareAndSwap(handlePending, handleRan) {
			l.runCallback(it.call)
		}
		return true
	}
	t := it.task
	if t.State() != TaskPending {
		l.current.Store(t)
		t.state.Store(int32(TaskRunning))
		t.w <- true // the worker waiting in t
		return false
	}
	if err := t.startError(); err != nil {
		t.finish(nil, err) // cancelled before it started
	} else {
		l.runTask(t, w)
	}
	l.finishTask(t)
	return true
}

// runTask runs a new task's function on the calling goroutine.
func (l *Loop) runTask(t *Task, w worker) {
	t.w = w
	l.current.Store(t)
	t.state.Store(int32(TaskRunning))
	l.stepStarted(t)
	t.execute()
	l.stepEnded(t)
	l.current.Store(nil)
}

// stepStarted notes when t took the baton, in debug mode.
func (l *Loop) stepStarted(t *Task) {
	if l.cfg.debug {
		t.x.stepStart.Store(int64(l.Time())) // debug mode made t.x
	}
}

// stepEnded reports t if it held the baton too long, in debug mode.
func (l *Loop) stepEnded(t *Task) {
	if l.cfg.debug {
		l.reportSlow(fmt.Sprintf("task %q", t.Name()), l.Time()-time.Duration(t.x.stepStart.Load()))
	}
}

// reportSlow reports a step that held the loop for d, if d is too long.
func (l *Loop) reportSlow(what string, d time.Duration) {
	if d >= l.cfg.slow {
		l.cfg.report(fmt.Sprintf("runtime: slow callback: %s held the loop for %v (threshold %v)",
			what, d.Round(time.Microsecond), l.cfg.slow))
	}
}

// runCallback calls h's function, timing it in debug mode and reporting a
// panic instead of crashing.
func (l *Loop) runCallback(h *Handle) {
	start := l.Time()
	defer func() {
		if r := recover(); r != nil {
			p := newPanicError(r)
			l.cfg.report(fmt.Sprintf("runtime: callback panicked: %v\n%s", p.Value, p.Stack))
		}
		if l.cfg.debug {
			l.reportSlow("callback", l.Time()-start)
		}
	}()
	h.fn()
}
