package index

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// newEnv builds the name environment for a request on code whose point of
// interest is p: the cell's own imports and declarations overlay the
// session, and the locals of the blocks around the point overlay both.
func (x *Index) newEnv(code string, p point) *env {
	e := &env{lib: x.lib, sess: x.sess.Load(), cellImports: map[string]*decl{}, cellDecls: map[string]*decl{}, locals: map[string]*decl{}}
	cut := p.operandStart
	masked := []byte(code)
	blank(masked[cut:p.wordEnd])
	c := parseCell(string(masked))
	if c.declErr != nil || c.stmtErr != nil {
		c = parseCell(code[:cut] + closers(code[:cut]))
	}
	addCell(e.cellImports, e.cellDecls, c, x.lib)
	collectLocals(c, cut, e.locals)
	return e
}

// closers returns what closes the brackets left open in code.
func closers(code string) string {
	var stack []byte
	for _, t := range tokens(code) {
		switch t.tok {
		case token.LPAREN:
			stack = append(stack, ')')
		case token.LBRACK:
			stack = append(stack, ']')
		case token.LBRACE:
			stack = append(stack, '}')
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	var b strings.Builder
	for i := len(stack) - 1; i >= 0; i-- {
		b.WriteByte('\n')
		b.WriteByte(stack[i])
	}
	return b.String()
}

// collectLocals adds the names visible at offset off inside function bodies
// and blocks of c (outer scopes first, so inner ones override them).
func collectLocals(c *parsedCell, off int, out map[string]*decl) {
	in := func(n ast.Node) bool {
		return c.offset(n.Pos()) <= off && off <= c.offset(n.End())
	}
	before := func(n ast.Node) bool { return c.offset(n.End()) <= off }
	visit := func(n ast.Node) bool {
		if n == nil || !in(n) {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			addFields(out, n.Recv)
			addFields(out, n.Type.Params)
			addFields(out, n.Type.Results)
		case *ast.FuncLit:
			addFields(out, n.Type.Params)
			addFields(out, n.Type.Results)
		case *ast.BlockStmt:
			addLocalStmts(out, c, n.List, before)
			addClause(out, c, n.List, off, before)
		case *ast.ForStmt:
			addInit(out, c, n.Init)
		case *ast.IfStmt:
			addInit(out, c, n.Init)
		case *ast.SwitchStmt:
			addInit(out, c, n.Init)
		case *ast.TypeSwitchStmt:
			addInit(out, c, n.Init)
			addTypeSwitch(out, c, n, off)
		case *ast.RangeStmt:
			addRange(out, n)
		}
		return true
	}
	ast.Inspect(c.decls, visit)
	ast.Inspect(c.stmts, visit)
}

// addClause adds the locals of the case or select clause of a switch or
// select body that the offset is in: the last one starting before it (the
// clause's own extent ends at its last statement, maybe before the cursor).
func addClause(out map[string]*decl, c *parsedCell, list []ast.Stmt, off int, before func(ast.Node) bool) {
	var in ast.Stmt
	for _, s := range list {
		if c.offset(s.Pos()) <= off {
			in = s
		}
	}
	switch cl := in.(type) {
	case *ast.CaseClause:
		addLocalStmts(out, c, cl.Body, before)
	case *ast.CommClause:
		if cl.Comm != nil {
			addLocalStmt(out, c, cl.Comm)
		}
		addLocalStmts(out, c, cl.Body, before)
	}
}

func addInit(out map[string]*decl, c *parsedCell, s ast.Stmt) {
	if s != nil {
		addLocalStmt(out, c, s)
	}
}

func addLocalStmts(out map[string]*decl, c *parsedCell, list []ast.Stmt, before func(ast.Node) bool) {
	for _, s := range list {
		if before(s) {
			addLocalStmt(out, c, s)
		}
	}
}

func addLocalStmt(out map[string]*decl, c *parsedCell, s ast.Stmt) {
	if l, ok := s.(*ast.LabeledStmt); ok {
		s = l.Stmt
	}
	addStmt(out, c.fset, s)
}

func addFields(out map[string]*decl, fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		typ := f.Type
		if el, ok := typ.(*ast.Ellipsis); ok {
			typ = &ast.ArrayType{Elt: el.Elt}
		}
		for _, n := range f.Names {
			out[n.Name] = &decl{name: n.Name, kind: data.VarKind, typ: typ, index: -1, signature: "var " + n.Name}
		}
	}
}

func addRange(out map[string]*decl, r *ast.RangeStmt) {
	if r.Tok != token.DEFINE {
		return
	}
	for i, k := range []ast.Expr{r.Key, r.Value} {
		if id, ok := k.(*ast.Ident); ok && id.Name != "_" {
			out[id.Name] = &decl{name: id.Name, kind: data.VarKind, rangeOf: r.X, index: i, signature: "var " + id.Name}
		}
	}
}

// addTypeSwitch types v in `switch v := x.(type)` inside a one-type case.
func addTypeSwitch(out map[string]*decl, c *parsedCell, s *ast.TypeSwitchStmt, off int) {
	as, ok := s.Assign.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || s.Body == nil {
		return
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	var in *ast.CaseClause // the last clause starting before off (its body may be empty)
	for _, cl := range s.Body.List {
		if cc, ok := cl.(*ast.CaseClause); ok && c.offset(cc.Pos()) <= off {
			in = cc
		}
	}
	if in == nil {
		return
	}
	d := &decl{name: id.Name, kind: data.VarKind, index: -1, signature: "var " + id.Name}
	if len(in.List) == 1 {
		d.typ = in.List[0]
	}
	out[id.Name] = d
}
