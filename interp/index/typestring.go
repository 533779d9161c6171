package index

import (
	"go/ast"
	"go/types"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// signatureOf describes a session-scope declaration in one line, with the
// inferred type of variables declared without one.
func (e *env) signatureOf(d *decl) string {
	if d == nil {
		return ""
	}
	if (d.kind == data.VarKind || d.kind == data.ConstKind) && d.typ == nil {
		if t := e.declType(d); t.ok() {
			return d.signature + " " + e.typeString(t)
		}
	}
	return d.signature
}

// typeString prints t as the user would write it in a cell: names of a
// library package are qualified with the package name.
func (e *env) typeString(t typeRef) string {
	if !t.ok() {
		return ""
	}
	if t.pkg == nil {
		return types.ExprString(t.expr)
	}
	return types.ExprString(qualify(t.expr, t.pkg))
}

// qualify returns a copy of x in which the names of pkg's types are
// qualified (Builder → strings.Builder).
func qualify(x ast.Expr, pkg *libPackage) ast.Expr {
	switch x := x.(type) {
	case *ast.Ident:
		if m := pkg.members[x.Name]; m != nil && m.Kind == data.TypeKind {
			return &ast.SelectorExpr{X: ast.NewIdent(pkg.Name), Sel: x}
		}
	case *ast.StarExpr:
		return &ast.StarExpr{X: qualify(x.X, pkg)}
	case *ast.ParenExpr:
		return &ast.ParenExpr{X: qualify(x.X, pkg)}
	case *ast.ArrayType:
		return &ast.ArrayType{Len: x.Len, Elt: qualify(x.Elt, pkg)}
	case *ast.Ellipsis:
		return &ast.Ellipsis{Elt: qualify(x.Elt, pkg)}
	case *ast.MapType:
		return &ast.MapType{Key: qualify(x.Key, pkg), Value: qualify(x.Value, pkg)}
	case *ast.ChanType:
		return &ast.ChanType{Dir: x.Dir, Value: qualify(x.Value, pkg)}
	case *ast.IndexExpr:
		return &ast.IndexExpr{X: qualify(x.X, pkg), Index: qualify(x.Index, pkg)}
	case *ast.FuncType:
		return &ast.FuncType{TypeParams: x.TypeParams, Params: qualifyFields(x.Params, pkg), Results: qualifyFields(x.Results, pkg)}
	}
	return x
}

func qualifyFields(fl *ast.FieldList, pkg *libPackage) *ast.FieldList {
	if fl == nil {
		return nil
	}
	out := &ast.FieldList{}
	for _, f := range fl.List {
		out.List = append(out.List, &ast.Field{Names: f.Names, Type: qualify(f.Type, pkg)})
	}
	return out
}
