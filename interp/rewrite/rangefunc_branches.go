package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
)

// replaceReturns replaces the return statements of body (not of nested
// function literals).
func replaceReturns(body *ast.BlockStmt, fn func(*ast.ReturnStmt) ast.Stmt) {
	replaceStmts(body, func(s ast.Stmt) (ast.Stmt, bool) {
		if r, ok := s.(*ast.ReturnStmt); ok {
			return fn(r), true
		}
		return s, false
	})
}

// replaceStmts replaces, in body and the statements nested in it (not in
// function literals), every statement for which fn reports true.
func replaceStmts(body *ast.BlockStmt, fn func(ast.Stmt) (ast.Stmt, bool)) {
	var walk func(list []ast.Stmt)
	var stmt func(s ast.Stmt) ast.Stmt
	walk = func(list []ast.Stmt) {
		for i, s := range list {
			list[i] = stmt(s)
		}
	}
	stmt = func(s ast.Stmt) ast.Stmt {
		if r, ok := fn(s); ok {
			return r
		}
		switch s := s.(type) {
		case *ast.BlockStmt:
			walk(s.List)
		case *ast.LabeledStmt:
			s.Stmt = stmt(s.Stmt)
		case *ast.IfStmt:
			walk(s.Body.List)
			if s.Else != nil {
				s.Else = stmt(s.Else)
			}
		case *ast.ForStmt:
			walk(s.Body.List)
		case *ast.RangeStmt:
			walk(s.Body.List)
		case *ast.SwitchStmt:
			walkClauseBodies(s.Body, walk)
		case *ast.TypeSwitchStmt:
			walkClauseBodies(s.Body, walk)
		case *ast.SelectStmt:
			walkClauseBodies(s.Body, walk)
		}
		return s
	}
	walk(body.List)
}

func walkClauseBodies(body *ast.BlockStmt, walk func([]ast.Stmt)) {
	for _, cl := range body.List {
		switch cl := cl.(type) {
		case *ast.CaseClause:
			walk(cl.Body)
		case *ast.CommClause:
			walk(cl.Body)
		}
	}
}

// outward collects the branches of a range-over-func body that leave it for
// an outer label (break L, continue L, goto L): inside the yield function
// each becomes `__gk1_br = k; return false`, and after the call a switch
// on __gk1_br repeats it, where the label is in scope again.
type outward struct {
	code     *ast.Ident
	branches []*ast.BranchStmt
}

func (r *rewriter) outwardBranches(body *ast.BlockStmt, label *ast.Ident) *outward {
	inner := map[string]bool{}
	if label != nil {
		inner[label.Name] = true
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok {
			inner[ls.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	o := &outward{}
	replaceBranches(body, func(b *ast.BranchStmt) ast.Stmt {
		if b.Label == nil || inner[b.Label.Name] {
			return b
		}
		if o.code == nil {
			o.code = r.names.fresh("br")
		}
		o.branches = append(o.branches, b)
		k := &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(len(o.branches))}
		return &ast.BlockStmt{List: []ast.Stmt{assign(exprs(o.code), k), returnBool(false)}}
	})
	return o
}

// decl declares the branch code variable, if any branch leaves the body.
func (o *outward) decl() []ast.Stmt {
	if o.code == nil {
		return nil
	}
	return []ast.Stmt{&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
		&ast.ValueSpec{Names: []*ast.Ident{o.code}, Type: ast.NewIdent("int")},
	}}}}
}

// after repeats the chosen outward branch after the iterator call.
func (o *outward) after() []ast.Stmt {
	if o.code == nil {
		return nil
	}
	var clauses []ast.Stmt
	for i, b := range o.branches {
		clauses = append(clauses, caseClause(i+1, []ast.Stmt{b}))
	}
	return []ast.Stmt{&ast.SwitchStmt{Tag: o.code, Body: &ast.BlockStmt{List: clauses}}}
}

// replaceBranches replaces every branch statement of body (not inside
// function literals).
func replaceBranches(body *ast.BlockStmt, fn func(*ast.BranchStmt) ast.Stmt) {
	replaceStmts(body, func(s ast.Stmt) (ast.Stmt, bool) {
		if br, ok := s.(*ast.BranchStmt); ok {
			return fn(br), true
		}
		return s, false
	})
}
