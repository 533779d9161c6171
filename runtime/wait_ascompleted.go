package runtime

import (
	"context"
	"sync"
)

// Completion hands out awaitables in the order they complete, like
// asyncio.as_completed, in the style of bufio.Scanner:
//
//	c := rt.AsCompleted(tasks...)
//	for c.Next(ctx) {
//		v, err := c.Result()
//		fmt.Println(c.Index(), v, err)
//	}
//	if err := c.Err(); err != nil { ... } // ctx was done
//
// Make one with AsCompleted; the zero value is not usable. A Completion
// starts no goroutines; Next waits, giving the loop away in a loop task.
// Use it from one goroutine at a time.
type Completion struct {
	fs    []*Future
	mu    sync.Mutex
	order []int   // indexes of completed futures not handed out yet
	more  *Future // completed when order grows; nil when nobody waits
	given int     // how many were handed out
	cur   int
	err   error
}

// AsCompleted returns a Completion over aws.
func AsCompleted(aws ...Awaitable) *Completion {
	c := &Completion{fs: futures(aws), cur: -1}
	for i, f := range c.fs {
		f.addCallback(func(*Future) { c.completed(i) })
	}
	return c
}

func (c *Completion) completed(i int) {
	c.mu.Lock()
	c.order = append(c.order, i)
	more := c.more
	c.more = nil
	c.mu.Unlock()
	if more != nil {
		more.SetResult(nil)
	}
}

// Next waits for the next awaitable to complete and reports whether there
// was one; it returns false when all have been handed out or ctx is done
// (then Err says why).
func (c *Completion) Next(ctx context.Context) bool {
	if c.given == len(c.fs) || c.err != nil {
		return false
	}
	for {
		i, more := c.take()
		if i >= 0 {
			c.cur, c.given = i, c.given+1
			return true
		}
		if c.err = more.wait(ctx); c.err != nil {
			return false
		}
	}
}

// take returns the next completed index, or -1 and a future completed when
// there is one.
func (c *Completion) take() (int, *Future) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.order) == 0 {
		if c.more == nil {
			c.more = NewFuture()
		}
		return -1, c.more
	}
	i := c.order[0]
	c.order = c.order[1:]
	return i, nil
}

// Index returns the position, among the awaitables given to AsCompleted,
// of the one Next handed out last.
func (c *Completion) Index() int { return c.cur }

// Result returns the outcome of the awaitable Next handed out last.
func (c *Completion) Result() (any, error) {
	if c.cur < 0 {
		return nil, ErrNotDone
	}
	return c.fs[c.cur].value, c.fs[c.cur].err
}

// Err returns ctx's error if Next stopped because ctx was done, else nil.
func (c *Completion) Err() error { return c.err }
