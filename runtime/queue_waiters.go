package runtime

import (
	"context"
	"sync"
)

// waiter is one goroutine or loop task parked on a Queue, Lock, Semaphore
// or Condition; its channel receives one value when it is picked, and a
// loop task's wake function queues the task on its loop at that moment.
type waiter struct {
	ch   chan struct{}
	wake func()
}

// waiterList is a FIFO of parked goroutines with a free list, so that
// steady-state waiting allocates nothing. Its owner's mutex guards it.
type waiterList struct {
	ws   []*waiter
	head int
	pool []*waiter
}

// add appends a fresh waiter.
func (l *waiterList) add() *waiter {
	var w *waiter
	if n := len(l.pool); n > 0 {
		w, l.pool = l.pool[n-1], l.pool[:n-1]
	} else {
		w = &waiter{ch: make(chan struct{}, 1)}
	}
	l.ws = append(l.ws, w)
	return w
}

// len reports how many goroutines are parked.
func (l *waiterList) len() int { return len(l.ws) - l.head }

// wakeOne picks the longest-parked waiter, if any, and reports whether
// there was one.
func (l *waiterList) wakeOne() bool {
	if l.head == len(l.ws) {
		return false
	}
	w := l.ws[l.head]
	l.ws[l.head] = nil
	l.head++
	if l.head == len(l.ws) {
		l.ws, l.head = l.ws[:0], 0
	}
	w.ch <- struct{}{}
	if w.wake != nil {
		w.wake()
	}
	return true
}

// wakeAll picks every parked waiter.
func (l *waiterList) wakeAll() {
	for l.wakeOne() {
	}
}

// free returns a waiter whose wake-up was consumed to the free list.
func (l *waiterList) free(w *waiter) {
	w.wake = nil
	l.pool = append(l.pool, w)
}

// cancel withdraws w after its wait was abandoned. If w had already been
// picked, its wake-up is passed to the next waiter so that none is lost;
// cancel reports false when there was no one to pass it to.
func (l *waiterList) cancel(w *waiter) bool {
	for i := l.head; i < len(l.ws); i++ {
		if l.ws[i] == w {
			copy(l.ws[i:], l.ws[i+1:])
			l.ws[len(l.ws)-1] = nil
			l.ws = l.ws[:len(l.ws)-1]
			l.free(w)
			return true
		}
	}
	<-w.ch
	l.free(w)
	return l.wakeOne()
}

// park waits until a waker picks this goroutine (wakeOne) or ctx ends. It
// is called with mu (which guards l) held, and returns with mu held only on
// success. If ctx ends after this waiter was picked, the wake-up goes to
// the next waiter, or, if there is none, lost is called with mu held (so
// that a handed-over permit is not lost).
func (l *waiterList) park(ctx context.Context, mu *sync.Mutex, lost func()) error {
	w := l.add()
	mu.Unlock()
	err := waitPicked(ctx, mu, w)
	mu.Lock()
	if err != nil {
		if !l.cancel(w) && lost != nil {
			lost()
		}
		mu.Unlock()
		return err
	}
	l.free(w)
	return nil
}

// waitPicked waits for w's wake-up. In a loop task holding the baton, the
// task is suspended and queued again by the waker itself, at the moment it
// picks w, as asyncio does with futures, so loop tasks resume in a
// deterministic order. Elsewhere it waits as a blocking region.
func waitPicked(ctx context.Context, mu *sync.Mutex, w *waiter) error {
	var stop func() bool
	if suspend(ctx, func(wake func()) {
		mu.Lock()
		w.wake = wake
		picked := len(w.ch) > 0
		mu.Unlock()
		stop = context.AfterFunc(ctx, wake)
		if picked {
			wake()
		}
	}) {
		stop()
		select {
		case <-w.ch:
			return nil
		default:
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return blockingWait(ctx, func() error {
		select {
		case <-w.ch:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}
