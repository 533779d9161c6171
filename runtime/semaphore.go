package runtime

import (
	"context"
	"sync"
)

// Semaphore limits how many holders run at once, like asyncio's
// BoundedSemaphore: Acquire takes one of n permits, waiting while none is
// free; Release gives one back. Waiters are served in FIFO order, and a
// released permit goes straight to the longest waiter.
//
// Use NewSemaphore; the zero value is not usable. A Semaphore starts no
// goroutines. Acquire waits as an await point: a loop task gives the loop
// away (and is queued again when a permit is handed to it), and an
// executor worker in ModeGIL releases the GIL.
//
// golang.org/x/sync/semaphore has the same fairness, but its waiters
// cannot be loop tasks queued at hand-over time, hence this small version.
type Semaphore struct{ p permits }

// permits is the counter behind Semaphore and Lock.
type permits struct {
	mu      sync.Mutex
	n, free int
	waiters waiterList
}

// NewSemaphore returns a semaphore with n permits (n must be > 0).
func NewSemaphore(n int) *Semaphore {
	if n <= 0 {
		panic("runtime: NewSemaphore needs n > 0")
	}
	return &Semaphore{p: permits{n: n, free: n}}
}

// Acquire takes a permit, waiting until one is free, or returns ctx's
// error (without a permit) if ctx ends first.
func (s *Semaphore) Acquire(ctx context.Context) error { return s.p.acquire(ctx) }

// TryAcquire takes a permit if one is free, without waiting, and reports
// whether it did.
func (s *Semaphore) TryAcquire() bool { return s.p.tryAcquire() }

// Release gives a permit back, to the longest waiter if there is one.
// Releasing more permits than are held panics.
func (s *Semaphore) Release() {
	if !s.p.release() {
		panic("runtime: Semaphore released more than acquired")
	}
}

// Available reports how many permits are free at this instant.
func (s *Semaphore) Available() int {
	s.p.mu.Lock()
	defer s.p.mu.Unlock()
	return s.p.free
}

// Locked reports whether no permit is free, so Acquire would wait.
func (s *Semaphore) Locked() bool { return s.Available() == 0 }

func (p *permits) acquire(ctx context.Context) error {
	p.mu.Lock()
	if p.free > 0 && p.waiters.len() == 0 {
		p.free--
		p.mu.Unlock()
		return nil
	}
	if err := p.waiters.park(ctx, &p.mu, func() { p.free++ }); err != nil {
		return err
	}
	p.mu.Unlock() // picked: the releaser handed its permit over
	return nil
}

func (p *permits) tryAcquire() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.free > 0 && p.waiters.len() == 0 {
		p.free--
		return true
	}
	return false
}

// release hands a permit to the longest waiter or frees it; it reports
// false if no permit was held.
func (p *permits) release() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiters.wakeOne() {
		return true
	}
	if p.free == p.n {
		return false
	}
	p.free++
	return true
}
