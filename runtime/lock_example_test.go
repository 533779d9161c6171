package runtime_test

import (
	"context"
	"fmt"
	"sync"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleLock() {
	ctx := context.Background()
	l := rt.NewLock()
	balance := 0
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			l.Acquire(ctx)
			defer l.Release()
			balance += 10 // read-modify-write, safe under the lock
		})
	}
	wg.Wait()
	fmt.Println(balance)
	// Output: 100
}

func ExampleNewLock() {
	l := rt.NewLock()
	fmt.Println(l.Locked())
	// Output: false
}

func ExampleLock_Acquire() {
	l := rt.NewLock()
	l.Acquire(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(l.Acquire(ctx)) // held: gives up when ctx ends
	// Output: context canceled
}

func ExampleLock_TryAcquire() {
	l := rt.NewLock()
	fmt.Println(l.TryAcquire(), l.TryAcquire())
	// Output: true false
}

func ExampleLock_Release() {
	l := rt.NewLock()
	l.Acquire(context.Background())
	l.Release()
	defer func() { fmt.Println("panic:", recover()) }()
	l.Release()
	// Output: panic: runtime: release of unlocked lock
}

func ExampleLock_Locked() {
	l := rt.NewLock()
	l.TryAcquire()
	fmt.Println(l.Locked())
	// Output: true
}

func ExampleErrNotLocked() {
	defer func() { fmt.Println(recover() == rt.ErrNotLocked) }()
	rt.NewLock().Release()
	// Output: true
}
