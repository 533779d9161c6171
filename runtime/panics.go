package runtime

import (
	"context"
	"fmt"
	goruntime "runtime"
	"strconv"
)

// PanicError is the error a task, a group member or a protected call fails
// with when its function panics. The runtime never lets a panic escape a
// goroutine it owns: an unrecovered panic would kill the whole process (the
// kernel's worker), so it becomes this error, carrying the stack of the
// goroutine where it happened.
type PanicError struct {
	Value any    // the value passed to panic
	Stack string // the panicking goroutine's stack, as runtime/debug.Stack prints it
}

// Error returns "runtime: panic: " and the panic value; the stack is in Stack.
func (e *PanicError) Error() string { return fmt.Sprintf("runtime: panic: %v", e.Value) }

// Unwrap returns the panic value if it is an error, so errors.Is and
// errors.As see through the panic.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// CatchPanic calls fn(ctx) on the caller's goroutine and returns its
// results; if fn panics, it returns a *PanicError instead.
func CatchPanic(ctx context.Context, fn TaskFunc) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, newPanicError(r)
		}
	}()
	return fn(ctx)
}

// newPanicError captures the current goroutine's stack; call it from the
// deferred function that recovered r.
func newPanicError(r any) *PanicError {
	buf := make([]byte, 16<<10)
	buf = buf[:goruntime.Stack(buf, false)]
	return &PanicError{Value: r, Stack: string(buf)}
}

func itoa(n int) string { return strconv.Itoa(n) }
