package runtime_test

import (
	"context"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleCondition() {
	ctx := context.Background()
	c := rt.NewCondition(nil)
	var items []string
	done := make(chan struct{})
	go func() { // consumer: wait until there are two items
		defer close(done)
		c.Acquire(ctx)
		defer c.Release()
		c.WaitFor(ctx, func() bool { return len(items) == 2 })
		fmt.Println("consumer sees", items)
	}()
	for _, it := range []string{"a", "b"} {
		c.Acquire(ctx)
		items = append(items, it)
		c.NotifyAll()
		c.Release()
	}
	<-done
	// Output: consumer sees [a b]
}

func ExampleNewCondition() {
	l := rt.NewLock()
	c := rt.NewCondition(l)
	fmt.Println(c.L == l)
	// Output: true
}

func ExampleCondition_Acquire() {
	c := rt.NewCondition(nil)
	c.Acquire(context.Background())
	fmt.Println(c.L.Locked())
	c.Release()
	fmt.Println(c.L.Locked())
	// Output:
	// true
	// false
}

func ExampleCondition_Release() {
	c := rt.NewCondition(nil)
	c.Acquire(context.Background())
	c.Release()
	fmt.Println(c.L.Locked())
	// Output: false
}

func ExampleCondition_Wait() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := rt.NewCondition(nil)
	c.Acquire(context.Background())
	err := c.Wait(ctx) // nobody notifies; returns with the lock held again
	fmt.Println(err, c.L.Locked())
	// Output: context canceled true
}

func ExampleCondition_WaitFor() {
	c := rt.NewCondition(nil)
	c.Acquire(context.Background())
	defer c.Release()
	fmt.Println(c.WaitFor(context.Background(), func() bool { return true }))
	// Output: <nil>
}

func ExampleCondition_Notify() {
	ctx := context.Background()
	c := rt.NewCondition(nil)
	c.Acquire(ctx)
	go func() {
		c.Acquire(ctx) // possible once Wait has released the lock
		c.Notify(1)    // wakes the one waiter
		c.Release()
	}()
	c.Wait(ctx)
	c.Release()
	fmt.Println("notified")
	// Output: notified
}

func ExampleCondition_NotifyAll() {
	c := rt.NewCondition(nil)
	c.Acquire(context.Background())
	c.NotifyAll() // no waiters: nothing happens
	c.Release()
	fmt.Println("ok")
	// Output: ok
}
