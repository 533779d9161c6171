package runtime

// waiter is one goroutine parked on a Queue (or Condition); its channel
// receives one value when it is picked.
type waiter struct{ ch chan struct{} }

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
	return true
}

// wakeAll picks every parked waiter.
func (l *waiterList) wakeAll() {
	for l.wakeOne() {
	}
}

// free returns a waiter whose wake-up was consumed to the free list.
func (l *waiterList) free(w *waiter) { l.pool = append(l.pool, w) }

// cancel withdraws w after its wait was abandoned. If w had already been
// picked, its wake-up is passed to the next waiter so that none is lost.
func (l *waiterList) cancel(w *waiter) {
	for i := l.head; i < len(l.ws); i++ {
		if l.ws[i] == w {
			copy(l.ws[i:], l.ws[i+1:])
			l.ws[len(l.ws)-1] = nil
			l.ws = l.ws[:len(l.ws)-1]
			l.free(w)
			return
		}
	}
	<-w.ch
	l.free(w)
	l.wakeOne()
}
