package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rangeChanElems rewrites a range over a slice, array or map of channels
// whose value variable is used: yaegi v0.16.1 takes a loop like
// `for _, c := range cs` for a range over a channel and panics ("reflect:
// call of reflect.Value.Len on int Value"), which breaks the classic fan-in
// merge. The loop ranges over the keys and reads each value by index:
//
//	for i, c := range cs { body }
//	→
//	__gk1_x := cs
//	for __gk2_k := range __gk1_x { i, c := __gk2_k, __gk1_x[__gk2_k]; { body } }
//
// It needs the type of the range expression.
func (r *rewriter) rangeChanElems(s ast.Stmt, _ stmtCtx) []ast.Stmt {
	rs, ok := s.(*ast.RangeStmt)
	if !ok || rs.Value == nil || isBlank(rs.Value) || !r.hasChanElems(rs.X) {
		return nil
	}
	x, k := r.names.fresh("x"), r.names.fresh("k")
	var lhs, rhs []ast.Expr
	if rs.Key != nil && !isBlank(rs.Key) {
		lhs, rhs = append(lhs, rs.Key), append(rhs, k)
	}
	lhs = append(lhs, rs.Value)
	rhs = append(rhs, &ast.IndexExpr{X: x, Index: k})
	set := &ast.AssignStmt{Lhs: lhs, Tok: rs.Tok, Rhs: rhs}
	loop := &ast.RangeStmt{
		For: rs.For, Key: k, Tok: token.DEFINE, X: x,
		Body: &ast.BlockStmt{Lbrace: rs.Body.Lbrace, List: []ast.Stmt{set, rs.Body}, Rbrace: rs.Body.Rbrace},
	}
	r.generated[loop] = true
	return []ast.Stmt{define(exprs(x), rs.X), loop}
}

// hasChanElems reports whether e is a slice, array, pointer to array or
// map whose elements are channels.
func (r *rewriter) hasChanElems(e ast.Expr) bool {
	t := r.typeOf(e)
	if t == nil {
		return false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			elem = a.Elem()
		}
	}
	if elem == nil {
		return false
	}
	_, isChan := elem.Underlying().(*types.Chan)
	return isChan
}
