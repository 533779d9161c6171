package interp

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
)

// A funcRecord is a function or method an earlier cell declared: the text
// that was evaluated and the package-level functions its body calls.
type funcRecord struct {
	text   string
	uses   map[string]bool
	method bool
}

// callers keeps every declared function's record, keyed like the prelude
// ("f", "T.m"). yaegi binds a call to the callee's definition when the
// caller is compiled, so redefining f leaves earlier callers calling the
// old f. The session re-evaluates those callers (functions: yaegi accepts a
// redefined function) and warns about methods (yaegi ignores a redefined
// method). The zero value is ready to use.
type callers struct {
	funcs map[string]funcRecord
}

// record stores the functions pc declared.
func (c *callers) record(pc *parsedCell, ck *checked) {
	if c.funcs == nil {
		c.funcs = make(map[string]funcRecord)
	}
	for _, d := range pc.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd == pc.fn || pc.texts[fd] == "" {
			continue
		}
		c.funcs[declKey(fd)] = funcRecord{text: pc.texts[fd], uses: usedFuncs(fd, ck), method: fd.Recv != nil}
	}
}

// usedFuncs lists the package-level functions fd's body refers to.
func usedFuncs(fd *ast.FuncDecl, ck *checked) map[string]bool {
	uses := make(map[string]bool)
	info := ck.typesInfo()
	if info == nil || fd.Body == nil {
		return uses
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if f, ok := info.Uses[id].(*types.Func); ok && f.Pkg() == ck.pkg && f.Parent() == ck.pkg.Scope() {
				uses[f.Name()] = true
			}
		}
		return true
	})
	return uses
}

// stale returns, for the functions a cell redefined, the earlier functions
// that call them (directly or through each other) and must be re-evaluated,
// and the methods that call them and stay stale. redefined excludes what the
// cell itself declared.
func (c *callers) stale(redefined map[string]bool, declared map[string]bool) (funcs []string, methods []string) {
	changed := make(map[string]bool)
	for k := range redefined {
		changed[k] = true
	}
	for grew := true; grew; {
		grew = false
		for key, r := range c.funcs {
			if changed[key] || declared[key] {
				continue
			}
			for u := range r.uses {
				if changed[u] {
					changed[key] = true
					grew = true
					if r.method {
						methods = append(methods, key)
					} else {
						funcs = append(funcs, key)
					}
					break
				}
			}
		}
	}
	sort.Strings(funcs)
	sort.Strings(methods)
	return funcs, methods
}

// refreshChunk returns the source that re-evaluates the earlier functions
// calling a function pc redefines (so they call the new definition), and
// warnings for the methods that cannot follow. The caller evaluates it right
// after the cell's declarations.
func (s *Session) refreshChunk(pc *parsedCell) (src string, warnings []string) {
	redefined := make(map[string]bool)
	declared := make(map[string]bool)
	for _, d := range pc.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd != pc.fn {
			declared[declKey(fd)] = true
			if r, ok := s.callers.funcs[fd.Name.Name]; ok && fd.Recv == nil && !r.method {
				redefined[fd.Name.Name] = true
			}
		}
	}
	if len(redefined) == 0 {
		return "", nil
	}
	funcs, methods := s.callers.stale(redefined, declared)
	var b strings.Builder
	for _, f := range funcs {
		b.WriteString("\n" + s.callers.funcs[f].text + "\n")
	}
	for _, m := range methods {
		warnings = append(warnings, "gokernel: method "+m+" calls a redefined function but keeps calling its old definition (the interpreter cannot redefine methods); restart the kernel to update it\n")
	}
	return b.String(), warnings
}
