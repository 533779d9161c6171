package symbols

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// exported lists the exported package-level names of the package in dir
// (non-test files), as yaegi extract would.
func exported(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						if sp.Name.IsExported() {
							names = append(names, sp.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							if n.IsExported() {
								names = append(names, n.Name)
							}
						}
					}
				}
			}
		}
	}
	sort.Strings(names)
	return names
}

// TestTablesAreCurrent fails when a package's exported API changed and the
// tables were not regenerated (go generate ./interp/...).
func TestTablesAreCurrent(t *testing.T) {
	for _, p := range []struct{ key, dir string }{
		{"github.com/gokernel/gokernel/interp/display/display", "../display"},
		{"github.com/gokernel/gokernel/interp/input/input", "../input"},
		{"github.com/gokernel/gokernel/runtime/runtime", "../../runtime"},
	} {
		table, ok := Symbols[p.key]
		if !ok {
			t.Errorf("no table for %s", p.key)
			continue
		}
		var have []string
		for name := range table {
			if !strings.HasPrefix(name, "_") {
				have = append(have, name)
			}
		}
		sort.Strings(have)
		want := exported(t, p.dir)
		if strings.Join(have, " ") != strings.Join(want, " ") {
			t.Errorf("%s: table has %v,\nsource exports %v;\nrun go generate ./interp/...", p.key, have, want)
		}
	}
	if _, ok := Symbols["os/exec/exec"]["Cmd"]; !ok {
		t.Errorf("os/exec table lacks Cmd")
	}
}
