package interp

import (
	"go/ast"
	"go/token"
	"go/types"
)

// splitMultiDecls works around two yaegi v0.16.1 bugs in a cell's top-level
// statements that declare several variables from one multi-valued
// expression:
//
//   - `a, b := f()` (or `var a, b = f()`): a function that uses a, called
//     from a function literal, sees a's zero value (a cell function handed
//     to the runtime panics: "reflect: call of reflect.Value.Method on zero
//     Value");
//   - `v, ok := x.(T)`, `v, ok := m[k]` and `v, ok := <-ch`: the compiler
//     panics ("nil type", also logged on the process's stderr).
//
// Both forms work when the variables are declared first and then assigned,
// so the statement becomes
//
//	var a T1
//	var b T2
//	a, b = f()
//
// where only the variables the statement declares get a var declaration
// (a := may reuse some). A receive is assigned from a function literal
// that makes it (`v, ok = func() (T, bool) { ... := <-ch; return ... }()`),
// because the rewrite package makes any comma-ok receive a := again. Without type information, or when a type cannot be
// named in the cell, the statement is left alone.
func (s *Session) splitMultiDecls(pc *parsedCell, ck *checked) {
	info := ck.typesInfo()
	if info == nil || ck.skipped {
		return
	}
	b := &deferBinder{info: info, names: s.importNames(pc)}
	var out []ast.Stmt
	for _, st := range pc.body.List {
		if repl := b.splitMulti(st); repl != nil {
			out = append(out, repl...)
		} else {
			out = append(out, st)
		}
	}
	pc.body.List = out
}

// splitMulti returns the replacement of one top-level statement, or nil.
func (b *deferBinder) splitMulti(st ast.Stmt) []ast.Stmt {
	var lhs []*ast.Ident
	var rhs ast.Expr
	var pos token.Pos
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE || len(st.Lhs) < 2 || len(st.Rhs) != 1 {
			return nil
		}
		for _, e := range st.Lhs {
			id, ok := e.(*ast.Ident)
			if !ok {
				return nil
			}
			lhs = append(lhs, id)
		}
		rhs, pos = st.Rhs[0], st.TokPos
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 {
			return nil
		}
		vs := gd.Specs[0].(*ast.ValueSpec)
		if len(vs.Names) < 2 || len(vs.Values) != 1 {
			return nil
		}
		lhs, rhs, pos = vs.Names, vs.Values[0], vs.Values[0].Pos()
	default:
		return nil
	}
	switch rhs := ast.Unparen(rhs).(type) {
	case *ast.CallExpr, *ast.TypeAssertExpr, *ast.IndexExpr:
	case *ast.UnaryExpr:
		if rhs.Op != token.ARROW {
			return nil
		}
	default:
		return nil
	}
	var out []ast.Stmt
	assign := &ast.AssignStmt{TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{rhs}}
	for _, id := range lhs {
		if id.Name == "_" {
			assign.Lhs = append(assign.Lhs, &ast.Ident{NamePos: id.NamePos, Name: "_"})
			continue
		}
		if obj, ok := b.info.Defs[id].(*types.Var); ok {
			te, ok := b.typeExpr(obj.Type())
			if !ok {
				return nil
			}
			name := &ast.Ident{NamePos: id.NamePos, Name: id.Name}
			b.info.Defs[name] = obj
			out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: id.NamePos, Tok: token.VAR,
				Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{name}, Type: te}}}})
		}
		assign.Lhs = append(assign.Lhs, id)
	}
	if len(out) == 0 {
		return nil // every variable already existed: a plain assignment would do as well
	}
	if u, ok := ast.Unparen(rhs).(*ast.UnaryExpr); ok {
		// the rewrite package turns `v, ok = <-ch` back into a
		// `:=` of the receive; a function's results are assigned as such
		call, ok := b.recvCall(u)
		if !ok {
			return nil
		}
		assign.Rhs = []ast.Expr{call}
	}
	return append(out, assign)
}

// recvCall returns `func() (T, bool) { v, ok := <-ch; return v, ok }()`
// for the receive u.
func (b *deferBinder) recvCall(u *ast.UnaryExpr) (ast.Expr, bool) {
	tv, ok := b.info.Types[u.X]
	if !ok || tv.Type == nil {
		return nil, false
	}
	ch, ok := tv.Type.Underlying().(*types.Chan)
	if !ok {
		return nil, false
	}
	elem, ok := b.typeExpr(ch.Elem())
	if !ok {
		return nil, false
	}
	v, okName := ast.NewIdent("__gkrv"), ast.NewIdent("__gkrok")
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: u.Pos(), Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{
			{Type: elem}, {Type: ast.NewIdent("bool")},
		}}},
		Body: &ast.BlockStmt{Lbrace: u.Pos(), List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{v, okName}, Tok: token.DEFINE, TokPos: u.Pos(), Rhs: []ast.Expr{u}},
			&ast.ReturnStmt{Return: u.Pos(), Results: []ast.Expr{ast.NewIdent(v.Name), ast.NewIdent(okName.Name)}},
		}},
	}
	return &ast.CallExpr{Fun: lit, Lparen: u.End(), Rparen: u.End()}, true
}
