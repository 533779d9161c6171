package runtime_test

import (
	"context"
	"errors"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleQueue() {
	ctx := context.Background()
	q := rt.NewQueue(2)
	done := make(chan struct{})
	go func() { // consumer
		defer close(done)
		for {
			v, err := q.Get(ctx)
			if err != nil {
				fmt.Println("consumer:", err)
				return
			}
			fmt.Println("got", v)
			q.TaskDone()
		}
	}()
	for i := range 3 {
		q.Put(ctx, i) // waits while 2 items are queued
	}
	q.Join(ctx) // every item processed
	q.Shutdown(false)
	<-done
	// Output:
	// got 0
	// got 1
	// got 2
	// consumer: runtime: queue shut down
}

func ExampleNewQueue() {
	q := rt.NewQueue(0) // unbounded
	q.PutNowait("a")
	q.PutNowait("b")
	v, _ := q.GetNowait()
	fmt.Println(v, q.Len(), q.MaxSize())
	// Output: a 1 0
}

func ExampleNewLifoQueue() {
	q := rt.NewLifoQueue(0)
	for _, v := range []string{"a", "b", "c"} {
		q.PutNowait(v)
	}
	for !q.Empty() {
		v, _ := q.GetNowait()
		fmt.Print(v)
	}
	fmt.Println()
	// Output: cba
}

func ExampleNewPriorityQueue() {
	q := rt.NewPriorityQueue(0, nil)
	q.PutNowait(rt.PriorityItem{Priority: 2, Value: "write report"})
	q.PutNowait(rt.PriorityItem{Priority: 1, Value: "fix bug"})
	q.PutNowait(rt.PriorityItem{Priority: 3, Value: "lunch"})
	for !q.Empty() {
		v, _ := q.GetNowait()
		fmt.Println(v.(rt.PriorityItem).Value)
	}
	// Output:
	// fix bug
	// write report
	// lunch
}

func ExampleNewQueueWith() {
	q := rt.NewQueueWith(rt.QueueOptions{MaxSize: 2, Overflow: rt.OverflowDropOldest})
	for i := range 5 {
		q.PutNowait(i) // never waits: old readings make room for new ones
	}
	a, _ := q.GetNowait()
	b, _ := q.GetNowait()
	fmt.Println(a, b, "dropped:", q.Dropped())
	// Output: 3 4 dropped: 3
}

func ExampleQueueOptions() {
	q := rt.NewQueueWith(rt.QueueOptions{MaxSize: 1, Overflow: rt.OverflowFail})
	fmt.Println(q.Put(context.Background(), 1))
	fmt.Println(q.Put(context.Background(), 2))
	// Output:
	// <nil>
	// runtime: queue full
}

func ExampleQueueKind() {
	for _, kind := range []rt.QueueKind{rt.QueueFIFO, rt.QueueLIFO, rt.QueuePriority} {
		q := rt.NewQueueWith(rt.QueueOptions{Kind: kind})
		for _, v := range []int{2, 3, 1} {
			q.PutNowait(v)
		}
		first, _ := q.GetNowait()
		fmt.Print(first, " ")
	}
	fmt.Println()
	// Output: 2 1 1
}

func ExampleOverflow() {
	for _, mode := range []rt.Overflow{rt.OverflowDropNewest, rt.OverflowDropOldest, rt.OverflowFail} {
		q := rt.NewQueueWith(rt.QueueOptions{MaxSize: 1, Overflow: mode})
		q.PutNowait("old")
		err := q.PutNowait("new")
		v, _ := q.GetNowait()
		fmt.Println(v, err)
	}
	// Output:
	// old <nil>
	// new <nil>
	// old runtime: queue full
}

func ExampleQueue_Put() {
	q := rt.NewQueue(1)
	q.PutNowait("first")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()                                    // give up at once
	fmt.Println(q.Put(ctx, "second"), q.Full()) // the queue is full: Put would wait
	// Output: context canceled true
}

func ExampleQueue_PutNowait() {
	q := rt.NewQueue(1)
	fmt.Println(q.PutNowait(1), q.PutNowait(2))
	// Output: <nil> runtime: queue full
}

func ExampleQueue_Get() {
	ctx := context.Background()
	q := rt.NewQueue(0)
	go q.Put(ctx, "hello") // Get waits until it arrives
	v, err := q.Get(ctx)
	fmt.Println(v, err)
	// Output: hello <nil>
}

func ExampleQueue_GetNowait() {
	q := rt.NewQueue(0)
	_, err := q.GetNowait()
	fmt.Println(err)
	// Output: runtime: queue empty
}

func ExampleQueue_TaskDone() {
	q := rt.NewQueue(0)
	q.PutNowait("job")
	q.GetNowait()
	fmt.Println(q.TaskDone())
	fmt.Println(q.TaskDone())
	// Output:
	// <nil>
	// runtime: queue TaskDone called too many times
}

func ExampleQueue_Join() {
	ctx := context.Background()
	q := rt.NewQueue(0)
	q.PutNowait("job")
	go func() {
		q.Get(ctx)
		q.TaskDone()
	}()
	fmt.Println(q.Join(ctx)) // returns after TaskDone
	// Output: <nil>
}

func ExampleQueue_Shutdown() {
	q := rt.NewQueue(0)
	q.PutNowait(1)
	q.PutNowait(2)
	q.Shutdown(true) // discard what is queued
	_, err := q.Get(context.Background())
	fmt.Println(err, q.Len())
	// Output: runtime: queue shut down 0
}

func ExampleQueue_Len() {
	q := rt.NewQueue(3)
	q.PutNowait("x")
	fmt.Println(q.Len(), q.Empty(), q.Full(), q.MaxSize())
	// Output: 1 false false 3
}

func ExampleQueue_Dropped() {
	q := rt.NewQueueWith(rt.QueueOptions{MaxSize: 1, Overflow: rt.OverflowDropNewest})
	for i := range 4 {
		q.PutNowait(i)
	}
	fmt.Println(q.Dropped())
	// Output: 3
}

func ExamplePriorityItem() {
	a := rt.PriorityItem{Priority: 1, Value: "urgent"}
	b := rt.PriorityItem{Priority: 5, Value: "later"}
	fmt.Println(rt.DefaultLess(a, b))
	// Output: true
}

func ExampleDefaultLess() {
	fmt.Println(rt.DefaultLess(1, 2), rt.DefaultLess("b", "a"), rt.DefaultLess(2.5, 1.0))
	// Output: true false false
}

func ExampleQueue_Empty() {
	q := rt.NewQueue(0)
	fmt.Println(q.Empty())
	// Output: true
}

func ExampleQueue_Full() {
	q := rt.NewQueue(1)
	q.PutNowait(1)
	fmt.Println(q.Full(), rt.NewQueue(0).Full()) // unbounded is never full
	// Output: true false
}

func ExampleQueue_MaxSize() {
	fmt.Println(rt.NewQueue(8).MaxSize())
	// Output: 8
}

func ExampleErrQueueFull() {
	q := rt.NewQueue(1)
	q.PutNowait(1)
	fmt.Println(errors.Is(q.PutNowait(2), rt.ErrQueueFull))
	// Output: true
}

func ExampleErrQueueEmpty() {
	_, err := rt.NewQueue(0).GetNowait()
	fmt.Println(errors.Is(err, rt.ErrQueueEmpty))
	// Output: true
}

func ExampleErrQueueShutDown() {
	q := rt.NewQueue(0)
	q.Shutdown(false)
	fmt.Println(errors.Is(q.PutNowait(1), rt.ErrQueueShutDown))
	// Output: true
}

func ExampleErrTaskDoneTooOften() {
	fmt.Println(errors.Is(rt.NewQueue(0).TaskDone(), rt.ErrTaskDoneTooOften))
	// Output: true
}
