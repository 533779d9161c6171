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
