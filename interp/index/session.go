package index

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"strconv"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// decl is one name declared by a cell (at top level, or locally inside a
// function around the completion point). It is immutable once built.
type decl struct {
	name string
	kind data.Kind
	// typ is the declared type: the type of a var or const, the func type of
	// a func, the type expression of a type declaration. nil when it must be
	// inferred from value.
	typ ast.Expr
	// value is the initialiser; index is this name's position among the
	// left-hand names when value is a single multi-valued expression, else -1.
	value ast.Expr
	index int
	// rangeOf is set for range variables: index 0 is the key, 1 the value.
	rangeOf   ast.Expr
	path      string // import path for PackageKind; receiver type name for MethodKind
	doc       string
	signature string
	methods   map[string]*decl // for TypeKind: methods declared on it (MethodKind)
}

// session is an immutable snapshot of what earlier cells declared. Record
// builds a new snapshot and publishes it atomically, so readers never lock.
type session struct {
	imports map[string]*decl // package name → PackageKind decl
	decls   map[string]*decl // top-level names
}

func emptySession() *session {
	return &session{imports: map[string]*decl{}, decls: map[string]*decl{}}
}

// with returns a copy of s with the declarations of c added (later wins).
func (s *session) with(c *parsedCell, lib *library) *session {
	n := &session{imports: make(map[string]*decl, len(s.imports)+4), decls: make(map[string]*decl, len(s.decls)+8)}
	for k, v := range s.imports {
		n.imports[k] = v
	}
	for k, v := range s.decls {
		n.decls[k] = v
	}
	addCell(n.imports, n.decls, c, lib)
	return n
}

// addCell adds the imports and top-level declarations of c to the maps.
func addCell(imports, decls map[string]*decl, c *parsedCell, lib *library) {
	var methods []*decl
	for _, d := range c.decls.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				methods = append(methods, methodDecl(c.fset, d))
				continue
			}
			decls[d.Name.Name] = funcDecl(c.fset, d)
		case *ast.GenDecl:
			addGenDecl(imports, decls, c.fset, d, lib)
		}
	}
	for _, st := range c.body() {
		addStmt(decls, c.fset, st)
	}
	for _, m := range methods {
		addMethod(decls, m)
	}
}

// methodDecl describes a method; its path field holds the receiver type name.
func methodDecl(fset *token.FileSet, d *ast.FuncDecl) *decl {
	m := funcDecl(fset, d)
	m.kind = data.MethodKind
	if len(d.Recv.List) > 0 {
		m.path = recvTypeName(d.Recv.List[0].Type)
	}
	return m
}

func funcDecl(fset *token.FileSet, d *ast.FuncDecl) *decl {
	return &decl{name: d.Name.Name, kind: data.FuncKind, typ: d.Type, index: -1, doc: d.Doc.Text(), signature: funcSignature(fset, d)}
}

// addMethod attaches m to its receiver's type declaration (copied, so
// earlier snapshots stay unchanged).
func addMethod(decls map[string]*decl, m *decl) {
	name := m.path
	t, ok := decls[name]
	if !ok || t.kind != data.TypeKind {
		return
	}
	cp := *t
	cp.methods = make(map[string]*decl, len(t.methods)+1)
	for k, v := range t.methods {
		cp.methods[k] = v
	}
	cp.methods[m.name] = m
	decls[name] = &cp
}

func recvTypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func addGenDecl(imports, decls map[string]*decl, fset *token.FileSet, d *ast.GenDecl, lib *library) {
	var lastType ast.Expr
	var lastValues []ast.Expr
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.ImportSpec:
			addImport(imports, s, lib)
		case *ast.TypeSpec:
			decls[s.Name.Name] = &decl{
				name: s.Name.Name, kind: data.TypeKind, typ: s.Type, index: -1,
				doc: docOf(s.Doc, s.Comment, d.Doc), signature: "type " + nodeString(fset, s),
			}
		case *ast.ValueSpec:
			typ, values := s.Type, s.Values
			if d.Tok == token.CONST && typ == nil && len(values) == 0 {
				typ, values = lastType, lastValues // implicit repetition (iota)
			}
			lastType, lastValues = typ, values
			kind := data.VarKind
			if d.Tok == token.CONST {
				kind = data.ConstKind
			}
			for i, n := range s.Names {
				if n.Name == "_" {
					continue
				}
				nd := &decl{name: n.Name, kind: kind, typ: typ, index: -1, doc: docOf(s.Doc, s.Comment, d.Doc)}
				nd.value, nd.index = pick(values, i, len(s.Names))
				nd.signature = d.Tok.String() + " " + n.Name
				if typ != nil {
					nd.signature += " " + nodeString(fset, typ)
				}
				decls[n.Name] = nd
			}
		}
	}
}

// pick returns the initialiser of the i-th of n names.
func pick(values []ast.Expr, i, n int) (ast.Expr, int) {
	switch {
	case len(values) == n:
		return values[i], -1
	case len(values) == 1:
		return values[0], i
	}
	return nil, -1
}

func addImport(imports map[string]*decl, s *ast.ImportSpec, lib *library) {
	path, err := strconv.Unquote(s.Path.Value)
	if err != nil {
		return
	}
	name := ""
	if s.Name != nil {
		name = s.Name.Name
	}
	if name == "_" || name == "." {
		return
	}
	if name == "" {
		name = lib.packageName(path)
	}
	imports[name] = &decl{name: name, kind: data.PackageKind, path: path, index: -1, signature: "package " + name + " // import " + strconv.Quote(path)}
}

// addStmt adds the names a top-level statement of a cell declares.
func addStmt(decls map[string]*decl, fset *token.FileSet, st ast.Stmt) {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE {
			return
		}
		for i, l := range st.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			nd := &decl{name: id.Name, kind: data.VarKind, index: -1}
			nd.value, nd.index = pick(st.Rhs, i, len(st.Lhs))
			nd.signature = "var " + id.Name
			decls[id.Name] = nd
		}
	case *ast.DeclStmt:
		if gd, ok := st.Decl.(*ast.GenDecl); ok {
			addGenDecl(nil, decls, fset, gd, nil)
		}
	}
}

func docOf(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if t := g.Text(); t != "" {
			return t
		}
	}
	return ""
}

// funcSignature prints a function declaration without its body.
func funcSignature(fset *token.FileSet, d *ast.FuncDecl) string {
	cp := *d
	cp.Body, cp.Doc = nil, nil
	return nodeString(fset, &cp)
}

func nodeString(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&buf, fset, n); err != nil {
		return ""
	}
	return strings.TrimSpace(buf.String())
}
