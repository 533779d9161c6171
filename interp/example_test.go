package interp_test

import (
	"context"
	"fmt"

	"github.com/gokernel/gokernel/interp"
)

// A session runs cells one at a time; output arrives as events, the value
// of a final expression as the result.
func Example() {
	s, err := interp.New(interp.Options{Emit: func(e interp.Event) {
		if e.Kind == interp.Stream {
			fmt.Printf("[%s %s] %s", e.CellID, e.Name, e.Text)
		}
	}})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	ctx := context.Background()
	s.Execute(ctx, interp.Cell{ID: "c1", Code: "import \"fmt\"\nfmt.Println(\"hello\")\nx := 6"})
	res, _ := s.Execute(ctx, interp.Cell{ID: "c2", Code: "x * 7"})
	fmt.Println(res.Data["text/plain"])
	_, err = s.Execute(ctx, interp.Cell{ID: "c3", Code: "y := x +"})
	fmt.Println(err)
	// Output:
	// [c1 stdout] hello
	// 42
	// CompileError: cell:1:9: expected operand, found ';'
}
