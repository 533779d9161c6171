package runtime

import (
	"context"
	"sync/atomic"
	"time"
)

// DefaultSwitchInterval is CPython's default switch interval
// (sys.getswitchinterval()): how long a thread waits for the GIL before it
// asks the holder to let go.
const DefaultSwitchInterval = 5 * time.Millisecond

// gil models CPython's global interpreter lock (Python/ceval_gil.c): one
// token; a thread that waits longer than the switch interval sets a drop
// request, and the holder, at its next "bytecode boundary" (holder.check),
// hands the token over. Go's channel hand-off to a parked receiver gives
// CPython's FORCE_SWITCHING: the dropping thread cannot take it back first.
type gil struct {
	tok         chan struct{}
	dropRequest atomic.Bool
	interval    time.Duration
}

func newGIL(interval time.Duration) *gil {
	if interval <= 0 {
		interval = DefaultSwitchInterval
	}
	g := &gil{tok: make(chan struct{}, 1), interval: interval}
	g.tok <- struct{}{}
	return g
}

// acquire waits for the token, asking the holder to drop it every
// interval. It ignores cancellation: a worker must hold the GIL to finish.
func (g *gil) acquire() {
	select {
	case <-g.tok:
		return
	default:
	}
	t := time.NewTimer(g.interval)
	defer t.Stop()
	for {
		select {
		case <-g.tok:
			g.dropRequest.Store(false)
			return
		case <-t.C:
			g.dropRequest.Store(true)
			t.Reset(g.interval)
		}
	}
}

// release gives the token back; only the holder calls it.
func (g *gil) release() { g.tok <- struct{}{} }

// holder is one executor worker's view of "running Python bytecode": the
// GIL it must hold (none in ModeFree) and the executor's counters. Task
// contexts carry it, so blocking regions and CPU work find it.
type holder struct {
	g       *gil
	c       *execCounters
	worker  int
	interp  int
	globals *Globals
	held    atomic.Bool
}

type holderKey struct{}

func holderFrom(ctx context.Context) *holder {
	h, _ := ctx.Value(holderKey{}).(*holder)
	return h
}

// enter starts running bytecode: take the GIL, then count.
func (h *holder) enter() {
	if h.g != nil {
		h.g.acquire()
	}
	h.held.Store(true)
	h.c.bytecodeEnter()
}

// exit stops running bytecode: uncount, then give the GIL away.
func (h *holder) exit() {
	h.c.bytecodeExit()
	h.held.Store(false)
	if h.g != nil {
		h.g.release()
	}
}

// release leaves bytecode for a blocking region and reports whether it did
// (false when already outside, as in a nested region).
func (h *holder) release() bool {
	if !h.held.Load() {
		return false
	}
	h.exit()
	return true
}

// reacquire comes back from a blocking region.
func (h *holder) reacquire() { h.enter() }

// check is a bytecode boundary: if another worker asked for the GIL,
// switch to it and wait for our turn again.
func (h *holder) check() {
	if h.g == nil || !h.held.Load() || !h.g.dropRequest.Load() {
		return
	}
	h.g.dropRequest.Store(false)
	h.exit()
	h.c.gilSwitches.Add(1)
	h.enter()
}
