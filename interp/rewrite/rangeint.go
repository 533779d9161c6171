package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rangeInt turns range over an integer (Go 1.22; yaegi v0.16.1 panics with
// "nil type") into a three-clause loop on a fresh counter, with the range
// variable declared per iteration:
//
//	for i := range n { body }
//	→
//	__gk1_n := n
//	for __gk2_i := __gk1_n - __gk1_n; __gk2_i < __gk1_n; __gk2_i++ { i := __gk2_i; body }
//
// The counter has n's type (int for an untyped constant), and changing i in
// the body does not change the iteration count, as in Go. Without type
// information only an integer literal is recognised.
func (r *rewriter) rangeInt(s ast.Stmt, _ stmtCtx) []ast.Stmt {
	rs, ok := s.(*ast.RangeStmt)
	if !ok || rs.Value != nil || !r.isInteger(rs.X) {
		return nil
	}
	n, i := r.names.fresh("n"), r.names.fresh("i")
	loop := &ast.ForStmt{
		For:  rs.For,
		Init: define(exprs(i), &ast.BinaryExpr{X: n, Op: token.SUB, Y: n}),
		Cond: &ast.BinaryExpr{X: i, Op: token.LSS, Y: n},
		Post: &ast.IncDecStmt{X: i, Tok: token.INC},
		Body: rs.Body,
	}
	r.generated[loop] = true
	if key, ok := rs.Key.(*ast.Ident); !ok || key.Name != "_" {
		if rs.Key != nil {
			set := &ast.AssignStmt{Lhs: []ast.Expr{rs.Key}, Tok: rs.Tok, Rhs: []ast.Expr{i}}
			loop.Body = &ast.BlockStmt{Lbrace: rs.Body.Lbrace, List: []ast.Stmt{set, rs.Body}, Rbrace: rs.Body.Rbrace}
		}
	}
	return []ast.Stmt{define(exprs(n), r.rangeCount(rs)), loop}
}

// rangeCount is the loop bound: n itself, or for `for k = range n` with an
// untyped constant n, n converted to k's type.
func (r *rewriter) rangeCount(rs *ast.RangeStmt) ast.Expr {
	if rs.Tok != token.ASSIGN || !r.isConst(rs.X) {
		return rs.X
	}
	if t := r.typeOf(rs.Key); t != nil {
		return call(parseType(r.typeString(t)), rs.X)
	}
	return rs.X
}

// isInteger reports whether e has an integer type.
func (r *rewriter) isInteger(e ast.Expr) bool {
	if t := r.typeOf(e); t != nil {
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Info()&types.IsInteger != 0
	}
	lit, ok := unparen(e).(*ast.BasicLit)
	return ok && lit.Kind == token.INT
}
