package index_test

import (
	"fmt"
	"strings"

	"github.com/gokernel/gokernel/interp/index"
)

// The front records each cell that ran, then answers requests from it.
func Example() {
	x := index.New()
	defer x.Close()
	x.Record(`import "strings"`)
	x.Record(`var b strings.Builder`)

	c := x.Complete("b.WriteS", 8) // cursor in code points
	fmt.Println(c.Matches, c.CursorStart, c.CursorEnd)

	_, doc := x.Inspect("b", 1, 0) // signature, blank line, doc of strings.Builder
	lines := strings.Split(doc["text/plain"].(string), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[2])

	status, indent := index.IsComplete("for i := 0; i < 3; i++ {")
	fmt.Printf("%s %q\n", status, indent)
	// Output:
	// [WriteString] 2 8
	// var b strings.Builder
	// A Builder is used to efficiently build a string using [Builder.Write] methods.
	// incomplete "\t"
}
