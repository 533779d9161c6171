package runtime

import (
	"context"
	"errors"
)

// ErrLoopRunning is returned by RunUntilComplete when the loop is already
// running.
var ErrLoopRunning = errors.New("runtime: loop is already running")

// Run makes a loop with opts and runs main on it until it finishes, like
// asyncio.run; see Loop.RunUntilComplete.
func Run(ctx context.Context, main TaskFunc, opts ...Option) (any, error) {
	return NewLoop(opts...).RunUntilComplete(ctx, main)
}

// RunUntilComplete runs main as a task on l, and l's other tasks and
// callbacks with it, until main finishes; it returns main's outcome. The
// calling goroutine takes part (main starts on it). Then, like asyncio.run,
// it cancels the tasks still pending, runs the loop until they have
// finished, waits for the loop's goroutines to end, and makes its reports
// (see WithDebug). Callbacks not run yet stay scheduled for the next run.
// Cancelling ctx cancels main and, through main's context, the tasks made
// from it.
func (l *Loop) RunUntilComplete(ctx context.Context, main TaskFunc) (any, error) {
	if !l.running.CompareAndSwap(false, true) {
		return nil, ErrLoopRunning
	}
	defer l.running.Store(false)
	t := l.newTask(ctx, main).SetName("main")
	t.fut.observed.Store(true)
	l.mu.Lock()
	l.run.main, l.run.over, l.run.closing = t, false, false
	l.run.caller, l.run.first = make(worker, 1), t
	l.mu.Unlock()
	l.work() // main starts here, on the caller's goroutine
	l.run.workers.Wait()
	l.mu.Lock()
	finished := l.run.finished
	l.run.finished, l.run.main = nil, nil
	l.mu.Unlock()
	l.reportRun(finished)
	return t.fut.value, t.fut.err
}

// worker is one of the loop's goroutines, as the channel on which it gets
// true when it is handed the baton (idle, or waiting in a task it runs) and
// false when the run is over. The caller's worker (the goroutine of
// RunUntilComplete) never ends before the run.
type worker chan bool

// maxIdleWorkers bounds the idle workers kept for tasks that will wait;
// the others end at once (a loop whose many tasks wake together would
// otherwise keep one idle goroutine per task until the end of the run).
const maxIdleWorkers = 16

// startWorker hands the baton to an idle worker, or to a new one.
func (l *Loop) startWorker() {
	l.mu.Lock()
	w := l.takeWorkerLocked()
	l.mu.Unlock()
	l.handOff(w)
}

// takeWorkerLocked takes the idle worker that the baton goes to next, or
// returns nil having counted a new one that handOff starts. l.mu must be
// held.
func (l *Loop) takeWorkerLocked() worker {
	if n := len(l.idle); n > 0 {
		w := l.idle[n-1]
		l.idle = l.idle[:n-1]
		return w
	}
	l.run.workers.Add(1)
	return nil
}

// handOff hands the baton to w, taken by takeWorkerLocked, or to a new
// worker goroutine if w is nil.
func (l *Loop) handOff(w worker) {
	if w != nil {
		w <- true
		return
	}
	go l.work()
}

// idleWait parks w among the idle workers until it gets the baton (true)
// or the run is over (false); it returns false at once if enough workers
// are idle already.
func (l *Loop) idleWait(w worker) bool {
	l.mu.Lock()
	if l.run.over || (len(l.idle) >= maxIdleWorkers && w != l.run.caller) {
		l.mu.Unlock()
		return false
	}
	l.idle = append(l.idle, w)
	l.mu.Unlock()
	return <-w
}
