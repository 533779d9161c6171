package runtime_test

import (
	"context"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleEvent() {
	ctx := context.Background()
	ready := rt.NewEvent()
	done := make(chan struct{})
	go func() {
		defer close(done)
		ready.Wait(ctx) // waits for Set
		fmt.Println("worker: go")
	}()
	fmt.Println("main: setting up")
	ready.Set()
	<-done
	// Output:
	// main: setting up
	// worker: go
}

func ExampleNewEvent() {
	fmt.Println(rt.NewEvent().IsSet())
	// Output: false
}

func ExampleEvent_Set() {
	e := rt.NewEvent()
	e.Set()
	fmt.Println(e.IsSet(), e.Wait(context.Background()))
	// Output: true <nil>
}

func ExampleEvent_Clear() {
	e := rt.NewEvent()
	e.Set()
	e.Clear()
	fmt.Println(e.IsSet())
	// Output: false
}

func ExampleEvent_IsSet() {
	e := rt.NewEvent()
	before := e.IsSet()
	e.Set()
	fmt.Println(before, e.IsSet())
	// Output: false true
}

func ExampleEvent_Wait() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(rt.NewEvent().Wait(ctx))
	// Output: context canceled
}

func ExampleEvent_Done() {
	e := rt.NewEvent()
	go e.Set()
	<-e.Done()
	fmt.Println("set")
	// Output: set
}
