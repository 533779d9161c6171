package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// typeOf returns the type go/types recorded for e, or nil.
func (r *rewriter) typeOf(e ast.Expr) types.Type {
	if r.info == nil || r.info.Types == nil {
		return nil
	}
	if tv, ok := r.info.Types[e]; ok {
		return tv.Type
	}
	return nil
}

// isConst reports whether e is a constant expression: from the type
// information when present, else from its syntax (literals, nil, true,
// false, iota and operators over them).
func (r *rewriter) isConst(e ast.Expr) bool {
	if r.info != nil && r.info.Types != nil {
		if tv, ok := r.info.Types[e]; ok {
			return tv.Value != nil || tv.IsNil()
		}
	}
	switch e := unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		switch e.Name {
		case "nil", "true", "false", "iota":
			return true
		}
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && e.Op != token.AND && r.isConst(e.X)
	case *ast.BinaryExpr:
		return r.isConst(e.X) && r.isConst(e.Y)
	}
	return false
}

// objectOf returns the object an identifier denotes, or nil.
func (r *rewriter) objectOf(id *ast.Ident) types.Object {
	if r.info == nil {
		return nil
	}
	return r.info.ObjectOf(id)
}

// typeString prints t as the cell can spell it: types of the cell's own
// package unqualified, imported packages by the name the cell imports them
// under (from the file's imports, else from any use in the cell, else the
// package's own name, as an earlier cell would have imported it).
func (r *rewriter) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == r.pkg {
			return ""
		}
		return r.importName(p)
	})
}

// cellPackage returns the package the cell's declarations belong to: that
// of any object the cell defines, else of any object it uses from a package
// it does not import.
func cellPackage(info *types.Info) *types.Package {
	if info == nil {
		return nil
	}
	for _, obj := range info.Defs {
		if obj != nil && obj.Pkg() != nil {
			return obj.Pkg()
		}
	}
	imported := map[*types.Package]bool{}
	for _, obj := range info.Uses {
		if pn, ok := obj.(*types.PkgName); ok {
			imported[pn.Imported()] = true
		}
	}
	for _, obj := range info.Uses {
		if _, ok := obj.(*types.PkgName); !ok && obj.Pkg() != nil && !imported[obj.Pkg()] {
			return obj.Pkg()
		}
	}
	return nil
}

// importName returns the name under which the cell refers to package p.
//
// The file's import declarations are read rather than file.Imports, which a
// caller may have cleared; uses are looked up in the file only, because the
// type information may also cover other files (the session's prelude, whose
// import names the cell cannot see), and the smallest name is taken, so the
// answer does not depend on map order.
func (r *rewriter) importName(p *types.Package) string {
	for _, d := range r.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			im := sp.(*ast.ImportSpec)
			if im.Path.Value[1:len(im.Path.Value)-1] != p.Path() {
				continue
			}
			if im.Name == nil {
				return p.Name()
			}
			if im.Name.Name != "_" && im.Name.Name != "." {
				return im.Name.Name
			}
		}
	}
	best := ""
	if r.info != nil {
		for id, obj := range r.info.Uses {
			if id.Pos() < r.file.Pos() || id.Pos() > r.file.End() {
				continue
			}
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported() == p && (best == "" || id.Name < best) {
				best = id.Name
			}
		}
	}
	if best != "" {
		return best
	}
	return p.Name()
}

// parseType parses a type printed by typeString.
func parseType(s string) ast.Expr {
	e, err := parser.ParseExpr(s)
	if err != nil {
		panic("rewrite: printed type does not parse: " + s + ": " + err.Error())
	}
	clearPos(e)
	return e
}

// typeExpr returns t as syntax the cell can use.
func (r *rewriter) typeExpr(t types.Type) ast.Expr {
	return parseType(r.typeString(t))
}
