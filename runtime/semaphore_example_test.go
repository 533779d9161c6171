package runtime_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleSemaphore() {
	ctx := context.Background()
	sem := rt.NewSemaphore(2) // at most 2 downloads at once
	var now, most atomic.Int64
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			sem.Acquire(ctx)
			defer sem.Release()
			n := now.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			now.Add(-1)
		})
	}
	wg.Wait()
	fmt.Println(most.Load() <= 2)
	// Output: true
}

func ExampleNewSemaphore() {
	sem := rt.NewSemaphore(3)
	fmt.Println(sem.Available())
	// Output: 3
}

func ExampleSemaphore_Acquire() {
	sem := rt.NewSemaphore(1)
	fmt.Println(sem.Acquire(context.Background()), sem.Available())
	// Output: <nil> 0
}

func ExampleSemaphore_TryAcquire() {
	sem := rt.NewSemaphore(1)
	fmt.Println(sem.TryAcquire(), sem.TryAcquire())
	// Output: true false
}

func ExampleSemaphore_Release() {
	sem := rt.NewSemaphore(1)
	sem.TryAcquire()
	sem.Release()
	fmt.Println(sem.Available())
	// Output: 1
}

func ExampleSemaphore_Available() {
	sem := rt.NewSemaphore(2)
	sem.TryAcquire()
	fmt.Println(sem.Available(), sem.Locked())
	// Output: 1 false
}

func ExampleSemaphore_Locked() {
	sem := rt.NewSemaphore(1)
	sem.TryAcquire()
	fmt.Println(sem.Locked())
	// Output: true
}
