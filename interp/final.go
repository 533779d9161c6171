package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// richMethods are the methods of cell types whose results the final value's
// bundle gets, with their MIME type. The host cannot call methods of types
// declared in cells (yaegi hands it plain struct values), so the rewritten
// final statement calls them in the interpreter.
var richMethods = []struct{ method, mime string }{
	{"String", "text/plain"},
	{"HTML", "text/html"},
	{"Markdown", "text/markdown"},
	{"SVG", "image/svg+xml"},
	{"Latex", "text/latex"},
}

// finalName is the variable that holds the final value in the rewritten
// final statement.
const finalName = "__gkv"

// rewriteFinal replaces the cell's final expression X (when it has one
// value and the cell was checked) by
//
//	{ __gkv := X; __gk.Result(__gkv, map[string]any{"text/html": __gkv.HTML(), ...}) }
//
// so the host receives the value itself and the rich forms its methods give;
// a value without rich methods becomes just __gk.Result(X, nil).
func (s *Session) rewriteFinal(pc *parsedCell, f finalValue) {
	if !f.show || f.typ == nil {
		return
	}
	rich := &ast.CompositeLit{Type: &ast.MapType{Key: ast.NewIdent("string"), Value: ast.NewIdent("any")}}
	for _, m := range cellMethods(f.typ) {
		call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(finalName), Sel: ast.NewIdent(m.method)}}
		var val ast.Expr = call
		if m.mime == "" { // MIME() map[string]any: merged by the host
			m.mime = mimeKey
		}
		rich.Elts = append(rich.Elts, &ast.KeyValueExpr{Key: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(m.mime)}, Value: val})
	}
	var repl ast.Stmt
	if len(rich.Elts) == 0 {
		// __gk.Result(X, nil): no variable, so no slot in the interpreter's
		// global frame (which it copies whole whenever it grows). The call
		// keeps the final statement's position: it stays in cell order.
		repl = &ast.ExprStmt{X: &ast.CallExpr{
			Fun:    &ast.SelectorExpr{X: &ast.Ident{NamePos: pc.final.Pos(), Name: hostName}, Sel: ast.NewIdent("Result")},
			Args:   []ast.Expr{pc.final.X, ast.NewIdent("nil")},
			Rparen: pc.final.End() - 1,
		}}
	} else {
		repl = finalBlock(pc.final, rich)
	}
	for i, st := range pc.body.List {
		if st == pc.final {
			pc.body.List[i] = repl
		}
	}
}

// finalBlock is { __gkv := X; __gk.Result(__gkv, rich) } for final
// statement X, rich calling __gkv's methods.
func finalBlock(final *ast.ExprStmt, rich *ast.CompositeLit) *ast.BlockStmt {
	// the block keeps the final statement's position: it stays in cell order
	return &ast.BlockStmt{Lbrace: final.Pos(), Rbrace: final.End() - 1, List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(finalName)}, Tok: token.DEFINE, Rhs: []ast.Expr{final.X}},
		&ast.ExprStmt{X: &ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: ast.NewIdent(hostName), Sel: ast.NewIdent("Result")},
			Args: []ast.Expr{ast.NewIdent(finalName), rich},
		}},
	}}
}

// cellMethods returns the rich methods (and MIME) that a value of type t
// declared in a cell has.
func cellMethods(t types.Type) []struct{ method, mime string } {
	if !isCellType(t) {
		return nil
	}
	ms := types.NewMethodSet(t)
	if _, ptr := t.(*types.Pointer); !ptr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t)) // the variable is addressable
	}
	var out []struct{ method, mime string }
	for _, m := range richMethods {
		if hasMethod(ms, m.method, "string") {
			out = append(out, m)
		}
	}
	if hasMethod(ms, "MIME", "map[string]any") {
		out = append(out, struct{ method, mime string }{"MIME", ""})
	}
	return out
}

// hasMethod reports whether ms has a method name() result.
func hasMethod(ms *types.MethodSet, name, result string) bool {
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok || fn.Name() != name {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			return false
		}
		got := types.TypeString(sig.Results().At(0).Type(), nil)
		return got == result || got == strings.ReplaceAll(result, "any", "interface{}")
	}
	return false
}

// isCellType reports whether t is, or points to, a named type declared in a
// cell (package main).
func isCellType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// parseTypeExpr parses a type written as Go source.
func parseTypeExpr(src string) (ast.Expr, error) { return parser.ParseExpr(src) }
