package index

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompleteRuntimeConstructors checks completion on values of gokernel's
// runtime package, with expectations read from its source: for every
// constructor `func NewX(...) *X`, `v := rt.NewX()` then `v.` lists X's
// exported methods (e.g. `t := rt.NewLoop()` then `t.`).
func TestCompleteRuntimeConstructors(t *testing.T) {
	methods, ctors := exportedAPI(t, "../../runtime")
	if len(ctors) == 0 {
		t.Skip("runtime has no constructors yet")
	}
	x := newSession(t, "import rt \"github.com/gokernel/gokernel/runtime\"")
	checked := 0
	for ctor, typ := range ctors {
		checked += len(methods[typ])
		c := complete(x, "v := rt."+ctor+"()\nv.|")
		if !hasAll(c.Matches, methods[typ]...) {
			t.Errorf("v := rt.%s(); v. = %v, want %v", ctor, c.Matches, methods[typ])
		}
	}
	if checked == 0 {
		t.Errorf("constructors %v have no methods to check", ctors)
	}
	c := complete(x, "rt.|")
	for ctor := range ctors {
		if !hasAll(c.Matches, ctor) {
			t.Errorf("rt. = %v, misses %s", c.Matches, ctor)
		}
	}
}

// exportedAPI parses a package directory: exported methods by receiver type
// name, and constructors NewX returning *X (or X) by name.
func exportedAPI(t *testing.T, dir string) (methods map[string][]string, ctors map[string]string) {
	t.Helper()
	methods, ctors = map[string][]string{}, map[string]string{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			continue // being edited
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			if fd.Recv != nil {
				recv := recvTypeName(fd.Recv.List[0].Type)
				methods[recv] = append(methods[recv], fd.Name.Name)
				continue
			}
			res := fd.Type.Results
			if res == nil || len(res.List) != 1 || fd.Type.TypeParams != nil {
				continue
			}
			if typ := recvTypeName(res.List[0].Type); strings.HasPrefix(fd.Name.Name, "New") && "New"+typ == fd.Name.Name {
				ctors[fd.Name.Name] = typ
			}
		}
	}
	return methods, ctors
}
