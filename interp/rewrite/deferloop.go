package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// deferredLiteralArgs passes loop variables to deferred function literals
// as arguments. yaegi v0.16.1 creates the closure of `defer func() {...}()`
// only when the deferred call runs, so in a loop every deferred literal sees
// the variables of the last iteration; arguments are bound at the defer
// statement. For each deferred literal in the loop body, every variable it
// uses that is declared by the loop (header or body) and never assigned
// after its declaration becomes a parameter of the same name:
//
//	for i := range 3 { defer func() { use(i) }() }
//	→
//	for i := range 3 { defer func(i int) { use(i) }(i) }
//
// A variable that is assigned somewhere keeps its by-reference meaning and
// is left alone. It needs type information.
func (r *rewriter) deferredLiteralArgs(loop ast.Stmt, body *ast.BlockStmt) {
	if r.info == nil {
		return
	}
	inspectOwn(body, func(n ast.Node) {
		d, ok := n.(*ast.DeferStmt)
		if !ok {
			return
		}
		if fl, ok := unparen(d.Call.Fun).(*ast.FuncLit); ok {
			r.bindLoopVars(loop, body, d.Call, fl)
		}
	})
}

// bindLoopVars adds to fl (called by c) a parameter and argument for each
// variable declared in loop that fl reads and nobody assigns.
func (r *rewriter) bindLoopVars(loop ast.Stmt, body *ast.BlockStmt, c *ast.CallExpr, fl *ast.FuncLit) {
	seen := map[types.Object]bool{}
	ast.Inspect(fl.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := r.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || seen[v] || !within(v.Pos(), loop) || within(v.Pos(), fl) {
			return true
		}
		seen[v] = true
		if assignsObj(r.info, body, v) {
			return true
		}
		fl.Type.Params.List = append(fl.Type.Params.List, &ast.Field{
			Names: []*ast.Ident{ast.NewIdent(v.Name())},
			Type:  r.typeExpr(v.Type()),
		})
		c.Args = append(c.Args, ast.NewIdent(v.Name()))
		return true
	})
}

func within(p token.Pos, n ast.Node) bool {
	return p.IsValid() && n.Pos() <= p && p < n.End()
}

// assignsObj reports whether code under n may change v after its
// declaration: assignment, increment, range assignment or address-of.
func assignsObj(info *types.Info, n ast.Node, v types.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = found || is(x.X)
		case *ast.RangeStmt:
			found = found || x.Tok == token.ASSIGN && (x.Key != nil && is(x.Key) || x.Value != nil && is(x.Value))
		case *ast.UnaryExpr:
			found = found || x.Op == token.AND && is(rootOf(x.X))
		}
		return !found
	})
	return found
}
