package runtime

import (
	"context"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// Semaphore limits how many holders run at once, like asyncio's
// BoundedSemaphore: Acquire takes one of n permits, waiting while none is
// free; Release gives one back. Waiters are served in FIFO order.
//
// Use NewSemaphore; the zero value is not usable. A Semaphore starts no
// goroutines. Acquire waits as a blocking region (the event loop and the
// GIL are given away while it waits).
type Semaphore struct {
	n    int64
	held atomic.Int64
	w    *semaphore.Weighted
}

// NewSemaphore returns a semaphore with n permits (n must be > 0).
func NewSemaphore(n int) *Semaphore {
	if n <= 0 {
		panic("runtime: NewSemaphore needs n > 0")
	}
	return &Semaphore{n: int64(n), w: semaphore.NewWeighted(int64(n))}
}

// Acquire takes a permit, waiting until one is free, or returns ctx's
// error (without a permit) if ctx ends first.
func (s *Semaphore) Acquire(ctx context.Context) error {
	if s.TryAcquire() {
		return nil
	}
	err := blockingWait(ctx, func() error { return s.w.Acquire(ctx, 1) })
	if err != nil {
		return err
	}
	s.held.Add(1)
	return nil
}

// TryAcquire takes a permit if one is free, without waiting, and reports
// whether it did.
func (s *Semaphore) TryAcquire() bool {
	if !s.w.TryAcquire(1) {
		return false
	}
	s.held.Add(1)
	return true
}

// Release gives a permit back and wakes the longest waiter. Releasing more
// permits than are held panics.
func (s *Semaphore) Release() {
	if s.held.Add(-1) < 0 {
		s.held.Add(1)
		panic("runtime: Semaphore released more than acquired")
	}
	s.w.Release(1)
}

// Available reports how many permits are free at this instant.
func (s *Semaphore) Available() int { return int(s.n - s.held.Load()) }

// Locked reports whether no permit is free, so Acquire would wait.
func (s *Semaphore) Locked() bool { return s.Available() <= 0 }
