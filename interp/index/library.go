package index

import (
	"embed"
	"go/ast"
	"go/parser"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// embedded holds the generated index (see generate.go). It is read-only
// data, so being package-level is harmless.
//
//go:embed data
var embedded embed.FS

// library gives access to the generated descriptions of the standard library
// and of the packages exported to cells. Everything is decoded on first use
// and then cached; all methods are safe for concurrent use.
type library struct {
	fsys fs.FS

	once    sync.Once
	infos   []data.PackageInfo // sorted by path
	byPath  map[string]*libEntry
	byName  map[string][]string // package name → paths, shortest first
	loadErr error

	builtinOnce sync.Once
	builtinPkg  *libPackage
}

type libEntry struct {
	info data.PackageInfo
	once sync.Once
	pkg  *libPackage
}

// libPackage is a decoded package with lookup maps.
type libPackage struct {
	*data.Package
	members map[string]*data.Member
	imports map[string]string // qualifier → path

	typesMu sync.Mutex
	types   map[string]ast.Expr // parsed type strings
}

func newLibrary(fsys fs.FS) *library {
	return &library{fsys: fsys}
}

func (l *library) load() {
	l.once.Do(func() {
		l.byPath = map[string]*libEntry{}
		l.byName = map[string][]string{}
		b, err := fs.ReadFile(l.fsys, data.ManifestFile)
		if err != nil {
			l.loadErr = err
			return
		}
		var m data.Manifest
		if err := data.Decode(b, &m); err != nil {
			l.loadErr = err
			return
		}
		l.infos = m.Packages
		for _, info := range m.Packages {
			l.byPath[info.Path] = &libEntry{info: info}
			l.byName[info.Name] = append(l.byName[info.Name], info.Path)
		}
		for _, ps := range l.byName {
			sort.Slice(ps, func(i, j int) bool {
				if len(ps[i]) != len(ps[j]) {
					return len(ps[i]) < len(ps[j])
				}
				return ps[i] < ps[j]
			})
		}
	})
}

// packages returns the manifest entries, sorted by path.
func (l *library) packages() []data.PackageInfo {
	l.load()
	return l.infos
}

// info returns the manifest entry of an import path.
func (l *library) info(p string) (data.PackageInfo, bool) {
	l.load()
	e, ok := l.byPath[p]
	if !ok {
		return data.PackageInfo{}, false
	}
	return e.info, true
}

// packageName returns the declared name of an import path, or its last
// element when the package is unknown.
func (l *library) packageName(p string) string {
	if l != nil {
		if info, ok := l.info(p); ok {
			return info.Name
		}
	}
	return path.Base(p)
}

// pathsNamed returns the import paths of packages with the given name.
func (l *library) pathsNamed(name string) []string {
	l.load()
	return l.byName[name]
}

// pkg returns the decoded package, or nil if it is not in the index.
func (l *library) pkg(p string) *libPackage {
	l.load()
	e, ok := l.byPath[p]
	if !ok {
		return nil
	}
	e.once.Do(func() {
		if dp, err := l.decode(e.info.File); err == nil {
			e.pkg = newLibPackage(dp)
		}
	})
	return e.pkg
}

// builtin returns the description of the predeclared identifiers, or nil.
func (l *library) builtin() *libPackage {
	l.builtinOnce.Do(func() {
		if dp, err := l.decode(data.BuiltinFile); err == nil {
			l.builtinPkg = newLibPackage(dp)
		}
	})
	return l.builtinPkg
}

func (l *library) decode(file string) (*data.Package, error) {
	b, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		return nil, err
	}
	var dp data.Package
	if err := data.Decode(b, &dp); err != nil {
		return nil, err
	}
	return &dp, nil
}

func newLibPackage(dp *data.Package) *libPackage {
	p := &libPackage{
		Package: dp,
		members: make(map[string]*data.Member, len(dp.Members)),
		imports: make(map[string]string, len(dp.Imports)),
		types:   map[string]ast.Expr{},
	}
	for i := range dp.Members {
		p.members[dp.Members[i].Name] = &dp.Members[i]
	}
	for _, im := range dp.Imports {
		p.imports[im.Name] = im.Path
	}
	return p
}

// typeExpr parses a type string of this package (cached).
func (p *libPackage) typeExpr(s string) ast.Expr {
	if s == "" {
		return nil
	}
	p.typesMu.Lock()
	defer p.typesMu.Unlock()
	if e, ok := p.types[s]; ok {
		return e
	}
	e, err := parser.ParseExpr(normalizeType(s))
	if err != nil {
		e = nil
	}
	p.types[s] = e
	return e
}

// normalizeType turns go/types spellings that are not Go syntax into
// syntax: untyped constant types become their default types and type
// parameter lists of generic function types are dropped.
func normalizeType(s string) string {
	if u, ok := strings.CutPrefix(s, "untyped "); ok {
		switch u {
		case "float":
			return "float64"
		case "complex":
			return "complex128"
		case "nil":
			return "any"
		}
		return u
	}
	if rest, ok := strings.CutPrefix(s, "func["); ok {
		depth := 1
		for i, c := range rest {
			switch c {
			case '[':
				depth++
			case ']':
				depth--
				if depth == 0 {
					return "func" + rest[i+1:]
				}
			}
		}
	}
	return s
}
