package rewrite

import "go/ast"

// funcLitArgs moves function literals passed as call arguments into fresh
// locals first:
//
//	host(func() { use(i) })  →  __gk1_fn := func() { use(i) }; host(__gk1_fn)
//
// yaegi v0.16.1 turns a function literal passed straight to a host (compiled)
// function into a wrapper that reads the variables of the enclosing frame as
// they are when the host calls it, not as they were captured: in a loop,
// every closure handed to sync.OnceFunc, a tracked spawn, an executor or an
// http handler sees the last iteration's variables. A function literal
// assigned to a variable first is captured correctly. Creating a closure
// has no side effects, so doing it a little earlier changes nothing else.
// Only statements that declare nothing the literal could use are rewritten
// (not if, for or switch headers).
func (r *rewriter) funcLitArgs(s ast.Stmt, _ stmtCtx) []ast.Stmt {
	switch s.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.SendStmt,
		*ast.DeferStmt, *ast.GoStmt, *ast.DeclStmt:
	default:
		return nil
	}
	var pre []ast.Stmt
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its body has statement lists of its own
		case *ast.CallExpr:
			for i, a := range n.Args {
				if fl, ok := a.(*ast.FuncLit); ok {
					v := r.names.fresh("fn")
					pre = append(pre, define(exprs(v), fl))
					n.Args[i] = v
				}
			}
		}
		return true
	})
	if pre == nil {
		return nil
	}
	return append(pre, s)
}
