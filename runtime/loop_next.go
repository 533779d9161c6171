package runtime

import "time"

// next forgets done, the task the caller just finished (if not nil), and
// returns the next ready item, waiting for one if there is none, or false
// when the run is over. When main is done it cancels the tasks left; when
// they are all done it ends the run.
func (l *Loop) next(done *Task) (readyItem, bool) {
	for {
		l.mu.Lock()
		if done != nil {
			l.forgetLocked(done)
			done = nil
		}
		if !l.run.closing && l.run.main.fut.IsDone() {
			l.mu.Unlock()
			l.beginClose()
			continue
		}
		if l.run.closing && l.run.live.n == 0 {
			l.endRunLocked()
			l.mu.Unlock()
			return readyItem{}, false
		}
		wait := l.moveDueTimers()
		if l.ready.len() > 0 {
			it := l.ready.pop()
			l.mu.Unlock()
			return it, true
		}
		l.sleep = true
		l.mu.Unlock()
		l.waitWake(wait)
	}
}

// beginClose cancels the tasks left when main is done.
func (l *Loop) beginClose() {
	l.mu.Lock()
	l.run.closing = true
	var left []*Task
	for t := l.run.live.head; t != nil; t = t.next {
		left = append(left, t)
	}
	l.mu.Unlock()
	for _, t := range left {
		t.Cancel()
	}
}

// endRunLocked stops the idle workers; the one calling it stops too.
func (l *Loop) endRunLocked() {
	l.run.over = true
	for _, w := range l.idle {
		w <- false
	}
	l.idle = nil
	if l.tm != nil {
		l.tm.Stop()
	}
}

// waitWake waits for a wake-up, or for d if d >= 0.
func (l *Loop) waitWake(d time.Duration) {
	if d < 0 {
		<-l.wake
		return
	}
	if l.tm == nil {
		l.tm = time.NewTimer(d)
	} else {
		l.tm.Reset(d)
	}
	select {
	case <-l.wake:
		l.tm.Stop()
	case <-l.tm.C:
	}
}

// moveDueTimers moves the due callbacks and sleeping tasks to the ready
// queue, in due order, and returns how long until the next entry is due
// (-1: none). l.mu must be held.
func (l *Loop) moveDueTimers() time.Duration {
	if l.timer.Len() == 0 {
		return -1
	}
	now := l.Time()
	for {
		e, wait, ok := l.timer.popDue(now)
		if !ok {
			return wait
		}
		l.ready.push(readyItem{task: e.t, call: e.h})
	}
}
