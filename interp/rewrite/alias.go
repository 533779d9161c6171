package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// funcAlias works around a yaegi v0.16.1 bug with aliases of function types
// (runtime's `type TaskFunc = func(ctx context.Context) (any, error)`): a
// cell function whose parameter or result is declared with the alias and
// that returns a function literal hands host code a value it cannot call
// ("reflect.Set: value of type *interp.node is not assignable to type
// func(context.Context) (interface {}, error)"). Spelled as the function
// type itself, the same code works, so every use of such an alias becomes
// the type it stands for:
//
//	func wrap(fn rt.TaskFunc) rt.TaskFunc  →  func wrap(fn func(ctx context.Context) (any, error)) func(ctx context.Context) (any, error)
//
// It needs type information, and leaves the alias alone when the function
// type mentions a package the cell's file does not import (it could not
// be named).
func (r *rewriter) funcAlias(e ast.Expr) ast.Expr {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	tn, ok := r.info.Uses[id].(*types.TypeName)
	if !ok || !tn.IsAlias() || tn.Pkg() == nil {
		return nil
	}
	sig, ok := types.Unalias(tn.Type()).(*types.Signature)
	if !ok || sig.TypeParams().Len() > 0 {
		return nil
	}
	src, ok := r.fileTypeString(sig)
	if !ok {
		return nil
	}
	return parseType(src)
}

// fileTypeString prints t with the names the file's own import
// declarations give packages; ok is false when t mentions a package the
// file does not import (or imports as _ or .).
func (r *rewriter) fileTypeString(t types.Type) (string, bool) {
	names := map[string]string{}
	for _, d := range r.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			p, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				continue
			}
			names[p] = ""
			if is.Name != nil {
				names[p] = is.Name.Name
			}
		}
	}
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == r.pkg {
			return ""
		}
		name, found := names[p.Path()]
		switch {
		case !found || name == "_" || name == ".":
			ok = false
		case name == "":
			name = p.Name()
		}
		return name
	})
	return s, ok
}
