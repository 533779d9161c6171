package rewrite

import (
	"go/ast"
	"go/token"
)

// loopVars gives loops Go 1.22 per-iteration variables (yaegi v0.16.1 has
// one variable per loop, so closures, goroutines and pointers made in the
// body all see the last value). It only touches loops whose body could
// observe the difference: one with a function literal, a go or defer
// statement or an address-of operator.
//
// A three-clause loop runs on a fresh carrier variable; the body works on a
// per-iteration copy, copied back before the post statement when the body
// may change it:
//
//	for i := 0; i < n; i++ { body }
//	→
//	for __gk1_i := 0; __gk1_i < n; __gk1_i++ { i := __gk1_i; body; __gk1_i = i }
//
// where every continue of the loop also copies back first. A range loop
// declares its variables afresh per iteration:
//
//	for k, v := range x { body }  →  for __gk1_k, __gk2_v := range x { k, v := __gk1_k, __gk2_v; body }
func (r *rewriter) loopVars(s ast.Stmt, c stmtCtx) []ast.Stmt {
	switch s := s.(type) {
	case *ast.ForStmt:
		r.deferredLiteralArgs(s, s.Body)
		if r.generated[s] {
			return nil
		}
		init, ok := s.Init.(*ast.AssignStmt)
		if !ok || init.Tok != token.DEFINE || !bodyCaptures(s.Body) {
			return nil
		}
		r.perIterationFor(s, init, c.label)
		return []ast.Stmt{s}
	case *ast.RangeStmt:
		r.deferredLiteralArgs(s, s.Body)
		if r.generated[s] || s.Tok != token.DEFINE || !bodyCaptures(s.Body) {
			return nil
		}
		r.perIterationRange(s)
		return []ast.Stmt{s}
	}
	return nil
}

// bodyCaptures reports whether a loop body contains something that can
// keep a loop variable beyond its iteration.
func bodyCaptures(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND
		}
		return !found
	})
	return found
}

func (r *rewriter) perIterationFor(s *ast.ForStmt, init *ast.AssignStmt, label *ast.Ident) {
	var vars, carriers []*ast.Ident
	for i, e := range init.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" || !mentions(s.Body, id.Name) {
			continue
		}
		c := r.names.fresh(id.Name)
		vars = append(vars, &ast.Ident{Name: id.Name, NamePos: id.NamePos, Obj: id.Obj})
		r.defs[vars[len(vars)-1]] = r.objectOf(id)
		carriers = append(carriers, c)
		init.Lhs[i] = c
	}
	if len(vars) == 0 {
		return
	}
	rename := map[string]*ast.Ident{}
	for i, v := range vars {
		rename[v.Name] = carriers[i]
	}
	if s.Cond != nil {
		s.Cond = renameIdents(s.Cond, rename).(ast.Expr)
	}
	if s.Post != nil {
		s.Post = renameIdents(s.Post, rename).(ast.Stmt)
	}
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.Name
	}
	var copyBack ast.Stmt
	if mayAssign(s.Body, r.refersTo(vars)) {
		copyBack = assign(exprs(carriers...), exprsOf(names)...)
		rewriteContinues(s.Body, label, func(b *ast.BranchStmt) ast.Stmt {
			return &ast.BlockStmt{List: []ast.Stmt{
				assign(exprs(carriers...), exprsOf(names)...), b,
			}}
		})
	}
	s.Body = r.perIterationBody(s.Body, define(exprsOf(names), exprs(carriers...)...), names, copyBack)
}

func (r *rewriter) perIterationRange(s *ast.RangeStmt) {
	var names []string
	var carriers []*ast.Ident
	for _, slot := range []*ast.Expr{&s.Key, &s.Value} {
		id, ok := (*slot).(*ast.Ident)
		if !ok || id.Name == "_" || !mentions(s.Body, id.Name) {
			continue
		}
		c := r.names.fresh(id.Name)
		names = append(names, id.Name)
		carriers = append(carriers, c)
		*slot = c
	}
	if len(names) == 0 {
		return
	}
	s.Body = r.perIterationBody(s.Body, define(exprsOf(names), exprs(carriers...)...), names, nil)
}

// perIterationBody puts decl before the body and copyBack (if any) after it.
// When the body itself declares one of names at its top level, the old body
// becomes a nested block, so that declaration stays legal shadowing.
func (r *rewriter) perIterationBody(body *ast.BlockStmt, decl ast.Stmt, names []string, copyBack ast.Stmt) *ast.BlockStmt {
	list := []ast.Stmt{decl}
	if declaresAny(body.List, names) {
		list = append(list, body)
	} else {
		list = append(list, body.List...)
	}
	if copyBack != nil {
		list = append(list, copyBack)
	}
	return &ast.BlockStmt{Lbrace: body.Lbrace, List: list, Rbrace: body.Rbrace}
}

func exprsOf(names []string) []ast.Expr {
	out := make([]ast.Expr, len(names))
	for i, n := range names {
		out[i] = ast.NewIdent(n)
	}
	return out
}

// refersTo returns a test for identifiers that denote one of vars: by
// object when type information knows both, else by name.
func (r *rewriter) refersTo(vars []*ast.Ident) func(*ast.Ident) bool {
	return func(id *ast.Ident) bool {
		for _, v := range vars {
			if id.Name != v.Name {
				continue
			}
			obj, use := r.defs[v], r.objectOf(id)
			if obj == nil || use == nil || obj == use {
				return true
			}
		}
		return false
	}
}

// mentions reports whether an identifier named name occurs in n (as a
// variable, not a selector's field name).
func mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(x.X, func(y ast.Node) bool {
				id, ok := y.(*ast.Ident)
				found = found || ok && id.Name == name
				return !found
			})
			return false
		case *ast.Ident:
			found = found || x.Name == name
		}
		return !found
	})
	return found
}
