package interp

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// A checker type-checks cells with go/types against the session so far (see
// prelude), so users get the Go compiler's messages at the cell's own
// positions, including for code yaegi would silently accept.
//
// Two errors are dropped on purpose, because notebooks need them gone:
// "declared and not used" for the cell's top-level variables (later cells
// use them; variables of functions, function literals and top-level blocks
// must be used, as in Go) and "imported and not used" (a cell may import
// what a later cell uses).
type checker struct {
	fset    *token.FileSet
	imp     *exportImporter
	prelude prelude
}

// checked is the outcome of checking one cell.
type checked struct {
	pkg  *types.Package
	info *types.Info
	// skipped is true when the checker could not run (an import it could not
	// load); the cell then runs unchecked.
	skipped bool
	reason  string
}

// check type-checks pc. It first drops declarations that merely repeat an
// earlier cell's (re-running a cell) and rejects changed types and methods,
// which yaegi cannot redefine.
func (c *checker) check(pc *parsedCell) (*checked, *Error) {
	if err := c.dedupe(pc); err != nil {
		return nil, err
	}
	skip := make(map[string]bool)
	for _, d := range pc.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Name != cellFunc {
				skip[declKey(d)] = true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok {
					skip[ts.Name.Name] = true
				}
			}
		}
	}
	ck, msgs, undefined := c.typeCheck(pc, skip)
	if ck.skipped || len(msgs) == 0 {
		return ck, nil
	}
	// Declarations may use variables the cell's statements declare
	// (`n := 3; func f() int { return n }`): declare those as package
	// variables of their checked types and check again.
	bodyVars := c.bodyScope(pc, ck)
	var added []string
	q := c.prelude.qualifier(ck.pkg)
	for _, name := range undefined {
		if bodyVars == nil {
			break
		}
		decl := ""
		switch obj := bodyVars.Lookup(name).(type) {
		case *types.Var:
			if validType(obj.Type()) {
				decl = "var " + name + " " + types.TypeString(obj.Type(), q)
			}
		case *types.Const: // `const n = 3; func f() int { return n }`
			decl = constDecl(obj, q)
		}
		if _, dup := c.prelude.get(name); decl != "" && !dup {
			c.prelude.set(name, decl)
			added = append(added, name)
		}
	}
	if len(added) == 0 {
		return nil, compileError(sortPositions(msgs))
	}
	pc.declsUseVars = true
	ck, msgs, _ = c.typeCheck(pc, skip)
	if len(msgs) > 0 {
		for _, name := range added {
			c.prelude.remove(name)
		}
		return nil, compileError(sortPositions(msgs))
	}
	return ck, nil
}

// typeCheck runs go/types over the prelude and the cell. It returns the
// cell's errors and the names reported undefined in package-level
// declarations.
func (c *checker) typeCheck(pc *parsedCell, skip map[string]bool) (*checked, []string, []string) {
	pre, err := c.prelude.parse(c.fset, skip)
	if err != nil {
		return &checked{skipped: true, reason: err.Error()}, nil, nil
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:     make(map[ast.Node]*types.Scope),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	var msgs, undefined []string
	var unused []types.Error
	var importFailed string
	conf := types.Config{
		Importer: c.imp,
		Error: func(err error) {
			te, ok := err.(types.Error)
			if !ok {
				msgs = append(msgs, err.Error())
				return
			}
			if strings.Contains(te.Msg, "could not import") {
				if importFailed == "" {
					importFailed = te.Msg
				}
				return
			}
			p := te.Fset.Position(te.Pos)
			if p.Filename != cellFile || ignoredCheckError(te.Msg) {
				return
			}
			if strings.Contains(te.Msg, "declared and not used") {
				// decided once the scopes are known: only the cell's own
				// top-level variables may stay unused
				unused = append(unused, te)
				return
			}
			if pc.final != nil && te.Pos == pc.final.X.Pos() && strings.HasSuffix(te.Msg, "is not used") {
				return // the final expression is the cell's value
			}
			if name, ok := strings.CutPrefix(te.Msg, "undefined: "); ok && (te.Pos < pc.body.Pos() || te.Pos > pc.body.End()) {
				undefined = append(undefined, name)
			}
			msgs = append(msgs, fmt.Sprintf("%s:%d:%d: %s", cellFile, p.Line, p.Column, te.Msg))
		},
	}
	pkg := types.NewPackage("main", "main")
	_ = types.NewChecker(&conf, c.fset, pkg, info).Files([]*ast.File{pre, pc.file})
	if importFailed != "" {
		return &checked{pkg: pkg, info: info, skipped: true, reason: importFailed}, nil, nil
	}
	ck := &checked{pkg: pkg, info: info}
	msgs = append(msgs, c.unusedErrors(pc, ck, unused)...)
	return ck, msgs, undefined
}

// bodyScope returns the scope of the cell's top-level statements.
func (c *checker) bodyScope(pc *parsedCell, ck *checked) *types.Scope {
	if ck == nil || ck.info == nil {
		return nil
	}
	if sc := ck.info.Scopes[pc.fn.Type]; sc != nil {
		return sc
	}
	return ck.info.Scopes[pc.body]
}

// ignoredCheckError reports the errors notebooks must not see. "declared
// and not used" is decided by unusedErrors.
func ignoredCheckError(msg string) bool {
	// `"fmt" imported and not used`, `"x/y" imported as z and not used`
	return strings.Contains(msg, " imported ") && strings.HasSuffix(msg, " and not used")
}

// unusedErrors returns the "declared and not used" errors Go would give,
// except for the cell's top-level variables, which later cells may use:
// variables of function bodies, function literals and the blocks of
// top-level statements must be used, as in Go.
func (c *checker) unusedErrors(pc *parsedCell, ck *checked, errs []types.Error) []string {
	if len(errs) == 0 {
		return nil
	}
	top := c.bodyScope(pc, ck)
	byPos := make(map[token.Pos]types.Object)
	for id, obj := range ck.info.Defs {
		if obj != nil {
			byPos[id.Pos()] = obj
		}
	}
	var msgs []string
	for _, te := range errs {
		if obj := byPos[te.Pos]; obj != nil && (obj.Parent() == top || obj.Parent() == ck.info.Scopes[pc.body]) {
			continue
		}
		p := te.Fset.Position(te.Pos)
		msgs = append(msgs, fmt.Sprintf("%s:%d:%d: %s", cellFile, p.Line, p.Column, te.Msg))
	}
	return msgs
}

// sortPositions orders "cell:L:C: msg" strings by position, keeping
// the checker's order for equal positions.
func sortPositions(msgs []string) []string {
	key := func(s string) (int, int) {
		var l, c int
		fmt.Sscanf(strings.TrimPrefix(s, cellFile+":"), "%d:%d", &l, &c)
		return l, c
	}
	sort.SliceStable(msgs, func(i, j int) bool {
		li, ci := key(msgs[i])
		lj, cj := key(msgs[j])
		return li < lj || li == lj && ci < cj
	})
	return msgs
}

// dedupe removes type and method declarations identical to earlier ones and
// reports changed ones: yaegi v0.16.1 keeps the first definition of a type or
// method forever, so the only honest answer is to ask for a restart.
func (c *checker) dedupe(pc *parsedCell) *Error {
	decls := pc.file.Decls[:0]
	for _, d := range pc.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				key := declKey(d)
				src := nodeSource(d)
				if old, ok := c.prelude.get(methodBodyKey(key)); ok {
					if old == src {
						continue
					}
					return redefinitionError(c.fset, d.Name.Pos(), "method "+key)
				}
			}
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				specs := d.Specs[:0]
				for _, sp := range d.Specs {
					ts := sp.(*ast.TypeSpec)
					if old, ok := c.prelude.get(ts.Name.Name); ok && strings.HasPrefix(old, "type ") {
						if old == "type "+nodeSource(ts) {
							continue
						}
						return redefinitionError(c.fset, ts.Name.Pos(), "type "+ts.Name.Name)
					}
					specs = append(specs, sp)
				}
				if len(specs) == 0 {
					continue
				}
				d.Specs = specs
			}
		}
		decls = append(decls, d)
	}
	pc.file.Decls = decls
	return nil
}

// methodBodyKey is the prelude key under which a method's full source is
// kept for comparison (the checker itself only needs its signature).
func methodBodyKey(key string) string { return "#" + key }

// redefinitionError explains why a type or method cannot change.
func redefinitionError(fset *token.FileSet, pos token.Pos, what string) *Error {
	p := fset.Position(pos)
	return compileError([]string{fmt.Sprintf("%s:%d:%d: %s is already defined by an earlier cell with a different definition; the interpreter cannot redefine types or methods: restart the kernel to change it", cellFile, p.Line, p.Column, what)})
}

// record adds what pc declared to the prelude, after the cell ran.
// The imports are recorded by the caller, one by one as the interpreter
// accepts them.
func (c *checker) record(pc *parsedCell, ck *checked) {
	for _, d := range pc.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Name == cellFunc {
				continue
			}
			c.prelude.set(declKey(d), funcSignature(d))
			if d.Recv != nil {
				c.prelude.decls[methodBodyKey(declKey(d))] = nodeSource(d) // not emitted: not in order
			}
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				for _, sp := range d.Specs {
					ts := sp.(*ast.TypeSpec)
					c.prelude.set(ts.Name.Name, "type "+nodeSource(ts))
				}
			}
		}
	}
	if ck == nil || ck.info == nil {
		return
	}
	scope := c.bodyScope(pc, ck)
	if scope == nil {
		return
	}
	q := c.prelude.qualifier(ck.pkg)
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Var:
			if name == "_" || !validType(obj.Type()) {
				continue
			}
			c.prelude.set(name, "var "+name+" "+types.TypeString(obj.Type(), q))
		case *types.Const:
			if d := constDecl(obj, q); d != "" {
				c.prelude.set(name, d)
			}
		}
	}
}

// constDecl renders a constant's declaration for the prelude, or "" when
// its type is not fully known.
func constDecl(obj *types.Const, q types.Qualifier) string {
	if !validType(obj.Type()) {
		return ""
	}
	name := obj.Name()
	if b, ok := obj.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		return "const " + name + " = " + constSource(obj.Val(), b)
	}
	return "const " + name + " " + types.TypeString(obj.Type(), q) + " = " + constSource(obj.Val(), nil)
}

// constSource renders a constant value as Go source that keeps its untyped
// kind: runes as rune literals, floats never as integer fractions.
func constSource(v constant.Value, b *types.Basic) string {
	if b != nil && b.Kind() == types.UntypedRune {
		if r, ok := constant.Int64Val(v); ok {
			return strconv.QuoteRune(rune(r))
		}
	}
	s := v.ExactString()
	if v.Kind() == constant.Float && strings.Contains(s, "/") {
		s = v.String()
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
	}
	return s
}

// validType reports whether t is fully known (no invalid parts).
func validType(t types.Type) bool {
	return !strings.Contains(types.TypeString(t, nil), "invalid type")
}

// typesInfo returns the checker's info, or nil when the cell was not
// checked.
func (c *checked) typesInfo() *types.Info {
	if c == nil {
		return nil
	}
	return c.info
}
