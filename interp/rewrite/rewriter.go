package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// rewriter holds what the passes over one cell share.
type rewriter struct {
	fset    *token.FileSet
	file    *ast.File
	info    *types.Info    // may be nil
	pkg     *types.Package // the cell's package, nil without info
	opts    Options
	helpers string
	names   *namer
	errs    []error

	// generated marks loops and literals made by a pass, which later
	// passes skip.
	generated map[ast.Node]bool
	// defs maps identifiers a pass made to the object of the identifier
	// they replace (a loop variable renamed to a carrier keeps its object).
	defs map[*ast.Ident]types.Object
}

func newRewriter(fset *token.FileSet, file *ast.File, info *types.Info, opts Options) (*rewriter, error) {
	r := &rewriter{fset: fset, file: file, info: info, opts: opts, helpers: opts.Helpers, pkg: cellPackage(info)}
	if r.helpers == "" {
		r.helpers = DefaultHelpers
	}
	prefix := opts.NamePrefix
	if prefix == "" {
		prefix = DefaultPrefix
	}
	for _, e := range []string{opts.Spawn, opts.Done} {
		if e == "" {
			continue
		}
		if _, err := parser.ParseExpr(e); err != nil {
			return nil, fmt.Errorf("rewrite: option expression %q: %w", e, err)
		}
	}
	r.names = newNamer(file, prefix)
	r.generated = map[ast.Node]bool{}
	r.defs = map[*ast.Ident]types.Object{}
	return r, nil
}

// run applies every pass to the whole file. Expression passes run first,
// because they rely on type information recorded for the original nodes,
// and statement passes may move those nodes into closures.
func (r *rewriter) run() error {
	r.typedNils()
	r.rewriteCalls()
	applyStmtPasses(r.file,
		r.rangeFunc,
		r.rangeInt,
		r.rangeChanElems,
		r.loopVars,
		r.selectStmt,
		r.recvAssign,
		r.deferGo,
		r.funcLitArgs,
	)
	r.deferClosures()
	if len(r.errs) > 0 {
		return r.errs[0]
	}
	return nil
}

// errorf records an error at pos; Cell returns the first one.
func (r *rewriter) errorf(pos token.Pos, format string, args ...any) {
	r.errs = append(r.errs, fmt.Errorf("rewrite: %s: %s", r.fset.Position(pos), fmt.Sprintf(format, args...)))
}

// expr parses an option expression already validated by newRewriter.
func (r *rewriter) expr(src string) ast.Expr {
	e, err := parser.ParseExpr(src)
	if err != nil {
		panic("rewrite: option expression changed after validation: " + err.Error())
	}
	clearPos(e)
	return e
}

// helper returns the selector helpers.name.
func (r *rewriter) helper(name string) ast.Expr {
	return &ast.SelectorExpr{X: ast.NewIdent(r.helpers), Sel: ast.NewIdent(name)}
}

func define(lhs []ast.Expr, rhs ...ast.Expr) *ast.AssignStmt {
	return &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: rhs}
}

func assign(lhs []ast.Expr, rhs ...ast.Expr) *ast.AssignStmt {
	return &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: rhs}
}

func call(fun ast.Expr, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: fun, Args: args}
}

func exprs(ids ...*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// unparen strips parentheses.
func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

// isRecv reports whether e is a receive expression <-ch.
func isRecv(e ast.Expr) bool {
	u, ok := unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}
