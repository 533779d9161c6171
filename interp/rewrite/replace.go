package rewrite

import (
	"go/ast"
	"go/token"
	"reflect"
)

var (
	posType    = reflect.TypeFor[token.Pos]()
	exprType   = reflect.TypeFor[ast.Expr]()
	objectType = reflect.TypeFor[*ast.Object]()
	scopeType  = reflect.TypeFor[*ast.Scope]()
)

// replaceExprs calls fn on every expression under root, children first, and
// puts what fn returns in the expression's place.
func replaceExprs(root ast.Node, fn func(ast.Expr) ast.Expr) {
	walkFields(reflect.ValueOf(root), fn)
}

func walkFields(v reflect.Value, fn func(ast.Expr) ast.Expr) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for i := range v.NumField() {
		walkSlot(v.Field(i), fn)
	}
}

// walkSlot walks one field or slice element and replaces it when it is of
// type ast.Expr.
func walkSlot(f reflect.Value, fn func(ast.Expr) ast.Expr) {
	switch f.Kind() {
	case reflect.Interface:
		if f.IsNil() {
			return
		}
		walkFields(f.Elem(), fn)
		if f.Type() == exprType {
			f.Set(reflect.ValueOf(fn(f.Interface().(ast.Expr))))
		}
	case reflect.Pointer:
		if f.Type() == objectType || f.Type() == scopeType {
			return
		}
		walkFields(f, fn)
	case reflect.Slice:
		for j := range f.Len() {
			walkSlot(f.Index(j), fn)
		}
	}
}

// clearPos sets every position under root to token.NoPos, so that syntax
// parsed from a template prints laid out by the printer, not by offsets in
// the template text.
func clearPos(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if n.Ellipsis.IsValid() {
				defer func() { n.Ellipsis = 1 }() // a valid position means "..."
			}
		case *ast.GenDecl:
			if n.Lparen.IsValid() {
				defer func() { n.Lparen, n.Rparen = 1, 1 }() // means "(...)"
			}
		}
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return true
		}
		v = v.Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.Type() == posType && f.CanSet() {
				f.SetInt(0)
			}
		}
		return true
	})
}
