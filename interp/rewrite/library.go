package rewrite

import "go/ast"

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
		"fmt.Errorf":    (*rewriter).fmtErrorf,
	} {
		libraryRewrites[name] = rw
	}
}
