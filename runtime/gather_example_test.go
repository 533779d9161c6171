package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

// fetch is a stand-in for an I/O call: it sleeps on the loop.
func fetch(name string, d time.Duration) rt.TaskFunc {
	return func(ctx context.Context) (any, error) {
		if err := rt.Sleep(ctx, d); err != nil {
			return nil, err
		}
		return name, nil
	}
}

// Gather returns the values in the order given, whatever the order of
// completion: the seed article's asyncio.gather example.
func ExampleGather() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		vals, err := rt.Gather(ctx,
			rt.CreateTask(ctx, fetch("slow", 2*time.Millisecond)),
			rt.CreateTask(ctx, fetch("fast", time.Millisecond)))
		fmt.Println(vals, err)
		return nil, nil
	})
	// Output: [slow fast] <nil>
}

func ExampleGatherSettled() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		bad := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return nil, errors.New("bad") })
		outs, _ := rt.GatherSettled(ctx, rt.CreateTask(ctx, fetch("ok", 0)), bad)
		for _, o := range outs {
			fmt.Println(o.Value, o.Err)
		}
		return nil, nil
	})
	// Output:
	// ok <nil>
	// <nil> bad
}

func ExampleGatherFuncs() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		_, err := rt.GatherFuncs(ctx,
			func(ctx context.Context) (any, error) {
				err := rt.Sleep(ctx, time.Hour)
				fmt.Println("sibling stopped:", err)
				return nil, err
			},
			func(ctx context.Context) (any, error) { return nil, errors.New("failed") })
		fmt.Println(err)
		return nil, nil
	})
	// Output:
	// sibling stopped: context canceled
	// failed
}

func ExampleSleep() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			fmt.Println("other task runs while main sleeps")
			return nil, nil
		})
		rt.Sleep(ctx, time.Millisecond)
		fmt.Println("main woke up")
		return t.Await(ctx)
	})
	// Output:
	// other task runs while main sleeps
	// main woke up
}
