package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"sync"
	"time"
)

// ErrExecutorShutDown is the error of futures submitted after Shutdown.
var ErrExecutorShutDown = errors.New("runtime: executor shut down")

// ExecutorMode chooses how an Executor's workers share the modelled
// Python interpreter.
type ExecutorMode int

const (
	// ModeFree runs workers in parallel with no global lock, like
	// free-threaded CPython (PEP 703/779).
	ModeFree ExecutorMode = iota
	// ModeGIL makes workers take turns on one global interpreter lock, like
	// CPython's threads: task code holds it, blocking regions release it,
	// and a waiting worker gets it after the switch interval.
	ModeGIL
	// ModeIsolated gives each worker its own interpreter and its own lock,
	// like sub-interpreters (PEP 734): parallel, sharing no interpreter.
	ModeIsolated
)

// ExecutorOptions configures NewExecutorWith. The zero value is a ModeFree
// executor with the default number of workers.
type ExecutorOptions struct {
	// Workers is the number of worker goroutines; <= 0 means
	// min(32, GOMAXPROCS+4), Python's ThreadPoolExecutor default.
	Workers int
	// Mode is the interpreter model; see ExecutorMode.
	Mode ExecutorMode
	// SwitchInterval is ModeGIL's switch interval; 0 means
	// DefaultSwitchInterval.
	SwitchInterval time.Duration
	// OnProgress, if set, is called with a Stats snapshot after each task
	// finishes, on the worker goroutine that ran it (for tasks Shutdown
	// cancels, on Shutdown's caller); it must be quick.
	OnProgress func(Stats)
}

// Executor is a pool of worker goroutines running submitted functions, like
// concurrent.futures.ThreadPoolExecutor: Submit returns a *Future, Map
// gathers results in order, Shutdown stops it.
//
// Use NewExecutor or NewExecutorWith; the zero value is not usable. The
// executor owns its workers, which start at creation; Shutdown(true, ...)
// waits for them to end, and every Executor must be shut down. Panics in
// tasks are recovered and become the task's error, a *PanicError with the
// stack.
//
// A task's context belongs to the worker running it (its GIL, its
// interpreter) and to no loop task. Goroutines a task starts itself are not
// workers: give them a context of their own (not the task's), or, in
// ModeGIL, their waits would release the GIL on the worker's behalf.
type Executor struct {
	opts     ExecutorOptions
	mu       sync.Mutex
	cond     sync.Cond
	pending  fifoStore
	closed   bool
	wg       sync.WaitGroup
	counters execCounters
}

// workItem is one submitted task, its future and, once a worker runs it,
// the context it runs with (see Value): one allocation per Submit.
type workItem struct {
	context.Context // the submitter's
	fn              TaskFunc
	fut             Future
	h               *holder // the running worker's, set before fn runs
}

// NewExecutor returns a ModeFree executor with the given number of workers
// (<= 0: the default).
func NewExecutor(workers int) *Executor {
	return NewExecutorWith(ExecutorOptions{Workers: workers})
}

// NewExecutorWith returns an executor configured by opts and starts its
// workers.
func NewExecutorWith(opts ExecutorOptions) *Executor {
	if opts.Workers <= 0 {
		opts.Workers = min(32, goruntime.GOMAXPROCS(0)+4)
	}
	e := &Executor{opts: opts}
	e.cond.L = &e.mu
	var shared *gil
	if opts.Mode == ModeGIL {
		shared = newGIL(opts.SwitchInterval)
	}
	globals := newGlobals()
	e.wg.Add(opts.Workers)
	for i := range opts.Workers {
		go e.worker(e.newHolder(i, shared, globals))
	}
	return e
}

// newHolder describes worker i's relation to the modelled interpreter:
// the shared one, or in ModeIsolated one of its own, with its own lock and
// globals.
func (e *Executor) newHolder(i int, shared *gil, globals *Globals) *holder {
	h := &holder{g: shared, c: &e.counters, worker: i, globals: globals}
	if e.opts.Mode == ModeIsolated {
		h.g, h.interp, h.globals = newGIL(e.opts.SwitchInterval), i+1, newGlobals()
	}
	return h
}

// Submit schedules fn(ctx) on a worker and returns its future at once. The
// future is cancelled, without fn running, if it is cancelled or ctx ends
// before a worker takes it; after Shutdown it fails with
// ErrExecutorShutDown. Submit does not wait.
func (e *Executor) Submit(ctx context.Context, fn TaskFunc) *Future {
	it := &workItem{Context: ctx, fn: fn}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		it.fut.SetError(ErrExecutorShutDown)
		return &it.fut
	}
	e.counters.submitted.Add(1)
	e.pending.push(it)
	e.mu.Unlock()
	e.cond.Signal()
	return &it.fut
}

// Shutdown stops accepting tasks. With cancelPending, tasks not yet
// started are cancelled; the others still run. With wait, it waits until
// every worker has ended (all accepted, uncancelled tasks are done).
// Calling it again is allowed, for example to wait after a first call
// that did not.
func (e *Executor) Shutdown(wait, cancelPending bool) {
	e.mu.Lock()
	e.closed = true
	var dropped []*workItem
	for cancelPending && e.pending.len() > 0 {
		dropped = append(dropped, e.pending.pop().(*workItem))
	}
	e.mu.Unlock()
	e.cond.Broadcast()
	for _, it := range dropped {
		e.counters.cancelled.Add(1)
		it.fut.Cancel()
		e.progress()
	}
	if wait {
		e.wg.Wait()
	}
}

// Stats returns a snapshot of the executor's counters.
func (e *Executor) Stats() Stats { return e.counters.snapshot(e.opts.Workers) }

// Workers reports the number of worker goroutines.
func (e *Executor) Workers() int { return e.opts.Workers }

// Mode reports the executor's interpreter model.
func (e *Executor) Mode() ExecutorMode { return e.opts.Mode }
