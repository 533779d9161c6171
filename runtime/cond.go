package runtime

import (
	"context"
	"sync"
)

// Condition lets tasks wait until another task notifies them, while
// sharing a Lock, like asyncio.Condition. Wait and Notify must be called
// with the lock held.
//
// Use NewCondition; the zero value is not usable. A Condition starts no
// goroutines. Wait and Acquire wait as blocking regions.
type Condition struct {
	// L is the lock the condition protects its state with.
	L *Lock

	mu      sync.Mutex
	waiters waiterList
}

// NewCondition returns a condition over l (nil: a new Lock).
func NewCondition(l *Lock) *Condition {
	if l == nil {
		l = NewLock()
	}
	return &Condition{L: l}
}

// Acquire acquires c.L; see Lock.Acquire.
func (c *Condition) Acquire(ctx context.Context) error { return c.L.Acquire(ctx) }

// Release releases c.L.
func (c *Condition) Release() { c.L.Release() }

// Wait releases c.L, waits until notified or until ctx ends, and acquires
// c.L again before it returns, in both cases (as asyncio does). It returns
// ctx's error if ctx ended. Calling it without holding c.L panics.
func (c *Condition) Wait(ctx context.Context) error {
	c.mustHold("Wait")
	c.mu.Lock()
	c.L.Release()
	err := c.waiters.park(ctx, &c.mu, nil)
	if err == nil {
		c.mu.Unlock()
	}
	if lerr := c.L.Acquire(context.WithoutCancel(ctx)); lerr != nil && err == nil {
		err = lerr
	}
	return err
}

// WaitFor waits until pred, evaluated with c.L held, returns true. It
// returns ctx's error if ctx ends first (with c.L held).
func (c *Condition) WaitFor(ctx context.Context, pred func() bool) error {
	for !pred() {
		if err := c.Wait(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Notify wakes at most n waiters. Calling it without holding c.L panics.
// It does not wait.
func (c *Condition) Notify(n int) {
	c.mustHold("Notify")
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := 0; i < n && c.waiters.wakeOne(); i++ {
	}
}

// NotifyAll wakes every waiter. Calling it without holding c.L panics.
func (c *Condition) NotifyAll() {
	c.mustHold("NotifyAll")
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waiters.wakeAll()
}

func (c *Condition) mustHold(method string) {
	if !c.L.Locked() {
		panic("runtime: Condition." + method + " without holding the lock")
	}
}
