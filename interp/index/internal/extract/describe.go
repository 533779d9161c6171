package extract

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/types"
	"sort"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// Describe loads the package with the given import path and describes its
// exported API.
func (l *Loader) Describe(path string) (*data.Package, error) {
	lp := l.load(path)
	if lp.err != nil {
		return nil, lp.err
	}
	if lp.pkg == nil {
		return nil, fmt.Errorf("extract: %s: not type-checked", path)
	}
	d := &describer{l: l, self: lp.pkg, byPath: map[string]string{}, byName: map[string]string{}}
	out := &data.Package{Path: path, Name: lp.pkg.Name(), Doc: packageDoc(lp.files)}
	scope := lp.pkg.Scope()
	for _, name := range scope.Names() { // sorted
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		if m, ok := d.member(obj); ok {
			out.Members = append(out.Members, m)
		}
	}
	for name, p := range d.byName {
		out.Imports = append(out.Imports, data.Import{Name: name, Path: p})
	}
	sort.Slice(out.Imports, func(i, j int) bool { return out.Imports[i].Name < out.Imports[j].Name })
	return out, nil
}

// Synopsis returns the first sentence of a package doc.
func Synopsis(pkgDoc string) string {
	return new(doc.Package).Synopsis(pkgDoc)
}

func packageDoc(files []*ast.File) string {
	best := ""
	for _, f := range files {
		if t := f.Doc.Text(); len(t) > len(best) {
			best = t
		}
	}
	return best
}

// describer formats the objects of one package; it assigns the qualifiers
// used in type strings (package names, made unique when two differ).
type describer struct {
	l      *Loader
	self   *types.Package
	byPath map[string]string
	byName map[string]string
}

func (d *describer) qualify(p *types.Package) string {
	if p == d.self {
		return ""
	}
	if q, ok := d.byPath[p.Path()]; ok {
		return q
	}
	q := p.Name()
	for i := 2; d.byName[q] != "" || q == d.self.Name(); i++ {
		q = fmt.Sprintf("%s%d", p.Name(), i)
	}
	d.byPath[p.Path()], d.byName[q] = q, p.Path()
	return q
}

func (d *describer) typeString(t types.Type) string {
	return types.TypeString(t, d.qualify)
}

func (d *describer) member(obj types.Object) (data.Member, bool) {
	m := data.Member{Name: obj.Name(), Doc: d.l.docs[obj.Pos()]}
	switch obj := obj.(type) {
	case *types.Func:
		m.Kind = data.FuncKind
		m.Type = d.typeString(obj.Type())
		m.Signature = "func " + obj.Name() + strings.TrimPrefix(m.Type, "func")
	case *types.Var:
		m.Kind = data.VarKind
		m.Type = d.typeString(obj.Type())
		m.Signature = "var " + obj.Name() + " " + m.Type
	case *types.Const:
		m.Kind = data.ConstKind
		m.Type = d.typeString(obj.Type())
		m.Signature = "const " + obj.Name() + " " + m.Type + " = " + obj.Val().ExactString()
		if len(m.Signature) > 200 {
			m.Signature = m.Signature[:200] + "..."
		}
	case *types.TypeName:
		d.describeType(obj, &m)
	default:
		return m, false
	}
	return m, true
}

func (d *describer) describeType(obj *types.TypeName, m *data.Member) {
	m.Kind = data.TypeKind
	t := obj.Type()
	under := t.Underlying()
	head := "type " + obj.Name()
	if named, ok := t.(*types.Named); ok && named.TypeParams().Len() > 0 {
		head += d.typeParams(named.TypeParams())
	}
	if a, ok := t.(*types.Alias); ok {
		m.Type = d.typeString(a.Rhs())
		t = types.Unalias(t)
		m.Signature = head + " = " + m.Type
		m.Fields = d.fields(t)
		m.Methods = d.methods(t)
		return
	}
	switch u := under.(type) {
	case *types.Struct:
		m.Signature = head + " struct{ ... }"
		m.Fields = d.fields(t)
	case *types.Interface:
		var ms []string
		for i := 0; i < u.NumMethods(); i++ {
			f := u.Method(i)
			if f.Exported() {
				ms = append(ms, f.Name()+strings.TrimPrefix(d.typeString(f.Type()), "func"))
			}
		}
		m.Signature = head + " interface{ " + strings.Join(ms, "; ") + " }"
		if len(ms) == 0 {
			m.Signature = head + " interface{ ... }"
		}
	default:
		if m.Type == "" {
			m.Type = d.typeString(under)
		}
		m.Signature = head + " " + m.Type
	}
	m.Methods = d.methods(t)
}

func (d *describer) typeParams(tps *types.TypeParamList) string {
	var parts []string
	for i := 0; i < tps.Len(); i++ {
		tp := tps.At(i)
		parts = append(parts, tp.Obj().Name()+" "+d.typeString(tp.Constraint()))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// methods lists the exported method set of *T (of T for interfaces),
// promoted methods included, sorted by name.
func (d *describer) methods(t types.Type) []data.Method {
	mt := t
	if !types.IsInterface(t) {
		mt = types.NewPointer(t)
	}
	ms := types.NewMethodSet(mt)
	var out []data.Method
	for i := 0; i < ms.Len(); i++ {
		f, ok := ms.At(i).Obj().(*types.Func)
		if !ok || !f.Exported() {
			continue
		}
		sig := f.Type().(*types.Signature)
		typ := d.typeString(sig)
		recv := ""
		if r := sig.Recv(); r != nil && !types.IsInterface(r.Type()) {
			recv = "(" + strings.TrimSpace(r.Name()+" "+d.typeString(r.Type())) + ") "
		}
		out = append(out, data.Method{
			Name:      f.Name(),
			Type:      typ,
			Signature: "func " + recv + f.Name() + strings.TrimPrefix(typ, "func"),
			Doc:       d.l.docs[f.Pos()],
		})
	}
	return out
}

// fields lists the exported fields of a struct type, promoted ones included
// (shallower first, as Go resolves them), sorted by name.
func (d *describer) fields(t types.Type) []data.Field {
	seen := map[string]bool{}
	visited := map[types.Type]bool{}
	var out []data.Field
	level := []types.Type{t}
	for len(level) > 0 {
		var next []types.Type
		found := map[string]bool{}
		for _, lt := range level {
			if p, ok := lt.(*types.Pointer); ok {
				lt = p.Elem()
			}
			if visited[lt] {
				continue
			}
			visited[lt] = true
			st, ok := lt.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				if f.Embedded() {
					next = append(next, f.Type())
				}
				if !f.Exported() || seen[f.Name()] {
					continue
				}
				found[f.Name()] = true
				out = append(out, data.Field{Name: f.Name(), Type: d.typeString(f.Type()), Doc: d.l.docs[f.Pos()]})
			}
		}
		for n := range found {
			seen[n] = true
		}
		level = next
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
