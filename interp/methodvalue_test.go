package interp

import (
	"fmt"
	"testing"
)

// TestMethodValueHostArgs passes method values of a cell type to a host
// function, once per cell over several cells. The rewrite turns them into
// function literals whose types name imported packages; the names must be
// the cell's, never the session prelude's (which the interpreter cannot
// see): taken from a map in any order, they failed some of the cells
// ("interp: compile: runtime error: invalid memory address or nil pointer
// dereference").
func TestMethodValueHostArgs(t *testing.T) {
	s, _ := newTestSession(t)
	run(t, s, "decl", `import (
	"context"
	rt "github.com/gokernel/gokernel/runtime"
)
type Conn struct{ version string }
func (c *Conn) ServerVersion(ctx context.Context) (any, error) { return c.version, nil }
ctx := context.Background()`)
	for i := range 8 {
		code := fmt.Sprintf("c%d := &Conn{version: \"v%d\"}\nvs, err := rt.GatherFuncs(ctx, c%d.ServerVersion, c%d.ServerVersion)\nfmt.Sprint(vs, err)", i, i, i, i)
		if i == 0 {
			code = "import \"fmt\"\n" + code
		}
		res := run(t, s, fmt.Sprint("c", i), code)
		if got, want := plainText(res), fmt.Sprintf("[v%d v%d] <nil>", i, i); got != want {
			t.Errorf("cell %d: %s, want %s", i, got, want)
		}
	}
}
