package rewrite

import (
	"go/ast"
	"reflect"
)

// deferClosures works around a yaegi v0.16.1 deadlock: while a function
// runs its deferred calls it holds its frame's lock, and a closure created
// in that frame takes the same lock when it returns, so
//
//	cleanup := func() { ... }
//	defer cleanup()
//
// hangs forever (as does calling such a closure from a deferred function
// literal). In every function that has a defer statement, each function
// literal that is not called on the spot is created one frame down instead,
// which yaegi does not lock:
//
//	cleanup := func() { ... }  →  cleanup := func() func() { return func() { ... } }()
//
// The wrapper returns the same closure, capturing the same variables.
func (r *rewriter) deferClosures() {
	ast.Inspect(r.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				r.wrapClosuresIn(n.Body)
			}
		case *ast.FuncLit:
			r.wrapClosuresIn(n.Body)
		}
		return true
	})
}

// wrapClosuresIn wraps the function literals created directly in body (not
// inside nested literals) when body has a defer statement of its own.
func (r *rewriter) wrapClosuresIn(body *ast.BlockStmt) {
	if !hasDirectDefer(body) {
		return
	}
	called := map[*ast.FuncLit]bool{}
	inspectOwn(body, func(n ast.Node) {
		if c, ok := n.(*ast.CallExpr); ok {
			if fl, ok := unparen(c.Fun).(*ast.FuncLit); ok {
				called[fl] = true
			}
		}
	})
	replaceOwnExprs(body, func(e ast.Expr) ast.Expr {
		fl, ok := e.(*ast.FuncLit)
		if !ok || called[fl] || r.generated[fl] {
			return e
		}
		wrapper := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: fl.Type}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{fl}}}},
		}
		r.generated[fl] = true
		return &ast.CallExpr{Fun: wrapper}
	})
}

// hasDirectDefer reports whether body has a defer statement outside nested
// function literals.
func hasDirectDefer(body *ast.BlockStmt) bool {
	found := false
	inspectOwn(body, func(n ast.Node) {
		_, d := n.(*ast.DeferStmt)
		found = found || d
	})
	return found
}

// inspectOwn calls fn for every node under root, not entering function
// literals (fn still sees the literal itself).
func inspectOwn(root ast.Node, fn func(ast.Node)) {
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		fn(n)
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
}

// replaceOwnExprs is replaceExprs that does not enter function literals.
func replaceOwnExprs(root ast.Node, fn func(ast.Expr) ast.Expr) {
	walkOwnFields(reflect.ValueOf(root), fn)
}

func walkOwnFields(v reflect.Value, fn func(ast.Expr) ast.Expr) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		if _, lit := v.Interface().(*ast.FuncLit); lit {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for i := range v.NumField() {
		walkOwnSlot(v.Field(i), fn)
	}
}

func walkOwnSlot(f reflect.Value, fn func(ast.Expr) ast.Expr) {
	switch f.Kind() {
	case reflect.Interface:
		if f.IsNil() {
			return
		}
		walkOwnFields(f.Elem(), fn)
		if f.Type() == exprType {
			f.Set(reflect.ValueOf(fn(f.Interface().(ast.Expr))))
		}
	case reflect.Pointer:
		if f.Type() == objectType || f.Type() == scopeType {
			return
		}
		walkOwnFields(f, fn)
	case reflect.Slice:
		for j := range f.Len() {
			walkOwnSlot(f.Index(j), fn)
		}
	}
}
