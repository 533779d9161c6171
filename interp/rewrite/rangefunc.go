package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rangeFunc turns range over a function iterator (Go 1.23; yaegi v0.16.1
// panics with "nil type") into a call of the iterator with the loop body as
// the yield function. It needs the type of the range expression.
//
//	for k, v := range seq { body }
//	→
//	seq(func(k K, v V) bool { body; return true })
//
// In the body, continue becomes `return true` and break `return false`. A
// return from the enclosing function sets a fresh flag and result
// variables, stops the iteration, and is repeated after the call; so is a
// break, continue or goto to an outer label. A defer in the body cannot be
// expressed this way: Cell reports an error naming it.
func (r *rewriter) rangeFunc(s ast.Stmt, c stmtCtx) []ast.Stmt {
	rs, ok := s.(*ast.RangeStmt)
	if !ok {
		return nil
	}
	sig := r.iteratorSig(rs.X)
	if sig == nil {
		return nil
	}
	if bad := r.unsupportedInRangeFunc(rs.Body, c.label); bad != nil {
		r.errorf(bad.Pos(), "range over func: a %s in the loop body cannot be rewritten for yaegi; restructure the loop (for example, collect the values into a slice first)", describeStmt(bad))
		return nil
	}
	yield := sig.Params().At(0).Type().Underlying().(*types.Signature)
	params := &ast.FieldList{}
	var pre []ast.Stmt
	loopVars := []ast.Expr{rs.Key, rs.Value}
	var assignL, assignR []ast.Expr
	for i := range yield.Params().Len() {
		name := ast.NewIdent("_")
		if v := loopVars[i]; v != nil {
			if id, ok := v.(*ast.Ident); ok && rs.Tok == token.DEFINE {
				name = id
			} else if !isBlank(v) {
				name = r.names.fresh("y")
				assignL, assignR = append(assignL, v), append(assignR, name)
			}
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{name}, Type: r.typeExpr(yield.Params().At(i).Type())})
	}
	ret := r.retVars(c.fn)
	body := rs.Body
	out := r.rewriteRangeFuncBody(body, c.label, ret, &pre)
	list := body.List
	if len(assignL) > 0 {
		list = append([]ast.Stmt{assign(assignL, assignR...)}, list...)
	}
	list = append(list, &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("true")}})
	fn := &ast.FuncLit{
		Type: &ast.FuncType{Func: rs.For, Params: params, Results: boolResult()},
		Body: &ast.BlockStmt{Lbrace: body.Lbrace, List: list, Rbrace: body.Rbrace},
	}
	list2 := append(pre, &ast.ExprStmt{X: call(rs.X, fn)})
	if ret.used {
		list2 = append(list2, &ast.IfStmt{
			Cond: ret.flag,
			Body: &ast.BlockStmt{List: []ast.Stmt{ret.finalReturn()}},
		})
	}
	return append(out.decl(), append(list2, out.after()...)...)
}

// iteratorSig returns the signature of e when it is a range-over-func
// iterator: func(yield func(...) bool).
func (r *rewriter) iteratorSig(e ast.Expr) *types.Signature {
	t := r.typeOf(e)
	if t == nil {
		return nil
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return nil
	}
	if _, ok := sig.Params().At(0).Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	return sig
}

// retState carries how returns inside a rewritten loop body reach the
// enclosing function.
type retState struct {
	flag  *ast.Ident
	vars  []*ast.Ident // result variables, or nil for a bare return
	decls []*ast.Field // their types
	used  bool         // some return was rewritten
	named bool         // vars are the enclosing function's named results
}

// finalReturn repeats, after the loop, the return the body made.
func (st *retState) finalReturn() *ast.ReturnStmt {
	if st.named {
		return &ast.ReturnStmt{}
	}
	return &ast.ReturnStmt{Results: exprs(st.vars...)}
}

func (r *rewriter) retVars(fn *ast.FuncType) *retState {
	st := &retState{flag: r.names.fresh("ret")}
	if fn == nil || fn.Results == nil {
		return st
	}
	if named := resultNames(fn.Results); named != nil {
		// return x, y in the body becomes r1, r2 = x, y; the return after
		// the loop is bare.
		st.vars, st.named = named, true
		return st
	}
	for _, f := range fn.Results.List {
		n := max(len(f.Names), 1)
		for range n {
			st.vars = append(st.vars, r.names.fresh("res"))
			st.decls = append(st.decls, f)
		}
	}
	return st
}

// resultNames returns the names of named results, or nil when the results
// are unnamed or one of them is blank.
func resultNames(fl *ast.FieldList) []*ast.Ident {
	var out []*ast.Ident
	for _, f := range fl.List {
		for _, n := range f.Names {
			if n.Name == "_" {
				return nil
			}
			out = append(out, ast.NewIdent(n.Name))
		}
	}
	return out
}

// rewriteRangeFuncBody rewrites the branches of a loop body that becomes a
// yield function; pre receives declarations of the return flag and values.
func (r *rewriter) rewriteRangeFuncBody(body *ast.BlockStmt, label *ast.Ident, ret *retState, pre *[]ast.Stmt) *outward {
	// User returns first: the branch rewrites below add returns of their own.
	replaceReturns(body, func(rt *ast.ReturnStmt) ast.Stmt {
		ret.used = true
		list := []ast.Stmt{assign([]ast.Expr{ret.flag}, ast.NewIdent("true"))}
		if len(rt.Results) > 0 && len(ret.vars) > 0 {
			list = append(list, assignResults(ret.vars, rt.Results)...)
		}
		return &ast.BlockStmt{List: append(list, returnBool(false))}
	})
	out := r.outwardBranches(body, label)
	rewriteBranches(body, label, token.CONTINUE, func(*ast.BranchStmt) ast.Stmt { return returnBool(true) })
	rewriteBranches(body, label, token.BREAK, func(*ast.BranchStmt) ast.Stmt { return returnBool(false) })
	if !ret.used {
		return out
	}
	*pre = append(*pre, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
		&ast.ValueSpec{Names: []*ast.Ident{ret.flag}, Type: ast.NewIdent("bool")},
	}}})
	for i, v := range ret.vars[:len(ret.decls)] {
		*pre = append(*pre, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{v}, Type: ret.decls[i].Type},
		}}})
	}
	return out
}

// unsupportedInRangeFunc returns the first statement of body that the
// yield-function form cannot express: a defer (it would run when the yield
// function returns, not when the enclosing function does).
func (r *rewriter) unsupportedInRangeFunc(body *ast.BlockStmt, _ *ast.Ident) ast.Stmt {
	var bad ast.Stmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			bad = n
		}
		return bad == nil
	})
	return bad
}

func describeStmt(s ast.Stmt) string {
	switch s := s.(type) {
	case *ast.DeferStmt:
		return "defer statement"
	case *ast.BranchStmt:
		if s.Label != nil {
			return s.Tok.String() + " " + s.Label.Name
		}
		return s.Tok.String() + " statement"
	}
	return "statement"
}

func returnBool(b bool) *ast.ReturnStmt {
	v := "false"
	if b {
		v = "true"
	}
	return &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent(v)}}
}

func boolResult() *ast.FieldList {
	return &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("bool")}}}
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// assignResults assigns return operands to result variables, one statement
// each when no operand mentions a result variable (yaegi v0.16.1 fails on
// `a, b = x, nil` with "reflect: New(nil)"), else as one tuple assignment.
func assignResults(vars []*ast.Ident, results []ast.Expr) []ast.Stmt {
	if len(results) != len(vars) || len(vars) == 1 || mentionsAny(results, vars) {
		return []ast.Stmt{assign(exprs(vars...), results...)}
	}
	out := make([]ast.Stmt, len(vars))
	for i, v := range vars {
		out[i] = assign(exprs(v), results[i])
	}
	return out
}

func mentionsAny(es []ast.Expr, ids []*ast.Ident) bool {
	found := false
	for _, e := range es {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				for _, v := range ids {
					found = found || id.Name == v.Name
				}
			}
			return !found
		})
	}
	return found
}
