package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleWaitFirst() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		slow := rt.CreateTask(ctx, fetch("slow", time.Hour))
		fast := rt.CreateTask(ctx, fetch("fast", time.Millisecond))
		i, _ := rt.WaitFirst(ctx, slow, fast)
		fmt.Println("first:", i)
		slow.Cancel()
		return nil, nil
	})
	// Output: first: 1
}

func ExampleWaitAll() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		a := rt.CreateTask(ctx, fetch("a", time.Millisecond))
		b := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return nil, errors.New("b failed") })
		fmt.Println(rt.WaitAll(ctx, a, b))
		fmt.Println(a.IsDone(), b.Err())
		return nil, nil
	})
	// Output:
	// <nil>
	// true b failed
}

func ExampleAsCompleted() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		c := rt.AsCompleted(
			rt.CreateTask(ctx, fetch("third", 50*time.Millisecond)),
			rt.CreateTask(ctx, fetch("first", 10*time.Millisecond)),
			rt.CreateTask(ctx, fetch("second", 30*time.Millisecond)))
		for c.Next(ctx) {
			v, _ := c.Result()
			fmt.Println(c.Index(), v)
		}
		return nil, c.Err()
	})
	// Output:
	// 1 first
	// 2 second
	// 0 third
}

func ExampleCompletion_Next() {
	f := rt.NewFuture()
	f.SetResult("ready")
	c := rt.AsCompleted(f)
	fmt.Println(c.Next(context.Background()), c.Next(context.Background()))
	// Output: true false
}

func ExampleCompletion_Index() {
	a, b := rt.NewFuture(), rt.NewFuture()
	b.SetResult(nil)
	c := rt.AsCompleted(a, b)
	c.Next(context.Background())
	fmt.Println(c.Index())
	// Output: 1
}

func ExampleCompletion_Result() {
	f := rt.NewFuture()
	f.SetError(errors.New("nope"))
	c := rt.AsCompleted(f)
	c.Next(context.Background())
	fmt.Println(c.Result())
	// Output: <nil> nope
}

func ExampleCompletion_Err() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := rt.AsCompleted(rt.NewFuture())
	fmt.Println(c.Next(ctx), c.Err())
	// Output: false context canceled
}

func ExampleWaitFor() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		_, err := rt.WaitFor(ctx, time.Millisecond, fetch("too slow", time.Hour))
		fmt.Println(errors.Is(err, rt.ErrTimeout), errors.Is(err, context.DeadlineExceeded))
		return nil, nil
	})
	// Output: true true
}

func ExampleAwaitTimeout() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, fetch("too slow", time.Hour))
		_, err := rt.AwaitTimeout(ctx, time.Millisecond, t)
		fmt.Println(errors.Is(err, rt.ErrTimeout))
		t.Await(ctx)
		fmt.Println(t.Cancelled())
		return nil, nil
	})
	// Output:
	// true
	// true
}

func ExampleShield() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		cctx, cancel := context.WithCancel(ctx)
		save := rt.Shield(cctx, fetch("saved", time.Millisecond))
		cancel() // the caller gives up; the shielded work goes on
		fmt.Println(save.Await(ctx))
		return nil, nil
	})
	// Output: saved <nil>
}
