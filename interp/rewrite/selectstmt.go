package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
)

// selectStmt turns a select statement into a call of the host Select, so
// that goroutines running the same statement at once do not share yaegi's
// per-statement cases slice. No type information is needed: received values
// travel through a fresh channel of the original channel's own type (see
// Recv), and sent values through a proxy channel (see Send).
//
//	select {
//	case v, ok := <-in:   body0
//	case out <- x:        body1
//	default:              body2
//	}
//
// becomes
//
//	__gk1_c := in
//	__gk2_c := out
//	__gk3_p := __gk2_c
//	__gk4_o := __gkrw.Proxy(&__gk3_p)
//	__gk3_p <- x
//	switch __gkrw.Select(done, false, __gkrw.Recv(__gk1_c, &__gk1_c), __gkrw.Send(__gk2_c, __gk4_o)) {
//	case 0: v, ok := <-__gk1_c; body0
//	case 1: body1
//	case -1: body2
//	}
func (r *rewriter) selectStmt(s ast.Stmt, _ stmtCtx) []ast.Stmt {
	sel, ok := s.(*ast.SelectStmt)
	if !ok || len(sel.Body.List) == 0 {
		return nil
	}
	var pre []ast.Stmt
	var cases []ast.Expr
	var clauses []ast.Stmt
	block := true
	for _, st := range sel.Body.List {
		cc := st.(*ast.CommClause)
		if cc.Comm == nil {
			block = false
			clauses = append(clauses, caseClause(-1, cc.Body))
			continue
		}
		idx := len(cases)
		switch comm := cc.Comm.(type) {
		case *ast.SendStmt:
			c, p := r.names.fresh("c"), r.names.fresh("p")
			out := r.names.fresh("o")
			pre = append(pre,
				define(exprs(c), comm.Chan),
				define(exprs(p), c),
				define(exprs(out), call(r.helper("Proxy"), addr(p))),
				&ast.SendStmt{Chan: p, Value: comm.Value})
			cases = append(cases, call(r.helper("Send"), c, out))
			clauses = append(clauses, caseClause(idx, cc.Body))
		case *ast.ExprStmt:
			c := r.names.fresh("c")
			pre = append(pre, define(exprs(c), unparen(comm.X).(*ast.UnaryExpr).X))
			cases = append(cases, call(r.helper("Recv"), c, ast.NewIdent("nil")))
			clauses = append(clauses, caseClause(idx, cc.Body))
		case *ast.AssignStmt:
			c := r.names.fresh("c")
			pre = append(pre, define(exprs(c), unparen(comm.Rhs[0]).(*ast.UnaryExpr).X))
			if allBlank(comm.Lhs) {
				cases = append(cases, call(r.helper("Recv"), c, ast.NewIdent("nil")))
				clauses = append(clauses, caseClause(idx, cc.Body))
				continue
			}
			cases = append(cases, call(r.helper("Recv"), c, addr(c)))
			recv := &ast.UnaryExpr{Op: token.ARROW, X: c}
			clauses = append(clauses, caseClause(idx, append(r.takeRecv(comm, recv), cc.Body...)))
		}
	}
	args := []ast.Expr{r.doneExpr(), ast.NewIdent(strconv.FormatBool(block))}
	sw := &ast.SwitchStmt{
		Switch: sel.Select,
		Tag:    &ast.CallExpr{Fun: r.helper("Select"), Args: append(args, cases...)},
		Body:   &ast.BlockStmt{List: clauses},
	}
	return append(pre, sw)
}

// takeRecv returns the statements that perform a chosen receive clause's
// assignment from recv (a receive on the filled box channel).
func (r *rewriter) takeRecv(comm *ast.AssignStmt, recv ast.Expr) []ast.Stmt {
	if comm.Tok == token.DEFINE {
		return []ast.Stmt{define(comm.Lhs, recv)}
	}
	// An assignment from a receive is what yaegi loses: go through fresh
	// locals.
	tmp := make([]*ast.Ident, len(comm.Lhs))
	for i := range tmp {
		tmp[i] = r.names.fresh("v")
	}
	return []ast.Stmt{define(exprs(tmp...), recv), assign(comm.Lhs, exprs(tmp...)...)}
}

// doneExpr is the interrupt channel expression passed to Select.
func (r *rewriter) doneExpr() ast.Expr {
	if r.opts.Done == "" {
		return ast.NewIdent("nil")
	}
	return r.expr(r.opts.Done)
}

func caseClause(idx int, body []ast.Stmt) *ast.CaseClause {
	var lit ast.Expr = &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(idx)}
	if idx < 0 {
		lit = &ast.UnaryExpr{Op: token.SUB, X: &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(-idx)}}
	}
	return &ast.CaseClause{List: []ast.Expr{lit}, Body: body}
}

func addr(e ast.Expr) ast.Expr { return &ast.UnaryExpr{Op: token.AND, X: e} }

func allBlank(es []ast.Expr) bool {
	for _, e := range es {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}
