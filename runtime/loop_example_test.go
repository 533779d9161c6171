package runtime_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

// Run is asyncio.run: main runs as a task on a fresh loop; the tasks it
// makes interleave at their await points, one at a time.
func ExampleRun() {
	v, err := rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			fmt.Println("task: started")
			return "data ready", nil
		})
		fmt.Println("main: task created, not started yet")
		return t.Await(ctx) // gives the loop to the task
	})
	fmt.Println(v, err)
	// Output:
	// main: task created, not started yet
	// task: started
	// data ready <nil>
}

func ExampleNewLoop() {
	l := rt.NewLoop()
	fmt.Println(l.IsRunning())
	// Output: false
}

func ExampleLoop_RunUntilComplete() {
	l := rt.NewLoop()
	for i := range 2 { // a loop can run again
		v, _ := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
			return i * 10, nil
		})
		fmt.Println(v)
	}
	// Output:
	// 0
	// 10
}

func ExampleLoop_CallSoon() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		l.CallSoon(func() { fmt.Println("callback") })
		fmt.Println("main: before yielding")
		rt.Yield(ctx)
		fmt.Println("main: after")
		return nil, nil
	})
	// Output:
	// main: before yielding
	// callback
	// main: after
}

func ExampleLoop_CallLater() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		done := rt.NewFuture()
		l.CallLater(time.Millisecond, func() { fmt.Println("after 1ms") })
		l.CallLater(2*time.Millisecond, func() { fmt.Println("after 2ms"); done.SetResult(nil) })
		fmt.Println("scheduled")
		return done.Await(ctx)
	})
	// Output:
	// scheduled
	// after 1ms
	// after 2ms
}

func ExampleLoop_CallAt() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		done := rt.NewFuture()
		at := l.Time() + time.Millisecond
		h := l.CallAt(at, func() { fmt.Println("due"); done.SetResult(nil) })
		fmt.Println(h.When() == at)
		return done.Await(ctx)
	})
	// Output:
	// true
	// due
}

func ExampleLoop_Time() {
	l := rt.NewLoop()
	t0 := l.Time()
	fmt.Println(l.Time() >= t0)
	// Output: true
}

func ExampleLoop_IsRunning() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		fmt.Println("during:", l.IsRunning())
		return nil, nil
	})
	fmt.Println("after:", l.IsRunning())
	// Output:
	// during: true
	// after: false
}

func ExampleLoop_CreateTask() {
	l := rt.NewLoop()
	t := l.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return 42, nil })
	fmt.Println("before the run:", t.State())
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		return t.Await(ctx)
	})
	fmt.Println(t.Result())
	// Output:
	// before the run: pending
	// 42 <nil>
}

func ExampleHandle_Cancel() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		h := l.CallSoon(func() { fmt.Println("never printed") })
		fmt.Println(h.Cancel(), h.Cancelled())
		rt.Yield(ctx)
		return nil, nil
	})
	// Output: true true
}

func ExampleHandle_Cancelled() {
	l := rt.NewLoop()
	h := l.CallLater(time.Hour, func() {})
	fmt.Println(h.Cancelled())
	h.Cancel()
	fmt.Println(h.Cancelled())
	// Output:
	// false
	// true
}

func ExampleHandle_When() {
	l := rt.NewLoop()
	fmt.Println(l.CallSoon(func() {}).When())
	// Output: 0s
}

// CPU work holds the loop: the counter task only gets its turn when the
// busy task awaits.
func ExampleYield() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		a := rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			for i := range 2 {
				fmt.Println("a", i)
				rt.Yield(ctx)
			}
			return nil, nil
		})
		b := rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			for i := range 2 {
				fmt.Println("b", i)
				rt.Yield(ctx)
			}
			return nil, nil
		})
		return rt.Gather(ctx, a, b)
	})
	// Output:
	// a 0
	// b 0
	// a 1
	// b 1
}

// Blocking is how a wait on something outside the loop gives the loop away.
func ExampleBlocking() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		ch := make(chan string)
		rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			ch <- "hello from another task"
			return nil, nil
		})
		var msg string
		err := rt.Blocking(ctx, func() error { msg = <-ch; return nil })
		fmt.Println(msg, err)
		return nil, nil
	})
	// Output: hello from another task <nil>
}

func ExampleCurrentLoop() {
	fmt.Println(rt.CurrentLoop(context.Background()) == nil)
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		fmt.Println(rt.CurrentLoop(ctx).IsRunning())
		return nil, nil
	})
	// Output:
	// true
	// true
}

func ExampleWithoutLoop() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		off := rt.WithoutLoop(ctx)
		t := rt.CreateTask(off, func(ctx context.Context) (any, error) { return "own goroutine", nil })
		fmt.Println(t.Loop() == nil)
		return t.Await(ctx)
	})
	// Output: true
}

func ExampleWithDebug() {
	l := rt.NewLoop(rt.WithDebug(), rt.WithReport(func(string) {}))
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return nil, nil }).SetName("forgotten")
		return nil, nil
	})
	for _, t := range l.NeverAwaited() {
		fmt.Println(t.Name)
	}
	// Output: forgotten
}

func ExampleWithReport() {
	report := func(msg string) { fmt.Println(msg) }
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			return nil, fmt.Errorf("disk full")
		}).SetName("save")
		rt.Yield(ctx) // let it run (and fail)
		return nil, nil
	}, rt.WithReport(report))
	// Output: runtime: task "save" failed and its error was never retrieved: disk full
}

func ExampleWithSlowCallback() {
	l := rt.NewLoop(rt.WithSlowCallback(time.Millisecond), rt.WithReport(func(msg string) {
		if strings.HasPrefix(msg, "runtime: slow callback: callback") {
			fmt.Println(msg[:len("runtime: slow callback: callback held the loop")])
		}
	}))
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		l.CallSoon(func() { // CPU work that holds the loop for 2 ms
			for start := l.Time(); l.Time()-start < 2*time.Millisecond; {
			}
		})
		rt.Yield(ctx)
		return nil, nil
	})
	// Output: runtime: slow callback: callback held the loop
}

func ExampleLoop_Tasks() {
	l := rt.NewLoop()
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return nil, nil }).SetName("worker")
		for _, t := range l.Tasks() {
			fmt.Println(t.Name, t.State)
		}
		return nil, nil
	})
	// Output:
	// main running
	// worker pending
}

func ExampleLoop_NeverAwaited() {
	l := rt.NewLoop(rt.WithDebug(), rt.WithReport(func(string) {}))
	l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return 1, nil })
		rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return 2, nil }).SetName("lost")
		return t.Await(ctx)
	})
	fmt.Println(len(l.NeverAwaited()), l.NeverAwaited()[0].Name)
	// Output: 1 lost
}
