package interp

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	yaegi "github.com/traefik/yaegi/interp"
)

// yaegi v0.16.1's EvalWithContext has two flaws the session cannot live
// with, so the session runs evaluations itself, with yaegi's exported
// Compile and Execute plus the four private fields EvalWithContext uses:
//
//   - On cancel it returns at once and leaves its evaluation goroutine
//     running with no way to wait for it. That goroutine notices the
//     interrupt only at its next step, and top-level statements run in
//     yaegi's single global frame, whose run id every new evaluation resets:
//     if the next cell starts first, an interrupted `for {}` is valid again
//     and spins forever (and the two evaluations race on the frame).
//   - Each evaluation makes a fresh "done" channel; goroutines wait on the
//     channel of the evaluation that started them, and yaegi closes only the
//     current one. A goroutine an earlier cell left blocked
//     (`go func() { <-never }()`) could never be interrupted or stopped.
//
// evaluator owns the evaluation goroutine, so an interrupt can wait for it
// to end (bounded: it cannot end while blocked inside a compiled call), and
// it closes every done channel it made when it interrupts. The fields are
// reached with reflect and unsafe (yaegi is pinned at v0.16.1); New fails
// with a clear error if yaegi's layout ever differs.
type evaluator struct {
	yi         *yaegi.Interpreter
	id         *uint64        // Interpreter.id: run id, bumped to stop frames
	mutex      *sync.RWMutex  // Interpreter.mutex
	done       *chan struct{} // Interpreter.done
	cancelChan *bool          // Interpreter.cancelChan

	dones   []chan struct{} // done channels of evaluations not yet closed
	pending chan struct{}   // closed when an interrupted evaluation ended
	// beforeRun, if set, is called before each evaluation, once the last
	// interrupted one has ended.
	beforeRun func()
}

// interruptGrace is how long an interrupt waits for the evaluation to end
// before reporting; pendingWait how long the next evaluation waits for it.
const (
	interruptGrace = 250 * time.Millisecond
	pendingWait    = 2 * time.Second
)

// errStillRunning reports an interrupted evaluation stuck in a compiled call.
var errStillRunning = errors.New("interp: the interrupted cell is still running inside a compiled call (a blocked host function cannot be interrupted); restart the kernel if it does not end")

// newEvaluator finds yaegi's private fields.
func newEvaluator(yi *yaegi.Interpreter) (*evaluator, error) {
	v := reflect.ValueOf(yi).Elem()
	field := func(name string, t reflect.Type) (unsafe.Pointer, error) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Type() != t {
			return nil, fmt.Errorf("interp: yaegi Interpreter has no field %s of type %s", name, t)
		}
		return unsafe.Pointer(f.UnsafeAddr()), nil
	}
	e := &evaluator{yi: yi}
	p, err := field("id", reflect.TypeOf(uint64(0)))
	if err != nil {
		return nil, err
	}
	e.id = (*uint64)(p)
	if p, err = field("mutex", reflect.TypeOf(sync.RWMutex{})); err != nil {
		return nil, err
	}
	e.mutex = (*sync.RWMutex)(p)
	if p, err = field("done", reflect.TypeOf((chan struct{})(nil))); err != nil {
		return nil, err
	}
	e.done = (*chan struct{})(p)
	if p, err = field("cancelChan", reflect.TypeOf(false)); err != nil {
		return nil, err
	}
	e.cancelChan = (*bool)(p)
	e.mutex.Lock()
	*e.cancelChan = true // see eval
	e.mutex.Unlock()
	return e, nil
}

// awaitPending waits for the last interrupted evaluation to end, for at most
// d. Called only by the goroutine that runs evaluations.
func (e *evaluator) awaitPending(d time.Duration) error {
	if e.pending == nil {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-e.pending:
		e.pending = nil
		return nil
	case <-t.C:
		return errStillRunning
	}
}

// eval compiles and runs src. When ctx is cancelled it calls onCancel (which
// lists the running background goroutines), stops every interpreted
// goroutine, calls afterStop (which wakes what the host blocks on) and
// reports the interrupt after waiting up to interruptGrace for the
// evaluation to end.
func (e *evaluator) eval(ctx context.Context, src string, onCancel, afterStop func()) (v reflect.Value, err error, interrupted bool) {
	if err := e.awaitPending(pendingWait); err != nil {
		return v, err, false
	}
	if e.beforeRun != nil {
		e.beforeRun()
	}
	// Channel operations are compiled cancellable or not depending on
	// cancelChan at compile time, so set it (and the channel) first.
	done := make(chan struct{})
	e.mutex.Lock()
	*e.done = done
	*e.cancelChan = true
	e.mutex.Unlock()
	prog, err := compile(e.yi, src)
	if err != nil {
		return v, err, false
	}
	e.dones = append(e.dones, done)

	finished := make(chan struct{})
	var rv reflect.Value
	var rerr error
	go func() {
		defer close(finished)
		defer func() {
			if r := recover(); r != nil {
				rerr = yaegi.Panic{Value: r, Stack: debug.Stack()}
			}
		}()
		rv, rerr = e.yi.Execute(prog)
	}()
	select {
	case <-finished:
		return rv, rerr, false
	case <-ctx.Done():
	}
	onCancel()
	e.stop()
	afterStop()
	t := time.NewTimer(interruptGrace)
	defer t.Stop()
	select {
	case <-finished:
	case <-t.C:
		e.pending = finished
	}
	return reflect.Value{}, nil, true
}

// stop stops every interpreted goroutine: running frames at their next step
// (run id), blocked channel operations at once (done channels).
func (e *evaluator) stop() {
	atomic.AddUint64(e.id, 1)
	for _, d := range e.dones {
		close(d)
	}
	e.dones = nil
}

// compile runs yaegi's compiler, turning its panics into errors.
func compile(yi *yaegi.Interpreter, src string) (p *yaegi.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("interp: compile: %v", r)
		}
	}()
	return yi.Compile(src)
}
