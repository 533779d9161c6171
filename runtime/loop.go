package runtime

import (
	"sync"
	"sync/atomic"
	"time"
)

// Loop is an event loop with asyncio's model: many tasks, one running at a
// time. The loop hands a single baton around, and only the goroutine holding
// it runs a task or a callback; a task that awaits keeps its goroutine (its
// stack, as a coroutine keeps its frame) and another goroutine takes the
// baton on. A task keeps the baton while it
// computes (CPU work holds the loop, as in asyncio) and gives it away while
// it awaits: Sleep, Future.Await, Task.Await, Gather, the Wait functions,
// queues, locks, subprocess and network calls made with the task's context
// all go through Blocking, which releases the baton and takes it back.
//
// Use NewLoop; the zero value is not usable. A Loop starts goroutines only
// while RunUntilComplete runs, one for each task awaiting at the same time
// (a task that never awaits runs on the goroutine that took it from the
// ready queue); the loop owns them, and RunUntilComplete does not return
// before all of them have ended. Callbacks (CallSoon, CallLater, CallAt)
// run holding the baton, on one of the loop's goroutines. All methods are
// safe to call from any goroutine.
type Loop struct {
	cfg   loopConfig
	start time.Time // the origin of Time
	mu    sync.Mutex
	ready readyQueue // tasks and callbacks waiting for the baton, in order
	timer timerHeap  // callbacks scheduled by CallLater and CallAt, and sleeping tasks
	idle  []worker   // workers without the baton, waiting for it
	sleep bool       // the baton holder waits on wake: nothing is ready
	wake  chan struct{}
	run   runState
	tm    *time.Timer // the baton holder's timer for the next due callback

	current atomic.Pointer[Task] // the task holding the baton, if any
	running atomic.Bool          // RunUntilComplete is in progress
}

// runState is what one RunUntilComplete call tracks; guarded by Loop.mu.
type runState struct {
	main      *Task
	live      taskList       // tasks not done yet, oldest first
	closing   bool           // main is done: the tasks left are cancelled
	over      bool           // every task is done: workers stop
	finished  []*Task        // done tasks kept for the end-of-run report
	neverSeen []TaskInfo     // the last run's never-awaited tasks
	workers   sync.WaitGroup // worker goroutines but the caller's
	caller    worker         // the worker of RunUntilComplete's goroutine
	first     *Task          // main, until the caller's worker starts it
}

// NewLoop returns a loop configured by opts; it starts no goroutines.
func NewLoop(opts ...Option) *Loop {
	l := &Loop{
		start: time.Now(),
		wake:  make(chan struct{}, 1),
	}
	l.cfg = defaultLoopConfig()
	for _, o := range opts {
		o(&l.cfg)
	}
	return l
}

// Time returns the loop's clock: the monotonic time elapsed since NewLoop,
// like asyncio's loop.time(). CallAt takes times on this clock.
func (l *Loop) Time() time.Duration { return time.Since(l.start) }

// IsRunning reports whether RunUntilComplete is in progress.
func (l *Loop) IsRunning() bool { return l.running.Load() }
