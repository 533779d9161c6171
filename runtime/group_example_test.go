package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	rt "github.com/gokernel/gokernel/runtime"
)

// A group is asyncio.TaskGroup: the first failure cancels the rest, and
// Wait returns only when every member has ended.
func ExampleGroup() {
	rt.Run(context.Background(), func(ctx context.Context) (any, error) {
		g := rt.NewGroup(ctx)
		g.Go(func(ctx context.Context) (any, error) {
			err := rt.Sleep(ctx, time.Hour)
			fmt.Println("sibling:", err)
			return nil, err
		})
		g.Go(func(ctx context.Context) (any, error) { return nil, errors.New("boom") })
		fmt.Println("Wait:", g.Wait())
		return nil, nil
	})
	// Output:
	// sibling: context canceled
	// Wait: boom
}

func ExampleNewGroup() {
	g := rt.NewGroup(context.Background())
	t := g.Go(func(ctx context.Context) (any, error) { return 1, nil })
	fmt.Println(g.Wait(), t.IsDone())
	// Output: <nil> true
}

func ExampleGroup_Go() {
	g := rt.NewGroup(context.Background())
	g.Go(func(ctx context.Context) (any, error) { panic("bug") })
	var pe *rt.PanicError
	fmt.Println(errors.As(g.Wait(), &pe), pe.Value)
	// Output: true bug
}

func ExampleGroup_Wait() {
	g := rt.NewGroup(context.Background())
	g.Go(func(ctx context.Context) (any, error) { return nil, errors.New("one") })
	err := g.Wait()
	fmt.Println(err)
	// Output: one
}

func ExampleGroup_Context() {
	g := rt.NewGroup(context.Background())
	g.Go(func(ctx context.Context) (any, error) { return nil, errors.New("fail") })
	g.Wait()
	fmt.Println(context.Cause(g.Context()))
	// Output: fail
}
