package runtime

import (
	"fmt"
	"time"
)

// work is the body of the loop's goroutines: the caller's of
// RunUntilComplete, which starts main, and the others, started by handOff.
// Holding the baton, it runs ready items until it hands the baton to an
// awaiting task (then it idles until handed the baton again) or the run is
// over.
//
// A worker that runs a task which waits stays parked in that task, so a
// loop with many waiting tasks holds one goroutine stack per task, as
// asyncio holds a frame per coroutine. The frames between the worker's
// entry and the park point of a plain task (work, Task.execute, the task's
// function, Sleep) are kept few and small: such a task fits the 2 KiB a
// goroutine starts with, so its stack never grows (growing copies every
// frame) and is reused by the next goroutine when it ends, and the garbage
// collector, which walks every frame of every parked goroutine, has few to
// walk. Deeper tasks grow their stack as any goroutine does. This is why
// work runs items inline instead of calling helpers.
func (l *Loop) work() {
	l.mu.Lock()
	first := l.run.first
	l.run.first = nil
	var w worker
	if first != nil { // the caller's goroutine: no other worker runs yet
		w = l.run.caller
		l.run.live.add(first)
	}
	l.mu.Unlock()
	if w == nil {
		w = make(worker, 1)
		defer l.run.workers.Done()
	}
	it, ok := readyItem{task: first}, first != nil
	var done *Task // the task this goroutine finished last, to forget
	for {
		if !ok {
			if it, ok = l.next(done); !ok {
				return
			}
			done = nil
		}
		ok = false
		if it.call != nil {
			if it.call.state.CompareAndSwap(handlePending, handleRan) {
				l.runCallback(it.call)
			}
			continue
		}
		t := it.task
		if t.State() != TaskPending { // resume t, waiting in its worker
			l.current.Store(t)
			t.state.Store(int32(TaskRunning))
			t.w <- true
			if !l.idleWait(w) {
				return
			}
			continue
		}
		if err := t.startError(); err != nil {
			t.finish(nil, err) // cancelled before it started
		} else {
			t.w = w
			l.current.Store(t)
			t.state.Store(int32(TaskRunning))
			l.stepStarted(t)
			t.execute()
			l.stepEnded(t)
			l.current.Store(nil)
		}
		done = t
	}
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
