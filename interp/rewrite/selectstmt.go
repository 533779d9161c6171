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
	var b selectBuild
	block := true
	for _, st := range sel.Body.List {
		cc := st.(*ast.CommClause)
		if cc.Comm == nil {
			block = false
			b.clauses = append(b.clauses, caseClause(-1, cc.Body))
			continue
		}
		r.selectCase(&b, cc)
	}
	args := []ast.Expr{r.doneExpr(), ast.NewIdent(strconv.FormatBool(block))}
	sw := &ast.SwitchStmt{
		Switch: sel.Select,
		Tag:    &ast.CallExpr{Fun: r.helper("Select"), Args: append(args, b.cases...)},
		Body:   &ast.BlockStmt{List: b.clauses},
	}
	return append(b.pre, sw)
}

// selectBuild collects the pieces of a rewritten select statement.
type selectBuild struct {
	pre     []ast.Stmt // evaluation of channels and sent values, in order
	cases   []ast.Expr // Recv and Send calls, one per communication
	clauses []ast.Stmt // the switch clauses
}

// selectCase adds one communication clause to b.
func (r *rewriter) selectCase(b *selectBuild, cc *ast.CommClause) {
	idx := len(b.cases)
	c := r.names.fresh("c")
	body := cc.Body
	switch comm := cc.Comm.(type) {
	case *ast.SendStmt:
		p, out := r.names.fresh("p"), r.names.fresh("o")
		b.pre = append(b.pre,
			define(exprs(c), comm.Chan),
			define(exprs(p), c),
			define(exprs(out), call(r.helper("Proxy"), addr(p))),
			&ast.SendStmt{Chan: p, Value: comm.Value})
		b.cases = append(b.cases, call(r.helper("Send"), c, out))
	case *ast.ExprStmt:
		b.pre = append(b.pre, define(exprs(c), unparen(comm.X).(*ast.UnaryExpr).X))
		b.cases = append(b.cases, call(r.helper("Recv"), c, ast.NewIdent("nil")))
	case *ast.AssignStmt:
		b.pre = append(b.pre, define(exprs(c), unparen(comm.Rhs[0]).(*ast.UnaryExpr).X))
		if allBlank(comm.Lhs) {
			b.cases = append(b.cases, call(r.helper("Recv"), c, ast.NewIdent("nil")))
			break
		}
		b.cases = append(b.cases, call(r.helper("Recv"), c, addr(c)))
		recv := &ast.UnaryExpr{Op: token.ARROW, X: c}
		body = append(r.takeRecv(comm, recv), body...)
	}
	b.clauses = append(b.clauses, caseClause(idx, body))
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
