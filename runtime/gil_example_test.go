package runtime_test

import (
	"context"
	"fmt"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

// The teaching demo: the same CPU work split over 4 workers. With the GIL,
// workers take turns (never two in bytecode at once), so threads do not
// speed it up; ModeFree and ModeIsolated run in parallel on several cores.
func ExampleCPUWork() {
	parts := []any{200_000, 200_000, 200_000, 200_000}
	work := func(ctx context.Context, n any) (any, error) { return rt.CPUWork(ctx, n.(int)), nil }
	ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 4, Mode: rt.ModeGIL})
	out, _ := ex.Map(context.Background(), work, parts)
	ex.Shutdown(true, false)
	fmt.Println(out[0] == rt.CPUWork(context.Background(), 200_000), ex.Stats().MaxParallel)
	// Output: true 1
}

func ExampleCountPrimes() {
	fmt.Println(rt.CountPrimes(context.Background(), 100))
	// Output: 25
}

func ExampleBlockingIO() {
	// Two GIL workers each "read from the network" for 10ms: the reads
	// release the GIL, so they overlap; CPU bytecode never does.
	ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 2, Mode: rt.ModeGIL})
	ex.Map(context.Background(), func(ctx context.Context, _ any) (any, error) {
		return nil, rt.BlockingIO(ctx, 10*time.Millisecond)
	}, []any{1, 2})
	ex.Shutdown(true, false)
	fmt.Println(ex.Stats().MaxParallel)
	// Output: 1
}

func ExampleWithoutGIL() {
	ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 1, Mode: rt.ModeGIL})
	defer ex.Shutdown(true, false)
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		sum := 0
		err := rt.WithoutGIL(ctx, func() error { // like C code that releases the GIL
			for i := range 1000 {
				sum += i
			}
			return nil
		})
		return sum, err
	})
	fmt.Println(v)
	// Output: 499500
}

func ExampleWorkerID() {
	ex := rt.NewExecutor(1)
	defer ex.Shutdown(true, false)
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		return rt.WorkerID(ctx), nil
	})
	fmt.Println(v, rt.WorkerID(context.Background()))
	// Output: 0 -1
}

func ExampleInterpreterID() {
	ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 1, Mode: rt.ModeIsolated})
	defer ex.Shutdown(true, false)
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		return rt.InterpreterID(ctx), nil
	})
	fmt.Println(v)
	// Output: 1
}

func ExampleDefaultSwitchInterval() {
	fmt.Println(rt.DefaultSwitchInterval)
	// Output: 5ms
}

// Threads share their interpreter's globals; sub-interpreters do not.
func ExampleInterpreterGlobals() {
	for _, mode := range []rt.ExecutorMode{rt.ModeGIL, rt.ModeIsolated} {
		ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 2, Mode: mode})
		meet := rt.NewBarrier(2) // both workers busy at once: one task each
		out, _ := ex.Map(context.Background(), func(ctx context.Context, _ any) (any, error) {
			meet.Wait(ctx) // a blocking wait releases the GIL
			return rt.InterpreterGlobals(ctx).Add("counter", 1), nil
		}, []any{1, 2})
		ex.Shutdown(true, false)
		fmt.Println(out[0].(int)+out[1].(int), "(1+2 shared, 1+1 isolated)")
	}
	// Output:
	// 3 (1+2 shared, 1+1 isolated)
	// 2 (1+2 shared, 1+1 isolated)
}

func ExampleGlobals() {
	ex := rt.NewExecutor(1)
	defer ex.Shutdown(true, false)
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		g := rt.InterpreterGlobals(ctx)
		g.Set("name", "main")
		return g.Get("name"), nil
	})
	fmt.Println(v, rt.InterpreterGlobals(context.Background()) == nil)
	// Output: main true
}

func ExampleGlobals_Get() {
	ex := rt.NewExecutor(1)
	defer ex.Shutdown(true, false)
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		return rt.InterpreterGlobals(ctx).Get("unset"), nil
	})
	fmt.Println(v)
	// Output: <nil>
}

func ExampleGlobals_Set() {
	ex := rt.NewExecutor(1)
	defer ex.Shutdown(true, false)
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		rt.InterpreterGlobals(ctx).Set("x", 42)
		return rt.InterpreterGlobals(ctx).Get("x"), nil
	})
	fmt.Println(v)
	// Output: 42
}

func ExampleGlobals_Add() {
	ex := rt.NewExecutor(1) // tasks run in submission order
	for range 10 {
		ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
			return rt.InterpreterGlobals(ctx).Add("hits", 1), nil
		})
	}
	v, _ := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		return rt.InterpreterGlobals(ctx).Add("hits", 0), nil
	})
	ex.Shutdown(true, false)
	fmt.Println(v)
	// Output: 10
}

func ExampleExecutor_asCompleted() {
	ex := rt.NewExecutor(4)
	defer ex.Shutdown(true, false)
	var futs []rt.Awaitable
	for _, n := range []int{1000, 10, 100} {
		futs = append(futs, ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
			return rt.CountPrimes(ctx, n), nil
		}))
	}
	total := 0
	c := rt.AsCompleted(futs...) // in the order they finish
	for c.Next(context.Background()) {
		v, _ := c.Result()
		total += v.(int)
	}
	fmt.Println(total)
	// Output: 197
}
