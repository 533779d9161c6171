package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// typedNils works around a yaegi v0.16.1 panic ("reflect: New(nil)"): a
// tuple assignment with an untyped nil on its right side, such as `xs, ys =
// nil, nil` for slices. Each such nil becomes a conversion to the type of
// its left side, `xs, ys = ([]float64)(nil), ([]int)(nil)`, which means the
// same in Go. It needs type information; a nil whose target type cannot be
// named in the cell is left alone.
func (r *rewriter) typedNils() {
	if r.info == nil {
		return
	}
	ast.Inspect(r.file, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) < 2 || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, rhs := range as.Rhs {
			tv, ok := r.info.Types[rhs]
			if !ok || !tv.IsNil() {
				continue
			}
			t := r.typeOf(as.Lhs[i])
			if t == nil || !r.nameable(t) {
				continue
			}
			src, ok := r.fileTypeString(t)
			if !ok {
				continue
			}
			conv := &ast.CallExpr{Fun: &ast.ParenExpr{X: parseType(src)}, Args: []ast.Expr{ast.NewIdent("nil")}}
			r.info.Types[conv] = types.TypeAndValue{Type: t}
			as.Rhs[i] = conv
		}
		return true
	})
}

// nameable reports whether t can be written in the cell: no invalid parts,
// and no unexported type of another package (at any depth of the printed
// type).
func (r *rewriter) nameable(t types.Type) bool {
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		return p.Path()
	})
	if strings.Contains(s, "invalid type") {
		return false
	}
	var visit func(types.Type)
	visit = func(t types.Type) {
		switch t := t.(type) {
		case *types.Named:
			if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg() != r.pkg && !obj.Exported() {
				ok = false
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		}
	}
	visit(t)
	return ok
}
