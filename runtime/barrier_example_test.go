package runtime_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleBarrier() {
	ctx := context.Background()
	b := rt.NewBarrier(3)
	var arrived atomic.Int64
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			arrived.Add(1)
			b.Wait(ctx) // nobody passes before all three arrived
			if arrived.Load() != 3 {
				fmt.Println("passed too early")
			}
		})
	}
	wg.Wait()
	fmt.Println("all", arrived.Load(), "passed")
	// Output: all 3 passed
}

func ExampleNewBarrier() {
	b := rt.NewBarrier(4)
	fmt.Println(b.Parties(), b.Waiting(), b.Broken())
	// Output: 4 0 false
}

func ExampleBarrier_Wait() {
	b := rt.NewBarrier(1)
	idx, err := b.Wait(context.Background())
	fmt.Println(idx, err)
	// Output: 0 <nil>
}

func ExampleBarrier_Abort() {
	b := rt.NewBarrier(2)
	b.Abort()
	_, err := b.Wait(context.Background())
	fmt.Println(err, b.Broken())
	// Output: runtime: barrier broken true
}

func ExampleBarrier_Reset() {
	b := rt.NewBarrier(1)
	b.Abort()
	b.Reset()
	_, err := b.Wait(context.Background())
	fmt.Println(err)
	// Output: <nil>
}

func ExampleBarrier_Parties() {
	fmt.Println(rt.NewBarrier(5).Parties())
	// Output: 5
}

func ExampleBarrier_Waiting() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := rt.NewBarrier(2)
	b.Wait(ctx) // gives up and leaves
	fmt.Println(b.Waiting())
	// Output: 0
}

func ExampleBarrier_Broken() {
	b := rt.NewBarrier(2)
	fmt.Println(b.Broken())
	// Output: false
}

func ExampleErrBrokenBarrier() {
	b := rt.NewBarrier(3)
	b.Abort()
	_, err := b.Wait(context.Background())
	fmt.Println(err == rt.ErrBrokenBarrier)
	// Output: true
}
