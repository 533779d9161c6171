package index

import "go/ast"

// Operations on types: results, elements, keys, underlying types.

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
