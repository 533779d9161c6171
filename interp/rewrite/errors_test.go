package rewrite

import "testing"

func TestErrors(t *testing.T) {
	runCases(t, []programCase{
		{name: "AsPointerType", src: `package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Code int }

func (e *NotFound) Error() string { return fmt.Sprint("not found ", e.Code) }

func load() error { return fmt.Errorf("load: %w", &NotFound{404}) }

func main() {
	var nf *NotFound
	if errors.As(load(), &nf) {
		fmt.Println("as", nf.Code)
	}
	fmt.Println(errors.As(errors.New("plain"), &nf))
}
`},
		{name: "CellUnwrap", src: `package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

type Wrapped struct {
	Op  string
	Err error
}

func (w *Wrapped) Error() string { return w.Op + ": " + w.Err.Error() }
func (w *Wrapped) Unwrap() error { return w.Err }

type Multi struct{ errs []error }

func (m *Multi) Error() string   { return "multi" }
func (m *Multi) Unwrap() []error { return m.errs }

func main() {
	var err error = &Wrapped{"read", ErrBase}
	fmt.Println(errors.Is(err, ErrBase), errors.Unwrap(err) == ErrBase)
	var m error = &Multi{[]error{errors.New("x"), &Wrapped{"w", ErrBase}}}
	var w *Wrapped
	fmt.Println(errors.Is(m, ErrBase), errors.As(m, &w), w.Op)
}
`},
	})
}
