package index

import (
	"go/ast"
	"go/types"
	"sort"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// symbol is one completion or inspection candidate.
type symbol struct {
	name      string
	kind      data.Kind
	typ       typeRef // value type of vars, fields and consts; func type of funcs and methods
	signature string
	doc       string
}

// namedType is a declared type of the session (sess) or of the library
// (lib, member), or the predeclared error type (isError).
type namedType struct {
	sess    *decl
	lib     *libPackage
	member  *data.Member
	isError bool
}

// definition is the type the named type is defined as, when it is stored as
// an expression (not for library structs and interfaces).
func (n namedType) definition() typeRef {
	switch {
	case n.sess != nil:
		return typeRef{expr: n.sess.typ}
	case n.member != nil && n.member.Type != "":
		return typeRef{expr: n.lib.typeExpr(n.member.Type), pkg: n.lib}
	}
	return typeRef{}
}

// named resolves a type expression naming a declared type.
func (e *env) named(t typeRef) (namedType, bool) {
	x := t.expr
	switch g := x.(type) {
	case *ast.IndexExpr:
		x = g.X
	case *ast.IndexListExpr:
		x = g.X
	}
	switch x := x.(type) {
	case *ast.Ident:
		if t.pkg == nil {
			if d := e.lookup(x.Name); d != nil {
				return namedType{sess: d}, d.kind == data.TypeKind
			}
		} else if m := t.pkg.members[x.Name]; m != nil {
			return namedType{lib: t.pkg, member: m}, m.Kind == data.TypeKind
		}
		return namedType{isError: true}, x.Name == "error"
	case *ast.SelectorExpr:
		q, ok := x.X.(*ast.Ident)
		if !ok {
			return namedType{}, false
		}
		p := e.packageOf(q.Name, t.pkg)
		if p == nil {
			return namedType{}, false
		}
		m := p.members[x.Sel.Name]
		return namedType{lib: p, member: m}, m != nil && m.Kind == data.TypeKind
	}
	return namedType{}, false
}

// members lists the fields and methods reachable with a selector on a
// value of type t (or *t), sorted by name.
func (e *env) members(t typeRef) []symbol {
	if !t.ok() || !e.enter() {
		return nil
	}
	defer e.leave()
	if p, ok := ast.Unparen(t.expr).(*ast.StarExpr); ok {
		t = typeRef{expr: p.X, pkg: t.pkg}
	}
	n, ok := e.named(t)
	if !ok {
		return dedupe(e.structural(t))
	}
	key := n.key()
	if out, done := e.memo[key]; done {
		return out
	}
	if e.memo == nil {
		e.memo = map[any][]symbol{}
	}
	e.memo[key] = nil
	out := dedupe(e.namedMembers(n))
	e.memo[key] = out
	return out
}

// key identifies the named type for memoisation.
func (n namedType) key() any {
	switch {
	case n.sess != nil:
		return n.sess
	case n.member != nil:
		return n.member
	}
	return "error"
}

func (e *env) namedMembers(n namedType) []symbol {
	switch {
	case n.isError:
		return []symbol{{name: "Error", kind: data.MethodKind, typ: typeRef{expr: mustType("func() string")}, signature: "func Error() string"}}
	case n.member != nil:
		return libMembers(n.lib, n.member)
	}
	var out []symbol
	for _, m := range n.sess.methods {
		out = append(out, symbol{name: m.name, kind: data.MethodKind, typ: typeRef{expr: m.typ}, signature: m.signature, doc: m.doc})
	}
	def := e.underlying(typeRef{expr: n.sess.typ})
	if dn, ok := e.named(def); ok && dn.member != nil {
		// Defined from a library struct or interface: its fields, or its methods.
		for _, s := range libMembers(dn.lib, dn.member) {
			if s.kind == data.FieldKind || len(dn.member.Fields) == 0 {
				out = append(out, s)
			}
		}
		return out
	}
	return append(out, e.structural(def)...)
}

func libMembers(p *libPackage, m *data.Member) []symbol {
	out := make([]symbol, 0, len(m.Fields)+len(m.Methods))
	for _, f := range m.Fields {
		out = append(out, symbol{name: f.Name, kind: data.FieldKind, typ: typeRef{expr: p.typeExpr(f.Type), pkg: p}, signature: "field " + f.Name + " " + f.Type, doc: f.Doc})
	}
	for _, f := range m.Methods {
		out = append(out, symbol{name: f.Name, kind: data.MethodKind, typ: typeRef{expr: p.typeExpr(f.Type), pkg: p}, signature: f.Signature, doc: f.Doc})
	}
	return out
}

// structural lists the members of a struct or interface type literal,
// promoted ones included.
func (e *env) structural(t typeRef) []symbol {
	var out []symbol
	switch x := t.expr.(type) {
	case *ast.StructType:
		var promoted []symbol
		for _, f := range x.Fields.List {
			doc := docOf(f.Doc, f.Comment)
			if len(f.Names) == 0 { // embedded
				name := recvTypeName(f.Type)
				if sel, ok := ast.Unparen(f.Type).(*ast.SelectorExpr); ok {
					name = sel.Sel.Name
				}
				out = append(out, field(name, f.Type, t.pkg, doc))
				promoted = append(promoted, e.members(typeRef{expr: f.Type, pkg: t.pkg})...)
				continue
			}
			for _, n := range f.Names {
				out = append(out, field(n.Name, f.Type, t.pkg, doc))
			}
		}
		out = append(out, promoted...) // after: shallower names win in dedupe
	case *ast.InterfaceType:
		for _, f := range x.Methods.List {
			if len(f.Names) == 0 {
				out = append(out, e.members(typeRef{expr: f.Type, pkg: t.pkg})...)
				continue
			}
			for _, n := range f.Names {
				out = append(out, symbol{name: n.Name, kind: data.MethodKind, typ: typeRef{expr: f.Type, pkg: t.pkg},
					signature: "func " + n.Name + trimFunc(types.ExprString(f.Type)), doc: docOf(f.Doc, f.Comment)})
			}
		}
	}
	return out
}

func field(name string, typ ast.Expr, pkg *libPackage, doc string) symbol {
	return symbol{name: name, kind: data.FieldKind, typ: typeRef{expr: typ, pkg: pkg}, signature: "field " + name + " " + types.ExprString(typ), doc: doc}
}

func trimFunc(s string) string {
	if len(s) >= 4 && s[:4] == "func" {
		return s[4:]
	}
	return s
}

// dedupe sorts by name and keeps the first symbol of each name.
func dedupe(in []symbol) []symbol {
	seen := make(map[string]bool, len(in))
	out := in[:0]
	for _, s := range in {
		if s.name == "" || seen[s.name] {
			continue
		}
		seen[s.name] = true
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}
