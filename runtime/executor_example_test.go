package runtime_test

import (
	"context"
	"errors"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleExecutor() {
	ctx := context.Background()
	ex := rt.NewExecutor(4)
	defer ex.Shutdown(true, false)
	f := ex.Submit(ctx, func(ctx context.Context) (any, error) {
		return rt.CountPrimes(ctx, 1000), nil
	})
	v, err := f.Await(ctx)
	fmt.Println(v, err)
	// Output: 168 <nil>
}

func ExampleNewExecutor() {
	ex := rt.NewExecutor(3)
	fmt.Println(ex.Workers(), ex.Mode() == rt.ModeFree)
	ex.Shutdown(true, false)
	// Output: 3 true
}

func ExampleNewExecutorWith() {
	ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 2, Mode: rt.ModeGIL})
	defer ex.Shutdown(true, false)
	out, _ := ex.Map(context.Background(), func(ctx context.Context, n any) (any, error) {
		return rt.CountPrimes(ctx, n.(int)), nil
	}, []any{10, 100})
	fmt.Println(out, ex.Stats().MaxParallel) // never two workers in bytecode
	// Output: [4 25] 1
}

func ExampleExecutorOptions() {
	finished := 0
	ex := rt.NewExecutorWith(rt.ExecutorOptions{
		Workers:    1, // one worker: OnProgress calls come one after another
		OnProgress: func(s rt.Stats) { finished = int(s.Finished()) },
	})
	for range 5 {
		ex.Submit(context.Background(), func(ctx context.Context) (any, error) { return nil, nil })
	}
	ex.Shutdown(true, false)
	fmt.Println(finished)
	// Output: 5
}

func ExampleExecutorMode() {
	for _, mode := range []rt.ExecutorMode{rt.ModeFree, rt.ModeGIL, rt.ModeIsolated} {
		ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 2, Mode: mode})
		ids, _ := ex.Map(context.Background(), func(ctx context.Context, _ any) (any, error) {
			return rt.InterpreterID(ctx) > 0, nil
		}, []any{1, 2})
		ex.Shutdown(true, false)
		fmt.Println(ids[0]) // does the task run in an interpreter of its worker's own?
	}
	// Output:
	// false
	// false
	// true
}

func ExampleExecutor_Submit() {
	ex := rt.NewExecutor(1)
	defer ex.Shutdown(true, false)
	f := ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
		panic("bug in task")
	})
	_, err := f.Await(context.Background())
	var pe *rt.PanicError
	fmt.Println(errors.As(err, &pe), pe.Value)
	// Output: true bug in task
}

func ExampleExecutor_Map() {
	ex := rt.NewExecutor(4)
	defer ex.Shutdown(true, false)
	out, err := ex.Map(context.Background(), func(ctx context.Context, item any) (any, error) {
		return item.(string) + "!", nil
	}, []any{"a", "b", "c"})
	fmt.Println(out, err) // in the order of the items
	// Output: [a! b! c!] <nil>
}

func ExampleExecutor_Shutdown() {
	ctx := context.Background()
	ex := rt.NewExecutor(1)
	gate := rt.NewEvent()
	started := rt.NewEvent()
	first := ex.Submit(ctx, func(ctx context.Context) (any, error) {
		started.Set()
		return "ran", gate.Wait(ctx)
	})
	second := ex.Submit(ctx, func(ctx context.Context) (any, error) { return "ran", nil })
	started.Wait(ctx)
	ex.Shutdown(false, true) // cancel what has not started
	gate.Set()
	ex.Shutdown(true, false) // and wait for the workers
	v, _ := first.Result()
	fmt.Println(v, second.Cancelled(), ex.Stats())
	// Output: ran true submitted=2 pending=0 running=0 done=1 failed=0 cancelled=1
}

func ExampleExecutor_Stats() {
	ex := rt.NewExecutor(2)
	for i := range 4 {
		ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
			if i == 3 {
				return nil, errors.New("failed")
			}
			return i, nil
		})
	}
	ex.Shutdown(true, false)
	s := ex.Stats()
	fmt.Println(s.Submitted, s.Done, s.Failed, s.Finished())
	// Output: 4 3 1 4
}

func ExampleExecutor_Workers() {
	ex := rt.NewExecutor(0) // default: min(32, GOMAXPROCS+4)
	defer ex.Shutdown(true, false)
	fmt.Println(ex.Workers() >= 5)
	// Output: true
}

func ExampleExecutor_Mode() {
	ex := rt.NewExecutorWith(rt.ExecutorOptions{Workers: 1, Mode: rt.ModeIsolated})
	defer ex.Shutdown(true, false)
	fmt.Println(ex.Mode() == rt.ModeIsolated)
	// Output: true
}

func ExampleToThread() {
	// From a loop task, the loop keeps running other tasks while fn blocks.
	v, err := rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		return rt.ToThread(ctx, func(ctx context.Context) (any, error) {
			return "blocking call done", nil
		})
	})
	fmt.Println(v, err)
	// Output: blocking call done <nil>
}

func ExampleRunInExecutor() {
	ex := rt.NewExecutor(2)
	defer ex.Shutdown(true, false)
	v, err := rt.RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		return rt.WorkerID(ctx) >= 0, nil
	})
	fmt.Println(v, err)
	// Output: true <nil>
}

func ExampleErrExecutorShutDown() {
	ex := rt.NewExecutor(1)
	ex.Shutdown(true, false)
	f := ex.Submit(context.Background(), func(ctx context.Context) (any, error) { return nil, nil })
	fmt.Println(errors.Is(f.Err(), rt.ErrExecutorShutDown))
	// Output: true
}
