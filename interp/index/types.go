package index

import (
	"go/ast"
	"go/token"

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

// declType returns the type of a var, const or func declared in the session scope.
func (e *env) declType(d *decl) typeRef {
	if !e.enter() {
		return typeRef{}
	}
	defer e.leave()
	switch {
	case d.kind == data.TypeKind || d.kind == data.PackageKind:
		return typeRef{}
	case d.typ != nil:
		return typeRef{expr: d.typ}
	case d.rangeOf != nil:
		return e.rangeType(e.typeOf(d.rangeOf), d.index)
	case d.value != nil:
		return e.typeAt(d.value, d.index)
	}
	return typeRef{}
}

// typeAt is the type of the index-th value of a multi-valued expression
// (index < 0: the expression's single value).
func (e *env) typeAt(x ast.Expr, index int) typeRef {
	if index < 0 {
		return e.typeOf(x)
	}
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		return e.callType(call, index)
	}
	if index == 0 {
		return e.typeOf(x) // v, ok := m[k] / x.(T) / <-ch
	}
	return universal("bool")
}

// typeOf infers the type of a value expression of the session scope.
func (e *env) typeOf(x ast.Expr) typeRef {
	if !e.enter() {
		return typeRef{}
	}
	defer e.leave()
	switch x := x.(type) {
	case *ast.ParenExpr:
		return e.typeOf(x.X)
	case *ast.BasicLit:
		return universal(map[token.Token]string{token.INT: "int", token.FLOAT: "float64", token.IMAG: "complex128", token.CHAR: "rune", token.STRING: "string"}[x.Kind])
	case *ast.Ident:
		return e.identType(x.Name)
	case *ast.CompositeLit:
		return typeRef{expr: x.Type}
	case *ast.FuncLit:
		return typeRef{expr: x.Type}
	case *ast.UnaryExpr:
		return e.unaryType(x)
	case *ast.StarExpr:
		return e.elem(e.typeOf(x.X))
	case *ast.BinaryExpr:
		return e.binaryType(x)
	case *ast.CallExpr:
		return e.callType(x, 0)
	case *ast.SelectorExpr:
		return e.selectorType(x)
	case *ast.IndexExpr:
		return e.indexType(e.typeOf(x.X))
	case *ast.SliceExpr:
		return e.typeOf(x.X)
	case *ast.TypeAssertExpr:
		return typeRef{expr: x.Type}
	}
	return typeRef{}
}

func (e *env) identType(name string) typeRef {
	if d := e.lookup(name); d != nil {
		return e.declType(d)
	}
	switch name {
	case "true", "false":
		return universal("bool")
	}
	return typeRef{}
}

func (e *env) unaryType(x *ast.UnaryExpr) typeRef {
	t := e.typeOf(x.X)
	switch x.Op {
	case token.AND:
		if t.ok() {
			return typeRef{expr: &ast.StarExpr{X: t.expr}, pkg: t.pkg}
		}
	case token.ARROW:
		return e.elem(t)
	case token.NOT:
		return universal("bool")
	}
	return t
}

func (e *env) binaryType(x *ast.BinaryExpr) typeRef {
	switch x.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
		return universal("bool")
	case token.SHL, token.SHR:
		return e.typeOf(x.X)
	}
	if _, lit := ast.Unparen(x.X).(*ast.BasicLit); lit {
		return e.typeOf(x.Y)
	}
	return e.typeOf(x.X)
}

// callType is the type of the index-th result of a call (or of a conversion).
func (e *env) callType(call *ast.CallExpr, index int) typeRef {
	if t, ok := e.builtinCall(call); ok {
		return t
	}
	if e.isType(call.Fun) {
		return typeRef{expr: call.Fun}
	}
	fun := call.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok { // explicit instantiation f[T](...)
		fun = ix.X
	}
	ft := e.typeOf(fun)
	res := e.results(ft)
	if index < len(res) {
		return res[index]
	}
	return typeRef{}
}

func (e *env) builtinCall(call *ast.CallExpr) (typeRef, bool) {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || e.lookup(id.Name) != nil {
		return typeRef{}, false
	}
	arg := func() ast.Expr {
		if len(call.Args) > 0 {
			return call.Args[0]
		}
		return nil
	}
	switch id.Name {
	case "new":
		if a := arg(); a != nil {
			return typeRef{expr: &ast.StarExpr{X: a}}, true
		}
	case "make":
		return typeRef{expr: arg()}, true
	case "append", "min", "max":
		if a := arg(); a != nil {
			return e.typeOf(a), true
		}
	case "len", "cap", "copy":
		return universal("int"), true
	case "real", "imag":
		return universal("float64"), true
	case "complex":
		return universal("complex128"), true
	case "recover":
		return universal("any"), true
	}
	return typeRef{}, false
}

// isType reports whether x (of the session scope) denotes a type.
func (e *env) isType(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		return true
	case *ast.StarExpr:
		return e.isType(x.X)
	case *ast.Ident:
		if d := e.lookup(x.Name); d != nil {
			return d.kind == data.TypeKind
		}
		return isBuiltinType(x.Name)
	case *ast.SelectorExpr:
		if q, ok := x.X.(*ast.Ident); ok {
			if d := e.lookup(q.Name); d == nil || d.kind == data.PackageKind {
				if p := e.packageOf(q.Name, nil); p != nil {
					m := p.members[x.Sel.Name]
					return m != nil && m.Kind == data.TypeKind
				}
			}
		}
	case *ast.IndexExpr:
		return e.isType(x.X)
	case *ast.IndexListExpr:
		return e.isType(x.X)
	}
	return false
}

// selectorType is the type of pkg.Name or value.Field / value.Method.
func (e *env) selectorType(x *ast.SelectorExpr) typeRef {
	if q, ok := x.X.(*ast.Ident); ok {
		if d := e.lookup(q.Name); d == nil || d.kind == data.PackageKind {
			if p := e.packageOf(q.Name, nil); p != nil {
				if m := p.members[x.Sel.Name]; m != nil && m.Kind != data.TypeKind {
					return typeRef{expr: p.typeExpr(m.Type), pkg: p}
				}
				return typeRef{}
			}
		}
	}
	for _, m := range e.members(e.typeOf(x.X)) {
		if m.name == x.Sel.Name {
			return m.typ
		}
	}
	return typeRef{}
}

// results lists the result types of a function type.
func (e *env) results(ft typeRef) []typeRef {
	f, ok := e.underlying(ft).expr.(*ast.FuncType)
	if !ok || f.Results == nil {
		return nil
	}
	var out []typeRef
	for _, r := range f.Results.List {
		n := max(len(r.Names), 1)
		for range n {
			out = append(out, typeRef{expr: r.Type, pkg: ft.pkg})
		}
	}
	return out
}

// elem is the element type of a pointer or channel.
func (e *env) elem(t typeRef) typeRef {
	switch u := e.underlying(t); x := u.expr.(type) {
	case *ast.StarExpr:
		return typeRef{expr: x.X, pkg: u.pkg}
	case *ast.ChanType:
		return typeRef{expr: x.Value, pkg: u.pkg}
	}
	return typeRef{}
}

// indexType is the type of t[i].
func (e *env) indexType(t typeRef) typeRef {
	u := e.underlying(t)
	if p, ok := u.expr.(*ast.StarExpr); ok { // pointer to array
		u = e.underlying(typeRef{expr: p.X, pkg: u.pkg})
	}
	switch x := u.expr.(type) {
	case *ast.ArrayType:
		return typeRef{expr: x.Elt, pkg: u.pkg}
	case *ast.MapType:
		return typeRef{expr: x.Value, pkg: u.pkg}
	case *ast.Ident:
		if x.Name == "string" {
			return universal("byte")
		}
	}
	return typeRef{}
}

// rangeType is the type of the key (index 0) or value (index 1) of range over t.
func (e *env) rangeType(t typeRef, index int) typeRef {
	u := e.underlying(t)
	if p, ok := u.expr.(*ast.StarExpr); ok {
		u = e.underlying(typeRef{expr: p.X, pkg: u.pkg})
	}
	switch x := u.expr.(type) {
	case *ast.ArrayType:
		if index == 0 {
			return universal("int")
		}
		return typeRef{expr: x.Elt, pkg: u.pkg}
	case *ast.MapType:
		if index == 0 {
			return typeRef{expr: x.Key, pkg: u.pkg}
		}
		return typeRef{expr: x.Value, pkg: u.pkg}
	case *ast.ChanType:
		return typeRef{expr: x.Value, pkg: u.pkg}
	case *ast.Ident:
		switch {
		case x.Name == "string" && index == 0:
			return universal("int")
		case x.Name == "string":
			return universal("rune")
		case isIntegerType(x.Name):
			return u
		}
	}
	return typeRef{}
}

// underlying follows named types to their definitions. For named struct and
// interface types of the library (whose definitions are not stored as
// expressions) it returns the named type itself.
func (e *env) underlying(t typeRef) typeRef {
	for range maxDepth {
		switch x := t.expr.(type) {
		case *ast.ParenExpr:
			t.expr = x.X
			continue
		case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
			n, ok := e.named(t)
			if !ok {
				return t
			}
			next := n.definition()
			if !next.ok() {
				return t
			}
			t = next
			continue
		}
		return t
	}
	return typeRef{}
}
