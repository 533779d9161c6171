package runtime

import (
	"context"
	"errors"
)

// Wait waits until every task of the group has finished, including tasks
// started while it waits, and returns their failures: nil if none failed,
// the error itself if one did, all of them joined (errors.Join, in the order
// they happened) if several did, like asyncio's ExceptionGroup; if none
// failed but the group's parent context was cancelled, its error. Wait
// waits even when that context is done: cancelled tasks still end. In a
// loop task it gives the loop away while it waits.
func (g *Group) Wait() error {
	wctx := context.WithoutCancel(g.parent)
	for {
		g.mu.Lock()
		ts := g.tasks
		g.tasks = nil
		if len(ts) == 0 {
			g.closed = true
			g.mu.Unlock()
			break
		}
		g.mu.Unlock()
		_ = waitFutures(wctx, taskFutures(ts), false)
	}
	g.cancel(nil)
	return g.result()
}

func (g *Group) result() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch len(g.errs) {
	case 0:
		return g.parent.Err()
	case 1:
		return g.errs[0]
	}
	return errors.Join(g.errs...)
}

// taskFutures returns the futures of ts, marked as observed.
func taskFutures(ts []*Task) []*Future {
	fs := make([]*Future, len(ts))
	for i, t := range ts {
		fs[i] = t.fut
		fs[i].observed.Store(true)
	}
	return fs
}
