package runtime

import (
	"fmt"
	"sync/atomic"
)

// Stats is a snapshot of an Executor's counters.
type Stats struct {
	Workers   int   // worker goroutines
	Submitted int64 // tasks accepted by Submit
	Pending   int64 // accepted, not started
	Running   int64 // running now
	Done      int64 // finished with a result
	Failed    int64 // finished with an error (panics included)
	Cancelled int64 // cancelled before they ran
	// MaxParallel is the largest number of workers seen running task code
	// ("bytecode") at the same instant: 1 in ModeGIL, up to Workers in
	// ModeFree and ModeIsolated.
	MaxParallel int64
	// GILSwitches counts forced GIL hand-overs after a switch interval.
	GILSwitches int64
}

// Finished reports how many tasks are over: Done + Failed + Cancelled.
func (s Stats) Finished() int64 { return s.Done + s.Failed + s.Cancelled }

// String renders s on one line.
func (s Stats) String() string {
	return fmt.Sprintf("submitted=%d pending=%d running=%d done=%d failed=%d cancelled=%d",
		s.Submitted, s.Pending, s.Running, s.Done, s.Failed, s.Cancelled)
}

// execCounters are an executor's live counters; all fields are atomic.
type execCounters struct {
	submitted, running, done, failed, cancelled atomic.Int64
	bytecode, maxBytecode, gilSwitches          atomic.Int64
}

func (c *execCounters) bytecodeEnter() {
	n := c.bytecode.Add(1)
	for {
		m := c.maxBytecode.Load()
		if n <= m || c.maxBytecode.CompareAndSwap(m, n) {
			return
		}
	}
}

func (c *execCounters) bytecodeExit() { c.bytecode.Add(-1) }

// snapshot reads the counters. Finished counters are read before running
// and submitted, so Pending is never negative.
func (c *execCounters) snapshot(workers int) Stats {
	s := Stats{Workers: workers}
	s.Done, s.Failed, s.Cancelled = c.done.Load(), c.failed.Load(), c.cancelled.Load()
	s.Running = c.running.Load()
	s.Submitted = c.submitted.Load()
	s.Pending = max(0, s.Submitted-s.Running-s.Finished())
	s.MaxParallel, s.GILSwitches = c.maxBytecode.Load(), c.gilSwitches.Load()
	return s
}
