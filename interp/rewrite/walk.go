package rewrite

import "go/ast"

// stmtCtx is what a statement pass knows about where a statement stands.
type stmtCtx struct {
	label *ast.Ident    // label on the statement, or nil
	fn    *ast.FuncType // innermost enclosing function, or nil
}

// A stmtPass rewrites one statement into the statements that replace it, or
// returns nil to keep it.
type stmtPass func(s ast.Stmt, c stmtCtx) []ast.Stmt

// stmtList is one statement list of the file and its enclosing function.
type stmtList struct {
	list *[]ast.Stmt
	fn   *ast.FuncType
}

// blockLists returns every statement list in root (block bodies, case and
// comm clause bodies), children after their parents.
func blockLists(root ast.Node) []stmtList {
	var lists []stmtList
	var fns []*ast.FuncType
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		var fn *ast.FuncType
		if len(fns) > 0 {
			fn = fns[len(fns)-1]
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				fns = append(fns, n.Type)
				ast.Inspect(n.Body, visit)
				fns = fns[:len(fns)-1]
			}
			return false
		case *ast.FuncLit:
			fns = append(fns, n.Type)
			ast.Inspect(n.Body, visit)
			fns = fns[:len(fns)-1]
			return false
		case *ast.BlockStmt:
			lists = append(lists, stmtList{&n.List, fn})
		case *ast.CaseClause:
			lists = append(lists, stmtList{&n.Body, fn})
		case *ast.CommClause:
			lists = append(lists, stmtList{&n.Body, fn})
		}
		return true
	}
	ast.Inspect(root, visit)
	return lists
}

// applyStmtPasses runs passes over every statement list of root, innermost
// lists first, so a pass sees statements whose nested blocks are already
// rewritten. Each pass sees the output of the previous ones. Statements a
// pass produces are not handed to the same pass again.
func applyStmtPasses(root ast.Node, passes ...stmtPass) {
	lists := blockLists(root)
	for i := len(lists) - 1; i >= 0; i-- {
		l := lists[i]
		for _, p := range passes {
			*l.list = applyPass(*l.list, l.fn, p)
		}
	}
}

func applyPass(list []ast.Stmt, fn *ast.FuncType, p stmtPass) []ast.Stmt {
	var out []ast.Stmt
	for i, s := range list {
		repl := applyLabeled(s, stmtCtx{fn: fn}, p)
		if repl == nil {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]ast.Stmt, 0, len(list)+len(repl)), list[:i]...)
		}
		out = append(out, repl...)
	}
	if out == nil {
		return list
	}
	return out
}

// applyLabeled runs p on s; for a labeled statement it runs p on the
// statement under the label and puts the label back on the last statement
// of the replacement (the loop, select or switch the label names).
func applyLabeled(s ast.Stmt, c stmtCtx, p stmtPass) []ast.Stmt {
	ls, ok := s.(*ast.LabeledStmt)
	if !ok {
		return p(s, c)
	}
	c.label = ls.Label
	repl := applyLabeled(ls.Stmt, c, p)
	if repl == nil {
		return nil
	}
	last := len(repl) - 1
	ls.Stmt = repl[last]
	return append(repl[:last:last], ls)
}
