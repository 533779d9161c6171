package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// methodValue rewrites method values and method expressions of the cell's
// own types, which yaegi v0.16.1 gets wrong: `g := c.Get` with a value
// receiver does not copy c (later changes to c show through g), and a method
// expression `(*C).Inc` panics when called ("reflect: Call with too many
// input arguments"). Both become function literals:
//
//	c.Get     →  func(__gk1_r C) func() int { return func() int { return __gk1_r.Get() } }(c)
//	(*C).Inc  →  func(__gk1_r *C, __gk2_p int) int { return __gk1_r.Inc(__gk2_p) }
//
// The receiver is evaluated where the method value is, as in Go (copied for
// a value receiver, its address taken for a pointer receiver). Only methods
// declared directly on the type are rewritten, not promoted ones. It needs
// type information.
func (r *rewriter) methodValue(sel *ast.SelectorExpr, called map[ast.Expr]bool) ast.Expr {
	if r.info == nil || called[sel] {
		return nil
	}
	s, ok := r.info.Selections[sel]
	if !ok || len(s.Index()) != 1 {
		return nil
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok || !r.isCellType(s.Recv()) {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.TypeParams().Len() > 0 {
		return nil
	}
	switch s.Kind() {
	case types.MethodVal:
		return r.boundMethod(sel, s, sig)
	case types.MethodExpr:
		return r.methodExpr(sel, s, sig)
	}
	return nil
}

// boundMethod evaluates the receiver now and returns a closure over it.
func (r *rewriter) boundMethod(sel *ast.SelectorExpr, s *types.Selection, sig *types.Signature) ast.Expr {
	recvT, arg := s.Recv(), sel.X
	if types.IsInterface(recvT) {
		return nil
	}
	_, xPtr := recvT.Underlying().(*types.Pointer)
	_, mPtr := sig.Recv().Type().Underlying().(*types.Pointer)
	switch {
	case mPtr && !xPtr:
		recvT, arg = types.NewPointer(recvT), &ast.UnaryExpr{Op: token.AND, X: sel.X}
	case !mPtr && xPtr:
		recvT, arg = recvT.Underlying().(*types.Pointer).Elem(), &ast.StarExpr{X: sel.X}
	}
	recv := r.names.fresh("r")
	params, args := r.forwardParams(sig)
	ft := "func(" + params + ")" + r.resultsString(sig)
	src := "func(" + recv.Name + " " + r.typeString(recvT) + ") " + ft + " { return " + ft + " { " +
		returnIf(sig) + recv.Name + "." + sel.Sel.Name + "(" + args + ") } }"
	lit := r.template(src)
	return &ast.CallExpr{Fun: lit, Args: []ast.Expr{arg}}
}

// methodExpr turns T.M into a function literal taking the receiver first.
func (r *rewriter) methodExpr(sel *ast.SelectorExpr, s *types.Selection, sig *types.Signature) ast.Expr {
	recv := r.names.fresh("r")
	params, args := r.forwardParams(sig)
	if params != "" {
		params = ", " + params
	}
	src := "func(" + recv.Name + " " + r.typeString(s.Recv()) + params + ")" + r.resultsString(sig) + " { " +
		returnIf(sig) + recv.Name + "." + sel.Sel.Name + "(" + args + ") }"
	return r.template(src)
}

// forwardParams returns fresh parameter declarations for sig's parameters
// and the argument list that forwards them (with ... for a variadic one).
func (r *rewriter) forwardParams(sig *types.Signature) (params, args string) {
	var ps, as []string
	for i := range sig.Params().Len() {
		p := r.names.fresh("p").Name
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			ps = append(ps, p+" ..."+r.typeString(t.(*types.Slice).Elem()))
			as = append(as, p+"...")
			continue
		}
		ps = append(ps, p+" "+r.typeString(t))
		as = append(as, p)
	}
	return strings.Join(ps, ", "), strings.Join(as, ", ")
}

// resultsString spells sig's results: "", " T" or " (T1, T2)".
func (r *rewriter) resultsString(sig *types.Signature) string {
	res := sig.Results()
	switch res.Len() {
	case 0:
		return ""
	case 1:
		return " " + r.typeString(res.At(0).Type())
	}
	var ts []string
	for i := range res.Len() {
		ts = append(ts, r.typeString(res.At(i).Type()))
	}
	return " (" + strings.Join(ts, ", ") + ")"
}

func returnIf(sig *types.Signature) string {
	if sig.Results().Len() > 0 {
		return "return "
	}
	return ""
}
