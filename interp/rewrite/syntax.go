package rewrite

import (
	"go/ast"
	"go/token"
)

// renameIdents replaces, in n, identifiers named in m (not selector names
// or composite literal keys) with a copy of the mapped identifier.
func renameIdents(n ast.Node, m map[string]*ast.Ident) ast.Node {
	skip := map[*ast.Ident]bool{}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		case *ast.Ident:
			if to, ok := m[x.Name]; ok && !skip[x] {
				x.Name = to.Name
			}
		}
		return true
	})
	return n
}

// mayAssign reports whether code under n may change a variable named in
// refers: by assignment, increment, use as a range variable, or by taking
// its address.
func mayAssign(n ast.Node, refers func(*ast.Ident) bool) bool {
	is := func(e ast.Expr) bool {
		id, ok := unparen(e).(*ast.Ident)
		return ok && refers(id)
	}
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || (x.Tok != token.DEFINE && is(l))
			}
		case *ast.IncDecStmt:
			found = found || is(x.X)
		case *ast.RangeStmt:
			found = found || (x.Tok == token.ASSIGN && (is(x.Key) || x.Value != nil && is(x.Value)))
		case *ast.UnaryExpr:
			found = found || (x.Op == token.AND && is(rootOf(x.X)))
		}
		return !found
	})
	return found
}

// rootOf returns the variable at the root of a selector or index chain.
func rootOf(e ast.Expr) ast.Expr {
	for {
		switch x := unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return e
		}
	}
}

// declaresAny reports whether list declares one of names at its own level.
func declaresAny(list []ast.Stmt, names []string) bool {
	has := func(id *ast.Ident) bool {
		for _, n := range names {
			if id.Name == n {
				return true
			}
		}
		return false
	}
	for _, s := range list {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok != token.DEFINE {
				continue
			}
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok && has(id) {
					return true
				}
			}
		case *ast.DeclStmt:
			gd, ok := s.Decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range gd.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, id := range sp.Names {
						if has(id) {
							return true
						}
					}
				case *ast.TypeSpec:
					if has(sp.Name) {
						return true
					}
				}
			}
		}
	}
	return false
}

// branchTargets walks body and calls fn for every break or continue
// statement whose target is the loop owning body (label is that loop's
// label, or nil), replacing it with what fn returns. Function literals are
// not entered. tok selects break or continue.
func rewriteBranches(body *ast.BlockStmt, label *ast.Ident, tok token.Token, fn func(*ast.BranchStmt) ast.Stmt) {
	var walkList func(list []ast.Stmt, depth int)
	var walkStmt func(s ast.Stmt, depth int) ast.Stmt
	// depth counts enclosing statements that capture an unlabeled branch
	// of kind tok: loops for both, switch and select for break.
	walkList = func(list []ast.Stmt, depth int) {
		for i, s := range list {
			list[i] = walkStmt(s, depth)
		}
	}
	walkStmt = func(s ast.Stmt, depth int) ast.Stmt {
		switch s := s.(type) {
		case *ast.BranchStmt:
			if s.Tok != tok {
				return s
			}
			if s.Label == nil && depth == 0 || s.Label != nil && label != nil && s.Label.Name == label.Name {
				return fn(s)
			}
		case *ast.BlockStmt:
			walkList(s.List, depth)
		case *ast.LabeledStmt:
			s.Stmt = walkStmt(s.Stmt, depth)
		case *ast.IfStmt:
			walkList(s.Body.List, depth)
			if s.Else != nil {
				s.Else = walkStmt(s.Else, depth)
			}
		case *ast.ForStmt:
			walkList(s.Body.List, depth+1)
		case *ast.RangeStmt:
			walkList(s.Body.List, depth+1)
		case *ast.SwitchStmt:
			walkClauses(s.Body, depth, tok, walkList)
		case *ast.TypeSwitchStmt:
			walkClauses(s.Body, depth, tok, walkList)
		case *ast.SelectStmt:
			walkClauses(s.Body, depth, tok, walkList)
		}
		return s
	}
	walkList(body.List, 0)
}

func walkClauses(body *ast.BlockStmt, depth int, tok token.Token, walkList func([]ast.Stmt, int)) {
	if tok == token.BREAK {
		depth++
	}
	for _, cl := range body.List {
		switch cl := cl.(type) {
		case *ast.CaseClause:
			walkList(cl.Body, depth)
		case *ast.CommClause:
			walkList(cl.Body, depth)
		}
	}
}

// rewriteContinues replaces every continue of the loop owning body.
func rewriteContinues(body *ast.BlockStmt, label *ast.Ident, fn func(*ast.BranchStmt) ast.Stmt) {
	rewriteBranches(body, label, token.CONTINUE, fn)
}
