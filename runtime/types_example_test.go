package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleLoop() {
	// One thread of control handles many waiting tasks: 1000 tasks that each
	// sleep 1 ms finish together, not one after another.
	l := rt.NewLoop()
	v, _ := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		ts := make([]rt.Awaitable, 1000)
		for i := range ts {
			ts[i] = rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
				return 1, rt.Sleep(ctx, time.Millisecond)
			})
		}
		vals, err := rt.Gather(ctx, ts...)
		return len(vals), err
	})
	fmt.Println(v, "tasks done")
	// Output: 1000 tasks done
}

func ExampleTask() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return "result", nil }).SetName("job")
		v, err := t.Await(ctx)
		fmt.Println(t.Name(), v, err, t.State())
		return nil, nil
	})
	// Output: job result <nil> done
}

func ExampleTaskFunc() {
	var double rt.TaskFunc = func(ctx context.Context) (any, error) { return 2 * 21, nil }
	fmt.Println(rt.Run(context.Background(), double))
	// Output: 42 <nil>
}

func ExampleAwaitable() {
	f := rt.NewFuture()
	f.SetResult("from a future")
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return "from a task", nil })
	vals, _ := rt.Gather(context.Background(), f, t) // both are Awaitable
	fmt.Println(vals)
	// Output: [from a future from a task]
}

func ExampleCompletion() {
	a, b := rt.NewFuture(), rt.NewFuture()
	c := rt.AsCompleted(a, b)
	b.SetResult("b")
	a.SetResult("a")
	for c.Next(context.Background()) {
		fmt.Println(c.Result())
	}
	// Output:
	// b <nil>
	// a <nil>
}

func ExampleHandle() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		h := l.CallLater(time.Hour, func() { fmt.Println("never") })
		fmt.Println(h.Cancel())
		return nil, nil
	})
	// Output: true
}

func ExampleOption() {
	opts := []rt.Option{rt.WithDebug(), rt.WithReport(func(string) {})}
	l := rt.NewLoop(opts...)
	fmt.Println(l.IsRunning())
	// Output: false
}

func ExampleOutcome() {
	f := rt.NewFuture()
	f.SetError(errors.New("bad"))
	outs, _ := rt.GatherSettled(context.Background(), f)
	fmt.Printf("%+v\n", outs[0])
	// Output: {Value:<nil> Err:bad}
}

func ExamplePanicError() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		var s []int
		return s[3], nil // index out of range
	})
	_, err := t.Await(context.Background())
	var pe *rt.PanicError
	if errors.As(err, &pe) {
		fmt.Println("recovered:", pe.Value)
	}
	// Output: recovered: runtime error: index out of range [3] with length 0
}

func ExampleTaskInfo() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		info := l.Tasks()[0]
		fmt.Println(info.Name, info.State, info.Age >= 0)
		return nil, nil
	})
	// Output: main running true
}

func ExampleTaskState() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			return nil, rt.Sleep(ctx, time.Millisecond)
		})
		fmt.Println(t.State())
		rt.Yield(ctx) // t starts, then waits in Sleep
		fmt.Println(t.State())
		t.Await(ctx)
		fmt.Println(t.State())
		return nil, nil
	})
	// Output:
	// pending
	// waiting
	// done
}

func ExampleErrCancelled() {
	f := rt.NewFuture()
	f.Cancel()
	fmt.Println(errors.Is(f.Err(), rt.ErrCancelled))
	// Output: true
}

func ExampleErrNotDone() {
	_, err := rt.NewFuture().Result()
	fmt.Println(err == rt.ErrNotDone)
	// Output: true
}

func ExampleErrTimeout() {
	_, err := rt.WaitFor(context.Background(), time.Millisecond, func(ctx context.Context) (any, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	fmt.Println(errors.Is(err, rt.ErrTimeout))
	// Output: true
}

func ExampleErrLoopRunning() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		_, err := l.RunUntilComplete(ctx, func(ctx context.Context) (any, error) { return nil, nil })
		fmt.Println(err == rt.ErrLoopRunning)
		return nil, nil
	})
	// Output: true
}

func ExampleErrNoAwaitables() {
	_, err := rt.WaitFirst(context.Background())
	fmt.Println(err == rt.ErrNoAwaitables)
	// Output: true
}
