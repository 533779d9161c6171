package runtime_test

import (
	"context"
	"errors"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleFuture() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		f := rt.NewFuture()
		rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			f.SetResult("from another task")
			return nil, nil
		})
		fmt.Println(f.Await(ctx)) // gives the loop away until f completes
		return nil, nil
	})
	// Output: from another task <nil>
}

func ExampleNewFuture() {
	f := rt.NewFuture()
	fmt.Println(f.IsDone())
	// Output: false
}

func ExampleFuture_SetResult() {
	f := rt.NewFuture()
	fmt.Println(f.SetResult(1), f.SetResult(2)) // only the first completes it
	fmt.Println(f.Result())
	// Output:
	// true false
	// 1 <nil>
}

func ExampleFuture_SetError() {
	f := rt.NewFuture()
	f.SetError(errors.New("failed"))
	fmt.Println(f.Err())
	// Output: failed
}

func ExampleFuture_Cancel() {
	f := rt.NewFuture()
	fmt.Println(f.Cancel(), f.Cancelled(), f.Err())
	// Output: true true runtime: cancelled
}

func ExampleFuture_Cancelled() {
	f := rt.NewFuture()
	f.SetResult(nil)
	fmt.Println(f.Cancelled())
	// Output: false
}

func ExampleFuture_Done() {
	f := rt.NewFuture()
	go f.SetResult("v")
	<-f.Done()
	fmt.Println(f.Result())
	// Output: v <nil>
}

func ExampleFuture_IsDone() {
	f := rt.NewFuture()
	f.SetResult(nil)
	fmt.Println(f.IsDone())
	// Output: true
}

func ExampleFuture_Result() {
	f := rt.NewFuture()
	_, err := f.Result()
	fmt.Println(errors.Is(err, rt.ErrNotDone))
	// Output: true
}

func ExampleFuture_Err() {
	f := rt.NewFuture()
	f.SetResult(1)
	fmt.Println(f.Err())
	// Output: <nil>
}

func ExampleFuture_Await() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rt.NewFuture().Await(ctx)
	fmt.Println(err)
	// Output: context canceled
}

func ExampleFuture_AddDoneCallback() {
	f := rt.NewFuture()
	f.AddDoneCallback(func(f *rt.Future) { fmt.Println("completed with", f.Err()) })
	f.SetError(errors.New("oops"))
	// Output: completed with oops
}

func ExampleFuture_Future() {
	f := rt.NewFuture()
	var aw rt.Awaitable = f
	fmt.Println(aw.Future() == f)
	// Output: true
}
