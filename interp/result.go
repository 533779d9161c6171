package interp

import (
	"go/ast"
	"go/types"
	"reflect"

	"github.com/gokernel/gokernel/interp/display"
)

// finalValue describes the cell's final expression.
type finalValue struct {
	show bool       // the final expression has exactly one value
	typ  types.Type // its type, when checked
}

// prepareFinal decides whether the cell's final expression yields exactly
// one value. Without type information, a call is assumed to yield none (the
// interpreter's return value cannot tell).
func (s *Session) prepareFinal(pc *parsedCell, ck *checked) finalValue {
	if pc.final == nil {
		return finalValue{}
	}
	if info := ck.typesInfo(); info != nil && !ck.skipped {
		tv, ok := info.Types[pc.final.X]
		if !ok || tv.IsVoid() || tv.IsType() {
			return finalValue{}
		}
		if _, tuple := tv.Type.(*types.Tuple); tuple {
			return finalValue{}
		}
		return finalValue{show: true, typ: tv.Type}
	}
	if _, call := ast.Unparen(pc.final.X).(*ast.CallExpr); call {
		return finalValue{}
	}
	return finalValue{show: true}
}

// result renders the final value as an execute_result bundle.
func (s *Session) result(f finalValue, v reflect.Value) *Result {
	if !f.show {
		return nil
	}
	var val any
	if v.IsValid() && v.CanInterface() {
		val = v.Interface()
	}
	return &Result{Data: display.Bundle(val), Metadata: map[string]any{}}
}

// setResult is the final-value hook rewritten cells call (reserved).
func (s *Session) setResult(v any) {}

// hostResult is a final value handed over by the hook.
type hostResult struct{ v any }
