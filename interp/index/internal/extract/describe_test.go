package extract

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

func fixture(t *testing.T) *data.Package {
	t.Helper()
	root, err := filepath.Abs("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Config{GOROOT: goroot(t), RepoRoot: root, ModulePath: "example.com/m"})
	p, err := l.Describe("example.com/m/p")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func member(t *testing.T, p *data.Package, name string) data.Member {
	t.Helper()
	for _, m := range p.Members {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("%s has no member %s", p.Path, name)
	return data.Member{}
}

// TestDescribe loads the fixture once (type-checking its imports from
// source takes a few seconds) and checks it in subtests.
func TestDescribe(t *testing.T) {
	p := fixture(t)
	t.Run("exported only", func(t *testing.T) { testExportedOnly(t, p) })
	t.Run("promoted members", func(t *testing.T) { testPromotedMembers(t, p) })
	t.Run("signatures and docs", func(t *testing.T) { testSignaturesAndDocs(t, p) })
}

func testExportedOnly(t *testing.T, p *data.Package) {
	var names []string
	for _, m := range p.Members {
		names = append(names, m.Name)
	}
	want := []string{"Alias", "Green", "Inner", "Map", "Outer", "Pair", "Reader", "Red", "Sources"}
	if !slices.Equal(names, want) {
		t.Errorf("members = %v, want %v (sorted, exported only)", names, want)
	}
	if p.Name != "p" || !strings.HasPrefix(p.Doc, "Package p is a test fixture") {
		t.Errorf("package = %q, doc %q", p.Name, p.Doc)
	}
}

func testPromotedMembers(t *testing.T, p *data.Package) {
	o := member(t, p, "Outer")
	var fields, methods []string
	for _, f := range o.Fields {
		fields = append(fields, f.Name+" "+f.Type)
	}
	for _, m := range o.Methods {
		methods = append(methods, m.Name)
	}
	if want := []string{"Builder *strings.Builder", "Depth int", "Inner Inner", "Name string"}; !slices.Equal(fields, want) {
		t.Errorf("Outer fields = %v, want %v", fields, want)
	}
	for _, m := range []string{"Deepen", "Size", "WriteString", "Len"} {
		if !slices.Contains(methods, m) {
			t.Errorf("Outer methods = %v, miss %s", methods, m)
		}
	}
	for _, f := range o.Fields {
		if f.Name == "Depth" && f.Doc != "Depth is promoted.\n" {
			t.Errorf("Depth doc = %q", f.Doc)
		}
		if f.Name == "Name" && f.Doc != "Name is a field.\n" {
			t.Errorf("Name doc (trailing comment) = %q", f.Doc)
		}
	}
}

func testSignaturesAndDocs(t *testing.T, p *data.Package) {
	tests := []struct{ name, sig, doc string }{
		{"Map", "func Map[T, U any](xs []T, f func(T) U) []U", "Map applies f.\n"},
		{"Pair", "type Pair[K comparable, V any] struct{ ... }", "Pair is generic.\n"},
		{"Green", "const Green untyped int = 1", "Colors of things.\n"},
		{"Alias", "type Alias = Outer", "Alias is another name.\n"},
		{"Sources", "func Sources(a *rand.Rand, b *rand2.Rand) *rand.Rand", "Sources uses two packages named rand.\n"},
		{"Reader", "var Reader io.Reader", "Reader reads nothing.\n"},
	}
	for _, tt := range tests {
		m := member(t, p, tt.name)
		if m.Signature != tt.sig || m.Doc != tt.doc {
			t.Errorf("%s = %q / %q, want %q / %q", tt.name, m.Signature, m.Doc, tt.sig, tt.doc)
		}
	}
	imports := map[string]string{}
	for _, im := range p.Imports {
		imports[im.Name] = im.Path
	}
	if imports["rand"] != "math/rand" || imports["rand2"] != "math/rand/v2" || imports["io"] != "io" || imports["strings"] != "strings" {
		t.Errorf("imports = %v, want the qualifiers used in type strings", p.Imports)
	}
}

func TestDescribeBuiltin(t *testing.T) {
	b, err := DescribeBuiltin(goroot(t))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]data.Member{}
	for _, m := range b.Members {
		have[m.Name] = m
	}
	if m := have["append"]; m.Kind != data.FuncKind || !strings.Contains(m.Doc, "appends elements") {
		t.Errorf("append = %+v", m)
	}
	for _, name := range []string{"len", "error", "int", "nil", "true", "any"} {
		if _, ok := have[name]; !ok {
			t.Errorf("builtin misses %s", name)
		}
	}
	if _, ok := have["Type"]; ok {
		t.Error("builtin keeps the placeholder Type")
	}
}

func TestStdlibPaths(t *testing.T) {
	paths, err := StdlibPaths(goroot(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"fmt", "net/http", "encoding/json"} {
		if !slices.Contains(paths, p) {
			t.Errorf("StdlibPaths misses %s", p)
		}
	}
	for _, p := range paths {
		if strings.Contains(p, "internal") || strings.HasPrefix(p, "cmd/") || strings.Contains(p, "testdata") || strings.Contains(p, "vendor") {
			t.Errorf("StdlibPaths lists %s", p)
		}
	}
}
