package interp

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"

	"github.com/gokernel/gokernel/interp/display"
)

// displayPath is the import path of the display package.
const displayPath = "github.com/gokernel/gokernel/interp/display"

// rewriteShows makes display.Show(v), h.Show(v) and h.Update(v) render a
// value of a cell type richly: the host cannot call methods of cell types,
// and cannot name them. A call whose argument has a cell type becomes
//
//	display.Show(func(__gkv T) display.MIME {
//		return __gk.Rich(__gkv, map[string]any{"text/html": __gkv.HTML()}, id)
//	}(v))
//
// where id names T in the session's type registry (for text/plain).
func (s *Session) rewriteShows(pc *parsedCell, ck *checked) {
	info := ck.typesInfo()
	if info == nil || ck.skipped {
		return
	}
	displayName := ""
	for _, sp := range append(append([]importSpec(nil), s.checker.prelude.imports...), pc.imports...) {
		if sp.Path == displayPath {
			displayName = sp.Name
			if displayName == "" {
				displayName = "display"
			}
		}
	}
	if displayName == "" {
		return
	}
	ast.Inspect(pc.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !isShowCall(info, call) {
			return true
		}
		tv, ok := info.Types[call.Args[0]]
		if !ok || tv.Type == nil || !isCellValue(tv.Type) {
			return true
		}
		call.Args[0] = s.richArg(call.Args[0], tv.Type, displayName)
		return true
	})
}

// isShowCall reports whether call is display.Show, (*Handle).Show or
// (*Handle).Update.
func isShowCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != displayPath {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Name() == "Show"
	}
	return fn.Name() == "Show" || fn.Name() == "Update"
}

// richArg wraps arg (of cell type t) as described at rewriteShows.
func (s *Session) richArg(arg ast.Expr, t types.Type, displayName string) ast.Expr {
	rich := &ast.CompositeLit{Type: &ast.MapType{Key: ast.NewIdent("string"), Value: ast.NewIdent("any")}}
	for _, m := range cellMethods(t) {
		mime := m.mime
		if mime == "" {
			mime = mimeKey
		}
		rich.Elts = append(rich.Elts, &ast.KeyValueExpr{
			Key:   &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(mime)},
			Value: &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(finalName), Sel: ast.NewIdent(m.method)}},
		})
	}
	id := s.registerType(t)
	mimeType := &ast.SelectorExpr{X: ast.NewIdent(displayName), Sel: ast.NewIdent("MIME")}
	typeExpr, err := parseTypeExpr(typeName(t))
	if err != nil {
		return arg
	}
	lit := &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent(finalName)}, Type: typeExpr}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: mimeType}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{&ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: ast.NewIdent(hostName), Sel: ast.NewIdent("Rich")},
			Args: []ast.Expr{ast.NewIdent(finalName), rich, &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(id)}},
		}}}}},
	}
	return &ast.CallExpr{Fun: lit, Args: []ast.Expr{arg}}
}

// registerType keeps t for the host's text/plain rendering and returns its
// id.
func (s *Session) registerType(t types.Type) int {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	s.types = append(s.types, t)
	return len(s.types) - 1
}

// rich is the host side of a rewritten display call: the bundle of v with
// the forms its methods gave, and its text/plain with declared names.
func (s *Session) rich(v any, forms map[string]any, typeID int) display.MIME {
	b := display.Bundle(v)
	s.stateMu.Lock()
	var t types.Type
	if typeID >= 0 && typeID < len(s.types) {
		t = s.types[typeID]
	}
	s.stateMu.Unlock()
	if t != nil {
		b["text/plain"] = formatCell(reflect.ValueOf(v), t, true)
	}
	if m, ok := forms[mimeKey].(map[string]any); ok {
		for k, d := range m {
			b[k] = d
		}
	}
	for k, d := range forms {
		if k != mimeKey {
			b[k] = d
		}
	}
	return display.MIME(b)
}
