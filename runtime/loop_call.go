package runtime

import (
	"sync/atomic"
	"time"
)

// Handle is a callback scheduled by CallSoon, CallLater or CallAt, like
// asyncio's Handle and TimerHandle. The zero value is not usable.
type Handle struct {
	loop  *Loop
	fn    func()
	when  time.Duration // on the loop's clock; 0 for CallSoon
	index int           // in the timer heap, -1 when not in it
	state atomic.Int32  // handlePending, handleRan or handleCancelled
}

const (
	handlePending int32 = iota
	handleRan
	handleCancelled
)

// Cancel stops the callback from running if it has not started; it
// reports whether the callback was still pending. It does not wait.
func (h *Handle) Cancel() bool {
	if !h.state.CompareAndSwap(handlePending, handleCancelled) {
		return false
	}
	l := h.loop
	l.mu.Lock()
	if h.index >= 0 {
		l.timer.remove(h.index)
	}
	l.mu.Unlock()
	return true
}

// Cancelled reports whether Cancel stopped the callback.
func (h *Handle) Cancelled() bool { return h.state.Load() == handleCancelled }

// When returns the time on the loop's clock at which the callback is due
// (0 for CallSoon).
func (h *Handle) When() time.Duration { return h.when }

// CallSoon schedules fn to run on the loop after the tasks and callbacks
// already ready, like loop.call_soon (and call_soon_threadsafe: it may be
// called from any goroutine). fn holds the loop while it runs; a panic in
// fn is reported and does not stop the loop.
func (l *Loop) CallSoon(fn func()) *Handle {
	h := &Handle{loop: l, fn: fn, index: -1}
	l.mu.Lock()
	l.ready.push(readyItem{call: h})
	l.wakeLocked()
	l.mu.Unlock()
	return h
}

// CallLater schedules fn to run on the loop once d has elapsed, like
// loop.call_later. Callbacks due at the same time run in the order they
// were scheduled.
func (l *Loop) CallLater(d time.Duration, fn func()) *Handle {
	return l.CallAt(l.Time()+d, fn)
}

// CallAt schedules fn to run on the loop when its clock (Time) reaches
// when, like loop.call_at.
func (l *Loop) CallAt(when time.Duration, fn func()) *Handle {
	h := &Handle{loop: l, fn: fn, when: when, index: -1}
	l.mu.Lock()
	l.timer.pushHandle(h)
	l.wakeLocked()
	l.mu.Unlock()
	return h
}

// wakeLocked tells an idle dispatcher that something changed.
func (l *Loop) wakeLocked() {
	if l.sleep {
		l.sleep = false
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
}
