package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
)

// errorsAs replaces errors.As with the same algorithm run by a prelude
// function (see PreludeFor): yaegi hands host code a value of a cell error
// type without its methods, so the host errors.As panics ("*target must be
// interface or implement error") and never sees a cell Unwrap. The match
// is a type assertion made in the cell, which yaegi gets right for values
// of static type error:
//
//	errors.As(err, &t)  →  __gkrw_errorsAs(err, func(p *T) func(error) bool {
//		return func(e error) bool { v, ok := e.(T); if ok { *p = v }; return ok }
//	}(&t))
func (r *rewriter) errorsAs(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	if len(c.Args) != 2 {
		return nil
	}
	pt, ok := r.typeOf(c.Args[1]).(*types.Pointer)
	if !ok {
		return nil
	}
	match := r.template(`func(p *T) func(error) bool {
	return func(e error) bool {
		v, ok := e.(T)
		if ok {
			*p = v
		}
		return ok
	}
}`, "T", r.typeString(pt.Elem()))
	c.Fun = ast.NewIdent(r.helpers + "_errorsAs")
	c.Args[1] = call(match, c.Args[1])
	c.Args = append(c.Args, r.unwrapFunc())
	return c
}

// unwrapFunc returns a function literal that unwraps the session's own
// error types by concrete type assertions, or nil when there are none.
// yaegi v0.16.1 fails, on a value of static type error holding a cell value,
// type assertions to interfaces such as interface{ Unwrap() error } and type
// switches even with concrete cases, but gets a comma-ok assertion to a
// concrete type right:
//
//	func(e error) ([]error, bool) {
//		if u, ok := e.(*Wrapped); ok {
//			return []error{u.Unwrap()}, true
//		}
//		return nil, false
//	}
func (r *rewriter) unwrapFunc() ast.Expr {
	var cases []string
	for _, t := range r.unwrapTypes() {
		ret := "[]error{u.Unwrap()}"
		if sig := unwrapSig(t); sig == "[]error" {
			ret = "u.Unwrap()"
		}
		cases = append(cases, "if u, ok := e.("+r.typeString(t)+"); ok {\n\t\treturn "+ret+", true\n\t}")
	}
	if cases == nil {
		return ast.NewIdent("nil")
	}
	return r.template("func(e error) ([]error, bool) {\n\t" +
		strings.Join(cases, "\n\t") + "\n\treturn nil, false\n}")
}

// unwrapTypes lists the package-level types of the cell's package (and
// pointers to them) whose method set has Unwrap() error or Unwrap() []error.
func (r *rewriter) unwrapTypes() []types.Type {
	if r.pkg == nil {
		return nil
	}
	var out []types.Type
	scope := r.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue
		}
		if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if unwrapSig(t) != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// unwrapSig returns "error" or "[]error" when t's method set has an Unwrap
// method of that result, else "".
func unwrapSig(t types.Type) string {
	sel := types.NewMethodSet(t).Lookup(nil, "Unwrap")
	if sel == nil {
		return ""
	}
	sig := sel.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return ""
	}
	switch res := sig.Results().At(0).Type().String(); res {
	case "error", "[]error":
		return res
	}
	return ""
}

// errorsIs replaces errors.Is with the prelude function that also sees cell
// Unwrap and Is methods.
func (r *rewriter) errorsIs(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	if len(c.Args) != 2 {
		return nil
	}
	c.Fun = ast.NewIdent(r.helpers + "_errorsIs")
	c.Args = append(c.Args, r.unwrapFunc())
	return c
}

// errorsUnwrap replaces errors.Unwrap with the prelude function that also
// sees a cell Unwrap method.
func (r *rewriter) errorsUnwrap(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	if len(c.Args) != 1 {
		return nil
	}
	c.Fun = ast.NewIdent(r.helpers + "_errorsUnwrap")
	c.Args = append(c.Args, r.unwrapFunc())
	return c
}

// fmtErrorf passes arguments whose static type is a concrete cell type
// implementing error through a function with an error result: yaegi hands
// a cell value to a host `any` parameter without its methods, so %w would
// print "%!w(*struct {...})" and wrap nothing; a value of static type error
// reaches the host with its Error method.
func (r *rewriter) fmtErrorf(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	changed := false
	for i, a := range c.Args {
		t := r.typeOf(a)
		if i == 0 || t == nil || types.IsInterface(t) || !r.isCellType(t) || !types.Implements(t, errType) {
			continue
		}
		c.Args[i] = call(r.template("func(e error) error { return e }"), a)
		changed = true
	}
	if !changed {
		return nil
	}
	return c
}

// isCellType reports whether t is (a pointer to) a type declared in the
// cell's package, which yaegi builds itself and so strips of methods.
func (r *rewriter) isCellType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg() == r.pkg
}
