package rewrite

import (
	"go/ast"
	"go/parser"
	"go/types"
	"strings"
)

// libraryRewrite rewrites a call of pkg.Func; it returns nil to keep it.
type libraryRewrite func(r *rewriter, c *ast.CallExpr, pkg *ast.Ident) ast.Expr

// libraryRewrites maps "importpath.Func" to its rewrite. It is a fixed
// table, never modified after initialisation.
var libraryRewrites = map[string]libraryRewrite{}

func init() {
	for name, rw := range map[string]libraryRewrite{
		"errors.As":     (*rewriter).errorsAs,
		"errors.Is":     (*rewriter).errorsIs,
		"errors.Unwrap": (*rewriter).errorsUnwrap,
	} {
		libraryRewrites[name] = rw
	}
}

// errorsAs replaces errors.As with the same algorithm written in the cell:
// yaegi hands host code a value of a cell error type without its methods,
// so the host errors.As panics ("*target must be interface or implement
// error") and never sees a cell Unwrap. The cell-side version uses type
// assertions, which yaegi gets right.
func (r *rewriter) errorsAs(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	if len(c.Args) != 2 {
		return nil
	}
	pt, ok := r.typeOf(c.Args[1]).(*types.Pointer)
	if !ok {
		return nil
	}
	t := r.typeString(pt.Elem())
	return r.cellFunc(c, `func(err error, target *T) bool {
	var walk func(err error) bool
	walk = func(err error) bool {
		for err != nil {
			if t, ok := err.(T); ok {
				*target = t
				return true
			}
			if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
				return true
			}
			switch u := err.(type) {
			case interface{ Unwrap() error }:
				err = u.Unwrap()
			case interface{ Unwrap() []error }:
				for _, e := range u.Unwrap() {
					if walk(e) {
						return true
					}
				}
				return false
			default:
				return false
			}
		}
		return false
	}
	return walk(err)
}`, "T", t)
}

// errorsIs replaces errors.Is with the same algorithm written in the cell,
// so a cell type's Unwrap and Is methods are seen.
func (r *rewriter) errorsIs(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	if len(c.Args) != 2 {
		return nil
	}
	return r.cellFunc(c, `func(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	var walk func(err error) bool
	walk = func(err error) bool {
		for err != nil {
			if err == target {
				return true
			}
			if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
				return true
			}
			switch u := err.(type) {
			case interface{ Unwrap() error }:
				err = u.Unwrap()
			case interface{ Unwrap() []error }:
				for _, e := range u.Unwrap() {
					if walk(e) {
						return true
					}
				}
				return false
			default:
				return false
			}
		}
		return false
	}
	return walk(err)
}`)
}

// errorsUnwrap replaces errors.Unwrap with a cell-side type assertion.
func (r *rewriter) errorsUnwrap(c *ast.CallExpr, _ *ast.Ident) ast.Expr {
	if len(c.Args) != 1 {
		return nil
	}
	return r.cellFunc(c, `func(err error) error {
	if u, ok := err.(interface{ Unwrap() error }); ok {
		return u.Unwrap()
	}
	return nil
}`)
}

// cellFunc makes c call the function literal src instead, after replacing
// each (placeholder, spelling) pair of repl in src. Placeholders are single
// upper-case letters standing alone as identifiers.
func (r *rewriter) cellFunc(c *ast.CallExpr, src string, repl ...string) ast.Expr {
	for i := 0; i+1 < len(repl); i += 2 {
		src = replaceWord(src, repl[i], repl[i+1])
	}
	src = strings.ReplaceAll(src, "__gkrw.", r.helpers+".")
	fn, err := parser.ParseExpr(src)
	if err != nil {
		panic("rewrite: cell function template does not parse: " + err.Error() + "\n" + src)
	}
	c.Fun = fn
	return c
}

// replaceWord replaces whole-word occurrences of w in s.
func replaceWord(s, w, with string) string {
	var b strings.Builder
	isWord := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], w) && (i == 0 || !isWord(s[i-1])) && (i+len(w) == len(s) || !isWord(s[i+len(w)])) {
			b.WriteString(with)
			i += len(w)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
