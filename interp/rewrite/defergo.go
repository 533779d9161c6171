package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// deferGo evaluates the arguments of defer and go statements where Go does,
// at the statement, by copying them into fresh locals first (yaegi v0.16.1
// evaluates them when the call runs):
//
//	defer f(x, y)  →  __gk1_a, __gk2_a := x, y; defer f(__gk1_a, __gk2_a)
//
// With Options.Spawn set, a go statement becomes a tracked spawn:
//
//	go f(x)  →  __gk1_a := x; Spawn(func() { f(__gk1_a) })
func (r *rewriter) deferGo(s ast.Stmt, _ stmtCtx) []ast.Stmt {
	switch s := s.(type) {
	case *ast.DeferStmt:
		pre := r.hoistCallArgs(s.Call)
		if pre == nil {
			return nil
		}
		return append(pre, s)
	case *ast.GoStmt:
		pre := r.hoistCallArgs(s.Call)
		if r.opts.Spawn == "" {
			if pre == nil {
				return nil
			}
			return append(pre, s)
		}
		body := &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: s.Call}}}
		fn := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: body}
		spawn := &ast.ExprStmt{X: &ast.CallExpr{Fun: r.expr(r.opts.Spawn), Args: []ast.Expr{fn}, Lparen: s.Go}}
		return append(pre, spawn)
	}
	return nil
}

// hoistCallArgs copies into fresh locals the arguments of c that are not
// constants or function literals, the function value when it is a variable
// or a computed expression, and the receiver of a method of a cell type
// (copied for a value receiver, its address for a pointer receiver): Go
// evaluates all of them at the statement.
func (r *rewriter) hoistCallArgs(c *ast.CallExpr) []ast.Stmt {
	var lhs []*ast.Ident
	var rhs []ast.Expr
	hoist := func(e ast.Expr, hint string) ast.Expr {
		v := r.names.fresh(hint)
		lhs = append(lhs, v)
		rhs = append(rhs, e)
		return v
	}
	if r.isFuncValue(c.Fun) {
		c.Fun = hoist(c.Fun, "f")
	} else if sel, recv := r.methodReceiver(c.Fun); recv != nil {
		sel.X = hoist(recv, "recv")
	}
	for i, a := range c.Args {
		if r.keepArg(a) {
			continue
		}
		c.Args[i] = hoist(a, "a")
	}
	if lhs == nil {
		return nil
	}
	return []ast.Stmt{define(exprs(lhs...), rhs...)}
}

// keepArg reports whether an argument has the same value whenever it is
// evaluated, so it need not be copied (and must not be: a constant copied
// into a local would lose its untyped-ness).
func (r *rewriter) keepArg(a ast.Expr) bool {
	if r.isConst(a) {
		return true
	}
	switch a := unparen(a).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		// Without types an identifier may be a constant: keep it unless
		// it is known to be a variable.
		_, isVar := r.objectOf(a).(*types.Var)
		return !isVar
	}
	return false
}

// isFuncValue reports whether the function of a call is a value that Go
// evaluates at the defer or go statement and that may change afterwards: a
// variable, a struct field of func type, or a computed expression.
func (r *rewriter) isFuncValue(fun ast.Expr) bool {
	switch f := unparen(fun).(type) {
	case *ast.Ident:
		_, isVar := r.objectOf(f).(*types.Var)
		return isVar
	case *ast.SelectorExpr:
		if r.info == nil {
			return false
		}
		sel, ok := r.info.Selections[f]
		return ok && sel.Kind() == types.FieldVal
	case *ast.IndexExpr, *ast.CallExpr:
		return r.typeIsFunc(fun)
	}
	return false
}

// typeIsFunc reports whether e is known to have a function type (not a
// generic instantiation or a conversion).
func (r *rewriter) typeIsFunc(e ast.Expr) bool {
	if r.info == nil {
		return false
	}
	tv, ok := r.info.Types[e]
	if !ok || !tv.IsValue() {
		return false
	}
	_, isSig := tv.Type.Underlying().(*types.Signature)
	return isSig
}

// methodReceiver returns, for a call of a method declared directly on a
// cell type, the selector and the receiver expression Go evaluates at a
// defer or go statement: x, &x or *x as the method's receiver needs.
func (r *rewriter) methodReceiver(fun ast.Expr) (*ast.SelectorExpr, ast.Expr) {
	sel, ok := unparen(fun).(*ast.SelectorExpr)
	if !ok || r.info == nil {
		return nil, nil
	}
	s, ok := r.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || len(s.Index()) != 1 || !r.isCellType(s.Recv()) {
		return nil, nil
	}
	if types.IsInterface(s.Recv()) {
		return sel, sel.X
	}
	_, xPtr := s.Recv().Underlying().(*types.Pointer)
	_, mPtr := s.Obj().Type().(*types.Signature).Recv().Type().Underlying().(*types.Pointer)
	switch {
	case mPtr && !xPtr:
		return sel, &ast.UnaryExpr{Op: token.AND, X: sel.X}
	case !mPtr && xPtr:
		return sel, &ast.StarExpr{X: sel.X}
	}
	return sel, sel.X
}
