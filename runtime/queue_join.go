package runtime

import (
	"context"
	"errors"
)

// ErrTaskDoneTooOften is returned by Queue.TaskDone when it is called more
// times than items were put.
var ErrTaskDoneTooOften = errors.New("runtime: queue TaskDone called too many times")

// TaskDone tells the queue that one item got with Get has been processed.
// When every item put has been marked done, Join returns. It does not wait.
func (q *Queue) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished <= 0 {
		return ErrTaskDoneTooOften
	}
	q.unfinished--
	q.finishLocked()
	return nil
}

// finishLocked releases Join waiters when no item is unfinished.
func (q *Queue) finishLocked() {
	if q.unfinished == 0 && q.joinCh != nil {
		close(q.joinCh)
		q.joinCh = nil
	}
}

// Join waits until every item put has been marked with TaskDone (or
// discarded), or ctx ends.
func (q *Queue) Join(ctx context.Context) error {
	q.mu.Lock()
	if q.unfinished == 0 {
		q.mu.Unlock()
		return nil
	}
	if q.joinCh == nil {
		q.joinCh = make(chan struct{})
	}
	ch := q.joinCh
	q.mu.Unlock()
	return blockingWait(ctx, func() error {
		select {
		case <-ch:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// Shutdown stops the queue: Put then returns ErrQueueShutDown, and Get
// returns ErrQueueShutDown once the queue is empty. With immediate, the
// items still queued are discarded (and count as done for Join) so that Get
// fails at once. Every waiting Put and Get wakes up. Shutdown does not wait.
func (q *Queue) Shutdown(immediate bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shutdown = true
	if immediate {
		q.unfinished -= min(q.unfinished, q.store.len())
		q.store.clear()
		q.finishLocked()
	}
	q.getters.wakeAll()
	q.putters.wakeAll()
}

// Len reports the number of items in the queue.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.store.len()
}

// Empty reports whether the queue holds no items.
func (q *Queue) Empty() bool { return q.Len() == 0 }

// Full reports whether a bounded queue holds MaxSize items.
func (q *Queue) Full() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.fullLocked()
}

// MaxSize reports the bound given at creation (<= 0: unbounded).
func (q *Queue) MaxSize() int { return q.opts.MaxSize }

// Dropped reports how many items the OverflowDropNewest and
// OverflowDropOldest modes have discarded.
func (q *Queue) Dropped() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.dropped
}
