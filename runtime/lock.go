package runtime

import (
	"context"
	"errors"
)

// ErrNotLocked is the panic value of Lock.Release on an unlocked Lock.
var ErrNotLocked = errors.New("runtime: release of unlocked lock")

// Lock is a mutual-exclusion lock whose Acquire takes a context, like
// asyncio.Lock: it is not owned by a goroutine or task, so any holder may
// hand it to another for release.
//
// Use NewLock; the zero value is not usable. A Lock starts no goroutines.
// Acquire waits as a blocking region (the event loop and the GIL are given
// away while it waits).
type Lock struct{ ch chan struct{} }

// NewLock returns an unlocked Lock.
func NewLock() *Lock { return &Lock{ch: make(chan struct{}, 1)} }

// Acquire waits until the lock is free and takes it, or returns ctx's error
// (without the lock) if ctx ends first.
func (l *Lock) Acquire(ctx context.Context) error {
	if l.TryAcquire() {
		return nil
	}
	return blockingWait(ctx, func() error {
		select {
		case l.ch <- struct{}{}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// TryAcquire takes the lock if it is free, without waiting, and reports
// whether it did.
func (l *Lock) TryAcquire() bool {
	select {
	case l.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

// Release frees the lock. Releasing an unlocked Lock panics with ErrNotLocked.
func (l *Lock) Release() {
	select {
	case <-l.ch:
	default:
		panic(ErrNotLocked)
	}
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool { return len(l.ch) == 1 }
