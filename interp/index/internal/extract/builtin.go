package extract

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// DescribeBuiltin describes the predeclared identifiers (len, append, int,
// error, nil, ...) from the documentation package GOROOT/src/builtin, which
// cannot be type-checked. Its placeholder types (Type, IntegerType, ...) are
// left out: only names of the universe scope are kept.
func DescribeBuiltin(goroot string) (*data.Package, error) {
	fset := token.NewFileSet()
	name := filepath.Join(goroot, "src", "builtin", "builtin.go")
	f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	out := &data.Package{Path: "builtin", Name: "builtin", Doc: f.Doc.Text()}
	add := func(m data.Member) {
		if types.Universe.Lookup(m.Name) != nil {
			out.Members = append(out.Members, m)
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			add(data.Member{Name: d.Name.Name, Kind: data.FuncKind, Signature: printNode(fset, &ast.FuncDecl{Name: d.Name, Type: d.Type}), Doc: d.Doc.Text()})
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					add(data.Member{Name: s.Name.Name, Kind: data.TypeKind, Signature: "type " + printNode(fset, s), Doc: firstDoc(s.Doc, groupDoc(d))})
				case *ast.ValueSpec:
					kind := data.VarKind
					if d.Tok == token.CONST {
						kind = data.ConstKind
					}
					for _, n := range s.Names {
						add(data.Member{Name: n.Name, Kind: kind, Signature: d.Tok.String() + " " + printNode(fset, s), Doc: firstDoc(s.Doc, s.Comment, d.Doc)})
					}
				}
			}
		}
	}
	sort.Slice(out.Members, func(i, j int) bool { return out.Members[i].Name < out.Members[j].Name })
	return out, nil
}

func printNode(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&buf, fset, n); err != nil {
		return ""
	}
	return strings.TrimSpace(buf.String())
}
