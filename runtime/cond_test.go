package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"sync"
	"testing"
)

func (c *Condition) waiting() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.waiters.len()
}

func TestConditionNotifyCounts(t *testing.T) {
	ctx := context.Background()
	c := NewCondition(nil)
	woken := make(chan int, 3)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			if err := c.Acquire(ctx); err != nil {
				t.Error(err)
				return
			}
			if err := c.Wait(ctx); err != nil {
				t.Error(err)
			}
			c.Release()
			woken <- i
		})
	}
	for c.waiting() < 3 {
		goruntime.Gosched()
	}
	notify := func(n int) {
		if err := c.Acquire(ctx); err != nil {
			t.Fatal(err)
		}
		if n < 0 {
			c.NotifyAll()
		} else {
			c.Notify(n)
		}
		c.Release()
	}
	notify(1)
	<-woken
	if n := c.waiting(); n != 2 {
		t.Fatalf("%d waiters left after Notify(1), want 2", n)
	}
	notify(-1)
	wg.Wait()
	if len(woken) != 2 {
		t.Fatalf("NotifyAll woke %d, want 2", len(woken))
	}
}

func TestConditionWaitForAndCancel(t *testing.T) {
	ctx := context.Background()
	c := NewCondition(nil)
	items := 0
	go func() {
		for range 3 {
			_ = c.Acquire(ctx)
			items++
			c.NotifyAll()
			c.Release()
		}
	}()
	_ = c.Acquire(ctx)
	if err := c.WaitFor(ctx, func() bool { return items == 3 }); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.Wait(cctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait with cancelled ctx: %v", err)
	}
	if !c.L.Locked() {
		t.Fatal("Wait returned without the lock")
	}
	c.Release()
}
