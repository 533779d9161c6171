package index

import (
	"go/ast"
	"go/token"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// Type inference: the type of a value expression, without a type checker.

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
