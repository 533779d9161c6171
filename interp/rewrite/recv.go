package rewrite

import (
	"go/ast"
	"go/token"
)

// recvAssign moves receives out of the positions where yaegi v0.16.1 loses
// them (assignments other than :=, and return statements) into fresh locals:
//
//	s.f = <-ch        →  __gk1 := <-ch; s.f = __gk1
//	return v, <-ch    →  __gk1 := <-ch; return v, __gk1
func (r *rewriter) recvAssign(s ast.Stmt, _ stmtCtx) []ast.Stmt {
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE {
			return r.hoistRecvAssign(s)
		}
	case *ast.ReturnStmt:
		return r.hoistRecvReturn(s)
	}
	return nil
}

func (r *rewriter) hoistRecvAssign(s *ast.AssignStmt) []ast.Stmt {
	if len(s.Rhs) == 1 && len(s.Lhs) == 2 && isRecv(s.Rhs[0]) {
		v, ok := r.names.fresh("v"), r.names.fresh("ok")
		pre := define(exprs(v, ok), s.Rhs[0])
		s.Rhs = exprs(v, ok)
		return []ast.Stmt{pre, s}
	}
	var pre []ast.Stmt
	for i, e := range s.Rhs {
		if isRecv(e) {
			v := r.names.fresh("v")
			pre = append(pre, define(exprs(v), e))
			s.Rhs[i] = v
		}
	}
	if pre == nil {
		return nil
	}
	return append(pre, s)
}

// hoistRecvReturn hoists the receives of a return statement, and the calls
// before them, so evaluation order stays left to right.
func (r *rewriter) hoistRecvReturn(s *ast.ReturnStmt) []ast.Stmt {
	last := -1
	for i, e := range s.Results {
		if isRecv(e) {
			last = i
		}
	}
	if last < 0 {
		return nil
	}
	var pre []ast.Stmt
	for i, e := range s.Results[:last+1] {
		if !isRecv(e) && !r.isCallValue(e) {
			continue
		}
		v := r.names.fresh("r")
		pre = append(pre, define(exprs(v), e))
		s.Results[i] = v
	}
	return append(pre, s)
}

// isCallValue reports whether e is a call (so it may have side effects that
// must stay ordered before a receive) whose value is not a constant.
func (r *rewriter) isCallValue(e ast.Expr) bool {
	if _, ok := unparen(e).(*ast.CallExpr); !ok {
		return false
	}
	return !r.isConst(e)
}
