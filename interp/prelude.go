package interp

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// A prelude is what earlier cells declared, as Go source the checker can see
// next to a new cell: the session's imports, every type declaration, func
// and method signatures (no bodies: go/types accepts a body-less function, and
// checking stays proportional to the number of names, not of lines), and a
// typed `var x T` for each variable a cell's statements declared. A later
// cell replaces an entry of the same name. The zero value is empty.
type prelude struct {
	imports []importSpec      // in session order
	decls   map[string]string // key ("f", "T", "T.m") -> source
	order   []string          // keys in first-declaration order
	// hidden imports that type strings of variables need: path -> alias
	hidden map[string]string
	// cached parse of the current prelude
	file *ast.File
}

// clone returns a copy of p, to restore if the cell it records fails.
func (p *prelude) clone() prelude {
	c := prelude{
		imports: append([]importSpec(nil), p.imports...),
		decls:   make(map[string]string, len(p.decls)),
		order:   append([]string(nil), p.order...),
		hidden:  make(map[string]string, len(p.hidden)),
	}
	for k, v := range p.decls {
		c.decls[k] = v
	}
	for k, v := range p.hidden {
		c.hidden[k] = v
	}
	return c
}

// set records decl under key, invalidating the cached parse.
func (p *prelude) set(key, src string) {
	if p.decls == nil {
		p.decls = make(map[string]string)
	}
	if _, ok := p.decls[key]; !ok {
		p.order = append(p.order, key)
	}
	p.decls[key] = src
	p.file = nil
}

// remove deletes the entry under key.
func (p *prelude) remove(key string) {
	if _, ok := p.decls[key]; !ok {
		return
	}
	delete(p.decls, key)
	for i, k := range p.order {
		if k == key {
			p.order = append(p.order[:i], p.order[i+1:]...)
			break
		}
	}
	p.file = nil
}

// get returns the source recorded under key.
func (p *prelude) get(key string) (string, bool) {
	s, ok := p.decls[key]
	return s, ok
}

// addImports records imports a cell added.
func (p *prelude) addImports(specs []importSpec) {
	if len(specs) > 0 {
		p.imports = append(p.imports, specs...)
		p.file = nil
	}
}

// parse returns the prelude as a parsed file in fset, omitting entries
// named in skip (the names a new cell declares at package level).
func (p *prelude) parse(fset *token.FileSet, skip map[string]bool) (*ast.File, error) {
	if p.file != nil && len(skip) == 0 {
		return p.file, nil
	}
	var b strings.Builder
	b.WriteString("package main\n")
	for _, s := range p.imports {
		b.WriteString("import " + s.String() + "\n")
	}
	aliases := make([]string, 0, len(p.hidden))
	for path, alias := range p.hidden {
		aliases = append(aliases, "import "+alias+" "+strconv.Quote(path)+"\n")
	}
	sort.Strings(aliases)
	b.WriteString(strings.Join(aliases, ""))
	for _, k := range p.order {
		if skip[k] {
			continue
		}
		b.WriteString(p.decls[k] + "\n")
	}
	f, err := parser.ParseFile(fset, "prelude", b.String(), parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	if len(skip) == 0 {
		p.file = f
	}
	return f, nil
}

// qualifier writes package-qualified type names for prelude sources: the
// session's import name when it has one, else a hidden alias.
func (p *prelude) qualifier(main *types.Package) types.Qualifier {
	return func(pkg *types.Package) string {
		if pkg == main {
			return ""
		}
		for _, s := range p.imports {
			if s.Path == pkg.Path() {
				if s.Name == "" {
					return pkg.Name()
				}
				return s.Name
			}
		}
		if p.hidden == nil {
			p.hidden = make(map[string]string)
		}
		a, ok := p.hidden[pkg.Path()]
		if !ok {
			a = "__gkp" + strconv.Itoa(len(p.hidden)) + "_" + pkg.Name()
			p.hidden[pkg.Path()] = a
			p.file = nil
		}
		return a
	}
}

// nodeSource prints node without positions.
func nodeSource(node any) string {
	var buf bytes.Buffer
	_ = printer.Fprint(&buf, token.NewFileSet(), node)
	return buf.String()
}

// funcSignature returns decl's source without its body.
func funcSignature(d *ast.FuncDecl) string {
	c := *d
	c.Body = nil
	c.Doc = nil
	return nodeSource(&c)
}

// declKey returns the prelude key of a package-level func, method or type.
func declKey(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	return recvTypeName(d.Recv.List[0].Type) + "." + d.Name.Name
}

// recvTypeName returns T for receivers T, *T, T[K], *T[K].
func recvTypeName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}
