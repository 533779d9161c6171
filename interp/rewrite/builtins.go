package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// rewriteBuiltin rewrites the Go 1.21 builtins yaegi v0.16.1 lacks:
//
//	clear(x)       →  __gkrw.Clear(x)
//	min(a, b, c)   →  func(__gk1 T, __gk2 T, __gk3 T) T { ... }(a, b, c)
//
// A constant min or max becomes its constant value.
func (r *rewriter) rewriteBuiltin(c *ast.CallExpr, id *ast.Ident) ast.Expr {
	switch id.Name {
	case "clear":
		if len(c.Args) == 1 && r.isBuiltin(id) {
			c.Fun = r.helper("Clear")
			return c
		}
	case "min", "max":
		if len(c.Args) > 0 && r.info != nil && r.isBuiltin(id) {
			return r.minMax(c, id.Name == "min")
		}
	}
	return nil
}

func (r *rewriter) minMax(c *ast.CallExpr, isMin bool) ast.Expr {
	tv, ok := r.info.Types[c]
	if !ok {
		return nil
	}
	if tv.Value != nil {
		return constExpr(tv.Value, tv.Type, r)
	}
	t := tv.Type
	op := token.GTR
	if isMin {
		op = token.LSS
	}
	b, _ := t.Underlying().(*types.Basic)
	isFloat := b != nil && b.Info()&types.IsFloat != 0
	params := &ast.FieldList{}
	m := r.names.fresh("m")
	var body []ast.Stmt
	for i := range c.Args {
		p := r.names.fresh("x")
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{p}, Type: r.typeExpr(t)})
		if i == 0 {
			body = append(body, define(exprs(m), p))
			continue
		}
		// For floats, a NaN argument makes the result NaN (x != x).
		var cond ast.Expr = &ast.BinaryExpr{X: p, Op: op, Y: m}
		if isFloat {
			cond = &ast.BinaryExpr{X: cond, Op: token.LOR, Y: &ast.BinaryExpr{X: p, Op: token.NEQ, Y: p}}
		}
		body = append(body, &ast.IfStmt{Cond: cond, Body: &ast.BlockStmt{List: []ast.Stmt{assign(exprs(m), p)}}})
	}
	body = append(body, &ast.ReturnStmt{Results: exprs(m)})
	fn := &ast.FuncLit{
		Type: &ast.FuncType{Func: c.Pos(), Params: params, Results: &ast.FieldList{List: []*ast.Field{{Type: r.typeExpr(t)}}}},
		Body: &ast.BlockStmt{List: body},
	}
	c.Fun = fn
	return c
}

// constExpr spells a constant value of type t: a literal, converted to t
// when t is a typed (named or sized) type.
func constExpr(v constant.Value, t types.Type, r *rewriter) ast.Expr {
	var lit ast.Expr
	switch v.Kind() {
	case constant.String:
		lit = &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(constant.StringVal(v))}
	case constant.Int:
		lit = &ast.BasicLit{Kind: token.INT, Value: v.ExactString()}
	case constant.Float:
		f, _ := constant.Float64Val(v)
		s := strconv.FormatFloat(f, 'g', -1, 64)
		if _, err := strconv.ParseInt(s, 10, 64); err == nil {
			s += ".0"
		}
		lit = &ast.BasicLit{Kind: token.FLOAT, Value: s}
	default:
		lit = &ast.BasicLit{Kind: token.STRING, Value: v.ExactString()}
	}
	if neg, ok := lit.(*ast.BasicLit); ok && len(neg.Value) > 0 && neg.Value[0] == '-' {
		lit = &ast.ParenExpr{X: lit}
	}
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		return lit
	}
	return call(r.typeExpr(t), lit)
}
