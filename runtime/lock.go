package runtime

import (
	"context"
	"errors"
)

// ErrNotLocked is the panic value of Lock.Release on an unlocked Lock.
var ErrNotLocked = errors.New("runtime: release of unlocked lock")

// Lock is a mutual-exclusion lock whose Acquire takes a context, like
// asyncio.Lock: waiters get it in FIFO order, and it is not owned by a
// goroutine or task, so a holder may hand it to another for release.
//
// Use NewLock; the zero value is not usable. A Lock starts no goroutines.
// Acquire waits as an await point (a loop task gives the loop away; an
// executor worker in ModeGIL releases the GIL).
type Lock struct{ p permits }

// NewLock returns an unlocked Lock.
func NewLock() *Lock { return &Lock{p: permits{n: 1, free: 1}} }

// Acquire waits until the lock is free and takes it, or returns ctx's error
// (without the lock) if ctx ends first.
func (l *Lock) Acquire(ctx context.Context) error { return l.p.acquire(ctx) }

// TryAcquire takes the lock if it is free, without waiting, and reports
// whether it did.
func (l *Lock) TryAcquire() bool { return l.p.tryAcquire() }

// Release frees the lock, handing it to the longest waiter if any.
// Releasing an unlocked Lock panics with ErrNotLocked.
func (l *Lock) Release() {
	if !l.p.release() {
		panic(ErrNotLocked)
	}
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool {
	l.p.mu.Lock()
	defer l.p.mu.Unlock()
	return l.p.free == 0
}
