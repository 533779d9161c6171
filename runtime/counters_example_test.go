package runtime_test

import (
	"context"
	"fmt"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleStats() {
	ex := rt.NewExecutor(2)
	ex.Submit(context.Background(), func(ctx context.Context) (any, error) { return 1, nil })
	ex.Shutdown(true, false)
	fmt.Println(ex.Stats())
	// Output: submitted=1 pending=0 running=0 done=1 failed=0 cancelled=0
}

func ExampleStats_Finished() {
	s := rt.Stats{Done: 3, Failed: 1, Cancelled: 2}
	fmt.Println(s.Finished())
	// Output: 6
}

func ExampleStats_String() {
	fmt.Println(rt.Stats{Submitted: 4, Running: 1, Done: 3})
	// Output: submitted=4 pending=0 running=1 done=3 failed=0 cancelled=0
}
