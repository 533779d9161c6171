package index

import (
	"go/ast"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// typeRef is a type expression together with the scope its names belong
// to: a library package, or (pkg == nil) the session and the cell.
type typeRef struct {
	expr ast.Expr
	pkg  *libPackage
}

func (t typeRef) ok() bool { return t.expr != nil }

func universal(name string) typeRef { return typeRef{expr: ast.NewIdent(name)} }

// env resolves names for one request: the cell's locals, the cell's own
// top-level declarations, the session, and the library. It is used by one
// goroutine and discarded after the request.
type env struct {
	lib         *library
	sess        *session
	cellImports map[string]*decl
	cellDecls   map[string]*decl
	locals      map[string]*decl
	depth       int // recursion guard for inference through declarations
	// memo holds the member lists of named types computed during this
	// request, keyed by *decl or *data.Member; a nil entry marks one in
	// progress. It stops cycles (type T struct{ T }) and the exponential
	// re-expansion of types embedded along several paths.
	memo map[any][]symbol
}

const maxDepth = 24

// lookup finds a name of the session scope, innermost first.
func (e *env) lookup(name string) *decl {
	for _, m := range []map[string]*decl{e.locals, e.cellDecls, e.sess.decls, e.cellImports, e.sess.imports} {
		if d, ok := m[name]; ok {
			return d
		}
	}
	return nil
}

// packageOf returns the library package a qualifier names in scope pkg.
func (e *env) packageOf(q string, pkg *libPackage) *libPackage {
	if pkg != nil {
		if p, ok := pkg.imports[q]; ok {
			return e.lib.pkg(p)
		}
		return nil
	}
	if d := e.lookup(q); d != nil {
		if d.kind == data.PackageKind {
			return e.lib.pkg(d.path)
		}
		return nil
	}
	// Not imported (yet): a package of that name, shortest path first.
	if ps := e.lib.pathsNamed(q); len(ps) > 0 {
		return e.lib.pkg(ps[0])
	}
	return nil
}

func (e *env) enter() bool {
	if e.depth >= maxDepth {
		return false
	}
	e.depth++
	return true
}

func (e *env) leave() { e.depth-- }
