package rewrite

import (
	"go/ast"
	"go/types"
)

// rewriteCalls rewrites calls of builtins and library functions that yaegi
// v0.16.1 lacks or gets wrong (min, max, clear, errors.As/Is/Unwrap, and the
// generic standard library listed in the package documentation), the type
// atomic.Pointer[T], and method values and expressions of cell types. It needs
// type information to know what a name denotes; without it only clear is
// rewritten, when the cell does not declare a clear of its own.
func (r *rewriter) rewriteCalls() {
	called := map[ast.Expr]bool{}
	ast.Inspect(r.file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			called[unparen(c.Fun)] = true
		}
		return true
	})
	replaceExprs(r.file, func(e ast.Expr) ast.Expr {
		if ix, ok := e.(*ast.IndexExpr); ok {
			return r.atomicPointer(ix)
		}
		if r.info != nil {
			if out := r.funcAlias(e); out != nil {
				return out
			}
		}
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if out := r.methodValue(sel, called); out != nil {
				return out
			}
			return e
		}
		c, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		if ft, ok := c.Fun.(*ast.FuncType); ok { // a conversion to a replaced alias
			c.Fun = &ast.ParenExpr{X: ft}
		}
		if out := r.rewriteCall(c); out != nil {
			return out
		}
		return e
	})
}

func (r *rewriter) rewriteCall(c *ast.CallExpr) ast.Expr {
	switch fun := unparen(c.Fun).(type) {
	case *ast.Ident:
		return r.rewriteBuiltin(c, fun)
	case *ast.SelectorExpr:
		pkg, ok := unparen(fun.X).(*ast.Ident)
		if !ok {
			return nil
		}
		path := r.packagePath(pkg)
		if path == "" {
			return nil
		}
		if rw := libraryRewrites[path+"."+fun.Sel.Name]; rw != nil {
			return rw(r, c, pkg)
		}
	}
	return nil
}

// packagePath returns the import path of the package id names, or "".
func (r *rewriter) packagePath(id *ast.Ident) string {
	if r.info == nil {
		return ""
	}
	pn, ok := r.objectOf(id).(*types.PkgName)
	if !ok {
		return ""
	}
	return pn.Imported().Path()
}

// isBuiltin reports whether id denotes the builtin of that name. Without
// type information, it does unless the file declares the name itself.
func (r *rewriter) isBuiltin(id *ast.Ident) bool {
	if obj := r.objectOf(id); obj != nil {
		_, ok := obj.(*types.Builtin)
		return ok
	}
	if r.info != nil {
		return false
	}
	return !r.fileDeclares(id.Name)
}

// fileDeclares reports whether the file declares name at any level.
func (r *rewriter) fileDeclares(name string) bool {
	found := false
	ast.Inspect(r.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			found = found || n.Recv == nil && n.Name.Name == name
		case *ast.ValueSpec:
			for _, id := range n.Names {
				found = found || id.Name == name
			}
		case *ast.TypeSpec:
			found = found || n.Name.Name == name
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				found = found || ok && id.Name == name
			}
		}
		return !found
	})
	return found
}

// atomicPointer replaces the generic type atomic.Pointer[T] (absent from
// yaegi's sync/atomic) with the prelude's generic type of the same methods
// (Load, Store, Swap, CompareAndSwap), guarded by a mutex.
func (r *rewriter) atomicPointer(ix *ast.IndexExpr) ast.Expr {
	sel, ok := ix.X.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Pointer" {
		return ix
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || r.packagePath(pkg) != "sync/atomic" {
		return ix
	}
	ix.X = ast.NewIdent(r.helpers + "_AtomicPointer")
	return ix
}
