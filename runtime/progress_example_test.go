package runtime_test

import (
	"context"
	"errors"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleProgress() {
	ex := rt.NewExecutor(1) // one worker: steps come in order
	p := rt.NewProgress(4, func(p *rt.Progress) { fmt.Println(p.Bar(8)) })
	for range 4 {
		p.Track(ex.Submit(context.Background(), func(ctx context.Context) (any, error) { return nil, nil }))
	}
	ex.Shutdown(true, false)
	// Output:
	// [##------] 1/4 25%
	// [####----] 2/4 50%
	// [######--] 3/4 75%
	// [########] 4/4 100%
}

func ExampleNewProgress() {
	p := rt.NewProgress(10, nil)
	fmt.Println(p)
	// Output: [--------------------] 0/10 0%
}

func ExampleProgress_Add() {
	p := rt.NewProgress(10, nil)
	p.Add(3)
	fmt.Println(p.Done(), p.Fraction())
	// Output: 3 0.3
}

func ExampleProgress_Track() {
	p := rt.NewProgress(2, nil)
	ok, bad := rt.NewFuture(), rt.NewFuture()
	p.Track(ok)
	p.Track(bad)
	ok.SetResult(1)
	bad.SetError(errors.New("boom"))
	fmt.Println(p.Done(), p.Failed())
	// Output: 2 1
}

func ExampleProgress_AddTotal() {
	p := rt.NewProgress(1, nil)
	p.AddTotal(3)
	fmt.Println(p.Total())
	// Output: 4
}

func ExampleProgress_Done() {
	p := rt.NewProgress(5, nil)
	p.Add(2)
	fmt.Println(p.Done())
	// Output: 2
}

func ExampleProgress_Failed() {
	p := rt.NewProgress(1, nil)
	f := rt.NewFuture()
	p.Track(f)
	f.Cancel()
	fmt.Println(p.Failed())
	// Output: 1
}

func ExampleProgress_Total() {
	fmt.Println(rt.NewProgress(7, nil).Total())
	// Output: 7
}

func ExampleProgress_Fraction() {
	p := rt.NewProgress(4, nil)
	p.Add(1)
	fmt.Println(p.Fraction(), rt.NewProgress(0, nil).Fraction())
	// Output: 0.25 1
}

func ExampleProgress_Bar() {
	p := rt.NewProgress(2, nil)
	p.Add(1)
	fmt.Println(p.Bar(10))
	// Output: [#####-----] 1/2 50%
}

func ExampleProgress_String() {
	p := rt.NewProgress(4, nil)
	p.Add(4)
	fmt.Println(p.String())
	// Output: [####################] 4/4 100%
}
