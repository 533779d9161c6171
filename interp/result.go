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
	// uncheckedCall: the cell was not checked and ends with a call, which
	// may return nothing; yaegi then returns a func value (see result).
	uncheckedCall bool
}

// prepareFinal decides whether the cell's final expression yields exactly
// one value. Without type information (an import the checker could not
// load) it guesses from the interpreter's value: see result.
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
	_, call := ast.Unparen(pc.final.X).(*ast.CallExpr)
	return finalValue{show: true, uncheckedCall: call}
}

// result renders the final value as an execute_result bundle: the value the
// rewritten final statement handed to the host (see final.go), or the
// interpreter's return value when the cell was not checked.
func (s *Session) result(f finalValue, v reflect.Value) *Result {
	if !f.show {
		return nil
	}
	s.stateMu.Lock()
	hr := s.final
	s.stateMu.Unlock()
	var val any
	switch {
	case hr != nil:
		val = hr.v
	case f.uncheckedCall && (!v.IsValid() || v.Kind() == reflect.Func):
		return nil // most likely a call that returns nothing
	case v.IsValid() && v.CanInterface():
		val = v.Interface()
	}
	data := display.Bundle(val)
	if f.typ != nil && isCellValue(f.typ) {
		data["text/plain"] = formatCell(reflect.ValueOf(val), f.typ, true)
	}
	if hr != nil {
		if m, ok := hr.rich[mimeKey].(map[string]any); ok {
			for k, d := range m {
				data[k] = d
			}
		}
		for k, d := range hr.rich {
			if k != mimeKey {
				data[k] = d
			}
		}
	}
	return &Result{Data: data, Metadata: map[string]any{}}
}

// mimeKey carries the result of a cell type's MIME() method.
const mimeKey = "application/x-gokernel-mime"

// setResult is the final-value hook rewritten cells call (see final.go).
func (s *Session) setResult(v any, rich map[string]any) {
	s.stateMu.Lock()
	s.final = &hostResult{v: v, rich: rich}
	s.stateMu.Unlock()
}

// hostResult is a final value handed over by the hook, with the rich forms
// its methods gave.
type hostResult struct {
	v    any
	rich map[string]any
}
