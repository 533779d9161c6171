package runtime

import (
	"context"
	"time"
)

// Sleep waits for d or until ctx is done, like asyncio.sleep, and returns
// ctx's error in the second case. In a loop task it gives the loop to other
// tasks while it waits, on the loop's own timers; Sleep with d <= 0 just
// lets the ready tasks run first (see Yield).
func Sleep(ctx context.Context, d time.Duration) error {
	// The common case, a loop task that sleeps on its own context, is
	// handled here, in one frame (see Loop.work): the task itself goes into
	// the loop's timer heap (no callback, no closure), and the cancellation
	// of its context takes it out and queues it at once (wakeSleeper).
	tc, ok := ctx.(*taskContext)
	if !ok || d <= 0 || tc.t.loop == nil || tc.t.loop.current.Load() != tc.t {
		return sleep(ctx, d)
	}
	t, l := tc.t, tc.t.loop
	if err := t.tctx.Err(); err != nil {
		return err // a cancelled task returns at once, as in sleep
	}
	if parkCurrent(ctx) != t {
		return sleep(ctx, d)
	}
	// From here the baton is in limbo: hand it on whatever happens.
	t.mu.Lock()
	x := t.extra()
	x.sleeping = true
	watched := x.watching
	t.mu.Unlock()
	if !watched {
		t.watchParent() // so that the parent's cancellation reaches t
	}
	when := l.Time() + d
	l.mu.Lock()
	l.timer.pushTask(t, when)
	w := l.takeWorkerLocked()
	l.mu.Unlock()
	l.handOff(w)
	// A cancellation that came before the push found nothing to wake.
	t.mu.Lock()
	cancelled := t.cerr != nil
	t.mu.Unlock()
	if cancelled {
		l.wakeSleeper(t)
	}
	<-t.w // resumeWait, inline
	l.stepStarted(t)
	t.mu.Lock()
	x.sleeping = false
	t.mu.Unlock()
	return t.tctx.Err()
}

// sleep is Sleep in the general case: any context, on the loop or off it.
func sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d <= 0 {
		Yield(ctx)
		return ctx.Err()
	}
	if l := loopFrom(ctx); l != nil {
		var h *Handle
		var stop stopper
		if t := suspendTask(ctx, func(wake func()) {
			h = l.CallLater(d, wake)
			stop = onDone(ctx, wake)
		}); t != nil {
			h.Cancel()
			stop.stop()
			return wokenErr(ctx, t)
		}
	}
	return sleepTimer(ctx, d)
}

// wakeSleeper queues t, sleeping in Sleep on its own context, at once if
// its timer entry is still live; it does nothing otherwise (t woke up
// already, or is about to).
func (l *Loop) wakeSleeper(t *Task) {
	l.mu.Lock()
	if l.timer.unlistTask(t) {
		l.ready.push(readyItem{task: t})
		l.wakeLocked()
	}
	l.mu.Unlock()
}

// sleepTimer blocks the calling goroutine for d or until ctx is done.
func sleepTimer(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
