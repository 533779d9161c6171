// Package extract builds the completion index data from Go source: it parses
// and type-checks packages of GOROOT/src and of the gokernel module with
// go/parser and go/types (no go/packages, no export data), and describes
// their exported API as data.Package values.
//
// It is used by `go generate ./interp/index` (package genindex) and by the
// index's staleness test. A Loader is not safe for concurrent use and owns no
// goroutines.
package extract

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Config says where sources live.
type Config struct {
	GOROOT     string // root of the Go tree; its src directory holds the standard library
	RepoRoot   string // directory of the module's go.mod
	ModulePath string // module path of RepoRoot, e.g. github.com/gokernel/gokernel
}

// Loader parses and type-checks packages on demand and caches them.
// The zero value is not usable; call NewLoader.
type Loader struct {
	cfg   Config
	ctxt  build.Context
	fset  *token.FileSet
	pkgs  map[string]*loaded
	docs  map[token.Pos]string // doc comment of every declared identifier, by position
	stack map[string]bool      // import cycle guard
}

type loaded struct {
	pkg   *types.Package
	files []*ast.File
	err   error
}

// NewLoader returns a Loader for cfg. Build constraints are evaluated for
// the host GOOS/GOARCH with cgo disabled (so pure-Go variants are described).
func NewLoader(cfg Config) *Loader {
	ctxt := build.Default
	ctxt.GOROOT = cfg.GOROOT
	ctxt.CgoEnabled = false
	return &Loader{
		cfg:   cfg,
		ctxt:  ctxt,
		fset:  token.NewFileSet(),
		pkgs:  map[string]*loaded{},
		docs:  map[token.Pos]string{},
		stack: map[string]bool{},
	}
}

// Import implements types.Importer.
func (l *Loader) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	lp := l.load(path)
	return lp.pkg, lp.err
}

func (l *Loader) load(path string) *loaded {
	if lp, ok := l.pkgs[path]; ok {
		return lp
	}
	if l.stack[path] {
		return &loaded{err: fmt.Errorf("extract: import cycle through %s", path)}
	}
	l.stack[path] = true
	defer delete(l.stack, path)
	lp := l.check(path)
	l.pkgs[path] = lp
	return lp
}

func (l *Loader) check(path string) *loaded {
	dir, err := l.dir(path)
	if err != nil {
		return &loaded{err: err}
	}
	bp, err := l.ctxt.ImportDir(dir, 0)
	if err != nil {
		return &loaded{err: fmt.Errorf("extract: %s: %w", path, err)}
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(l.fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return &loaded{err: fmt.Errorf("extract: %s: %w", path, err)}
		}
		l.collectDocs(f)
		files = append(files, f)
	}
	conf := types.Config{
		Importer:    l,
		FakeImportC: true,
		Sizes:       types.SizesFor("gc", l.ctxt.GOARCH),
		Error:       func(error) {}, // keep going: the API is what matters, not every body
	}
	pkg, _ := conf.Check(path, l.fset, files, nil)
	return &loaded{pkg: pkg, files: files}
}

// dir finds the source directory of an import path.
func (l *Loader) dir(path string) (string, error) {
	if path == l.cfg.ModulePath || strings.HasPrefix(path, l.cfg.ModulePath+"/") {
		return filepath.Join(l.cfg.RepoRoot, strings.TrimPrefix(path, l.cfg.ModulePath)), nil
	}
	for _, d := range []string{
		filepath.Join(l.cfg.GOROOT, "src", path),
		filepath.Join(l.cfg.GOROOT, "src", "vendor", path),
	} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, nil
		}
	}
	// A dependency of the module (e.g. golang.org/x/sync): ask the go command.
	cmd := exec.Command("go", "list", "-find", "-f", "{{.Dir}}", path)
	cmd.Dir = l.cfg.RepoRoot
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("extract: cannot find %s: %s", path, ee.Stderr)
		}
		return "", fmt.Errorf("extract: cannot find %s: %w", path, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// collectDocs remembers the doc comment of every declared identifier of f.
func (l *Loader) collectDocs(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			l.docs[d.Name.Pos()] = d.Doc.Text()
		case *ast.GenDecl:
			for _, s := range d.Specs {
				l.collectSpec(d, s)
			}
		}
	}
}

func (l *Loader) collectSpec(d *ast.GenDecl, s ast.Spec) {
	switch s := s.(type) {
	case *ast.TypeSpec:
		l.docs[s.Name.Pos()] = firstDoc(s.Doc, groupDoc(d))
		switch t := s.Type.(type) {
		case *ast.StructType:
			l.collectFields(t.Fields)
		case *ast.InterfaceType:
			l.collectFields(t.Methods)
		}
	case *ast.ValueSpec:
		for _, n := range s.Names {
			l.docs[n.Pos()] = firstDoc(s.Doc, s.Comment, d.Doc)
		}
	}
}

func (l *Loader) collectFields(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for _, n := range f.Names {
			l.docs[n.Pos()] = firstDoc(f.Doc, f.Comment)
		}
	}
}

// groupDoc is the declaration's doc when it documents a single spec.
func groupDoc(d *ast.GenDecl) *ast.CommentGroup {
	if len(d.Specs) == 1 {
		return d.Doc
	}
	return nil
}

func firstDoc(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if t := g.Text(); t != "" {
			return t
		}
	}
	return ""
}
