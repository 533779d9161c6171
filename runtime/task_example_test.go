package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleCreateTask() {
	// Outside a loop, a task runs at once on its own goroutine.
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		return "done", nil
	})
	fmt.Println(t.Await(context.Background()))
	// Output: done <nil>
}

func ExampleCurrentTask() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		fmt.Println(rt.CurrentTask(ctx).Name())
		return nil, nil
	})
	// Output: main
}

func ExampleTask_Cancel() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) {
			fmt.Println("never printed: cancelled before it started")
			return nil, nil
		})
		fmt.Println(t.Cancel())
		_, err := t.Await(ctx)
		fmt.Println(err, t.Cancelled())
		return nil, nil
	})
	// Output:
	// true
	// runtime: cancelled true
}

func ExampleTask_Await() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return 6 * 7, nil })
		fmt.Println(t.Await(ctx))
		return nil, nil
	})
	// Output: 42 <nil>
}

func ExampleTask_Result() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return "v", nil })
	<-t.Done()
	fmt.Println(t.Result())
	// Output: v <nil>
}

func ExampleTask_Err() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		return nil, errors.New("failed")
	})
	<-t.Done()
	fmt.Println(t.Err())
	// Output: failed
}

func ExampleTask_Done() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return nil, nil })
	<-t.Done() // off the loop a channel is fine; in a loop task use Await
	fmt.Println(t.IsDone())
	// Output: true
}

func ExampleTask_IsDone() {
	release := make(chan struct{})
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { <-release; return nil, nil })
	fmt.Println(t.IsDone())
	close(release)
	t.Await(context.Background())
	fmt.Println(t.IsDone())
	// Output:
	// false
	// true
}

func ExampleTask_Cancelled() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	t.Cancel()
	t.Await(context.Background())
	fmt.Println(t.Cancelled())
	// Output: true
}

func ExampleTask_AddDoneCallback() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return 1, nil }).SetName("t1")
		t.AddDoneCallback(func(t *rt.Task) { fmt.Println(t.Name(), "finished") })
		return t.Await(ctx)
	})
	// Output: t1 finished
}

func ExampleTask_Name() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		fmt.Println(rt.CurrentTask(ctx).Name())
		return nil, nil
	})
	// Output: main
}

func ExampleTask_SetName() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return nil, nil }).SetName("fetch")
	t.Await(context.Background())
	fmt.Println(t.Name())
	// Output: fetch
}

func ExampleTask_State() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return nil, nil })
		fmt.Println(t.State())
		t.Await(ctx)
		fmt.Println(t.State())
		return nil, nil
	})
	// Output:
	// pending
	// done
}

func ExampleTask_Context() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return nil, nil })
	t.Await(context.Background())
	fmt.Println(t.Context().Err()) // released when the task finished
	// Output: context canceled
}

func ExampleTask_Loop() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		t := rt.CreateTask(ctx, func(ctx context.Context) (any, error) { return nil, nil })
		fmt.Println(t.Loop() == rt.CurrentLoop(ctx))
		return t.Await(ctx)
	})
	// Output: true
}

func ExampleTask_Future() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return "x", nil })
	fmt.Println(t.Future().Await(context.Background()))
	// Output: x <nil>
}

func ExampleTask_Info() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return nil, nil }).SetName("job")
	t.Await(context.Background())
	info := t.Info()
	fmt.Println(info.Name, info.State)
	// Output: job done
}

func ExampleTaskState_String() {
	fmt.Println(rt.TaskPending, rt.TaskRunning, rt.TaskWaiting, rt.TaskDone)
	// Output: pending running waiting done
}

func ExampleCatchPanic() {
	_, err := rt.CatchPanic(context.Background(), func(ctx context.Context) (any, error) {
		var m map[string]int
		m["x"] = 1 // panics: assignment to entry in nil map
		return nil, nil
	})
	var pe *rt.PanicError
	fmt.Println(errors.As(err, &pe), pe.Stack != "")
	fmt.Println(err)
	// Output:
	// true true
	// runtime: panic: assignment to entry in nil map
}

func ExamplePanicError_Unwrap() {
	errBoom := errors.New("boom")
	_, err := rt.CatchPanic(context.Background(), func(ctx context.Context) (any, error) { panic(errBoom) })
	fmt.Println(errors.Is(err, errBoom))
	// Output: true
}

func ExamplePanicError_Error() {
	err := &rt.PanicError{Value: "oops"}
	fmt.Println(err.Error())
	// Output: runtime: panic: oops
}

func ExampleTask_String() {
	t := rt.CreateTask(context.Background(), func(ctx context.Context) (any, error) { return nil, nil }).SetName("fetch")
	t.Await(context.Background())
	fmt.Println(t)
	// Output: Task(fetch, done)
}

func ExampleTaskInfo_String() {
	info := rt.TaskInfo{Name: "worker", State: rt.TaskWaiting, Age: 1500 * time.Millisecond}
	fmt.Println(info)
	// Output: worker waiting 1.5s
}
