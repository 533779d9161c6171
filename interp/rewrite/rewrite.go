package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// ImportPath is the import path under which Symbols exports the host
// helpers (Select, Recv, Send, Proxy, Clear, ...) to the interpreter.
const ImportPath = "github.com/gokernel/gokernel/interp/rewrite"

// DefaultHelpers is the package name under which rewritten cells refer to
// the host helpers when Options.Helpers is empty.
const DefaultHelpers = "__gkrw"

// DefaultPrefix starts every fresh name when Options.NamePrefix is empty.
const DefaultPrefix = "__gk"

// Prelude is the source the pipeline evaluates once per interpreter, after
// i.Use(rewrite.Symbols), so that rewritten cells can call the host helpers
// as __gkrw.Select and the prelude functions as __gkrw_errorsAs and so on.
// It matches DefaultHelpers; see PreludeFor for other names.
const Prelude = preludeSource

// Options configures Cell. The zero value rewrites every yaegi bug it can,
// refers to the host helpers as DefaultHelpers, leaves go statements as go
// statements (with their arguments evaluated at the go statement), and makes
// rewritten select statements uninterruptible.
type Options struct {
	// Spawn is an expression naming a host function the interpreter
	// provides, called as Spawn(func()) for every go statement (tracked
	// spawn: records the cell id, recovers panics). Empty = keep go
	// statements, only copying their arguments first.
	Spawn string

	// Helpers is the package name under which the interpreter has imported
	// ImportPath (see Prelude). Empty = DefaultHelpers.
	Helpers string

	// Done is an expression of type <-chan struct{} that the pipeline closes
	// when it interrupts the interpreter, for example "__gk.Done()". Every
	// rewritten select statement waits on it too, so an interrupt wakes a
	// goroutine blocked in a select (yaegi's own select does that with its
	// private done channel). Close it after EvalWithContext has returned for
	// the cancelled context (yaegi has then marked its goroutines stopped, so
	// a woken goroutine runs no further statement), and let the expression
	// return a fresh channel afterwards. Empty = a rewritten select cannot be
	// interrupted while it blocks.
	Done string

	// NamePrefix starts every fresh name the rewrite introduces. Empty =
	// DefaultPrefix. Fresh names never collide with names in the cell; a
	// pipeline that hoists cell statements to the interpreter's top level
	// should pass a prefix unique per cell (e.g. "__gk12_"), so fresh
	// top-level variables of different cells cannot collide either.
	NamePrefix string
}

// Cell rewrites one parsed cell in place, so that yaegi v0.16.1 gives it Go's
// semantics (see the package documentation for the list). info may be nil or
// partially filled (from go/types over the session); rewrites that need types
// (range over func, min and max, generic stdlib calls, errors.As) use it when
// present and leave the code alone when it is missing. Cell does not wait
// for anything and keeps no state between calls.
//
// On error the file may be partly rewritten; the caller should report the
// error and not evaluate the file. Cell does not panic: a bug in a rewrite
// (a panic on syntax it did not expect) is returned as an error, because it
// runs inside the kernel's worker, which must outlive any one cell.
func Cell(fset *token.FileSet, file *ast.File, info *types.Info, opts Options) (err error) {
	if file == nil {
		return fmt.Errorf("rewrite: nil file")
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rewrite: internal error: %v", p)
		}
	}()
	r, err := newRewriter(fset, file, info, opts)
	if err != nil {
		return err
	}
	return r.run()
}
