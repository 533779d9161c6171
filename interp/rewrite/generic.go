package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Generic standard library functions yaegi v0.16.1 lacks ("undefined
// selector") or cannot instantiate ("undefined type for E"), rewritten into
// function literals specialised to the call's types. Each needs type
// information; without it the call is left alone.
//
//	slices: Sort, SortFunc, SortStableFunc, Contains, ContainsFunc, Index,
//	        IndexFunc, Equal, Clone, Reverse, Max, Min, Collect, Sorted,
//	        Values, All
//	maps:   Keys, Values, All, Clone, Copy
//	sync:   OnceValue, OnceValues
//	sync/atomic: the type Pointer[T] (see atomicPointer)
//
// Missing (yaegi reports them as undefined, naming the function):
// slices.Insert, Delete, Compact, BinarySearch, Grow, Concat, Chunk and the
// rest of packages slices and maps.
var genericTemplates = map[string]string{
	"slices.Sort": `func(__s S) {
	__gkrw.SortSlice(__s, func(__i, __j int) bool { return LESS(__s[__i], __s[__j]) })
}`,
	"slices.SortFunc": `func(__s S, __cmp func(E, E) int) {
	__gkrw.SortSlice(__s, func(__i, __j int) bool { return __cmp(__s[__i], __s[__j]) < 0 })
}`,
	"slices.SortStableFunc": `func(__s S, __cmp func(E, E) int) {
	__gkrw.SortSliceStable(__s, func(__i, __j int) bool { return __cmp(__s[__i], __s[__j]) < 0 })
}`,
	"slices.Contains": `func(__s S, __v E) bool {
	for _, __x := range __s {
		if __x == __v {
			return true
		}
	}
	return false
}`,
	"slices.ContainsFunc": `func(__s S, __f func(E) bool) bool {
	for _, __x := range __s {
		if __f(__x) {
			return true
		}
	}
	return false
}`,
	"slices.Index": `func(__s S, __v E) int {
	for __i := range __s {
		if __s[__i] == __v {
			return __i
		}
	}
	return -1
}`,
	"slices.IndexFunc": `func(__s S, __f func(E) bool) int {
	for __i := range __s {
		if __f(__s[__i]) {
			return __i
		}
	}
	return -1
}`,
	"slices.Equal": `func(__a, __b S) bool {
	if len(__a) != len(__b) {
		return false
	}
	for __i := range __a {
		if __a[__i] != __b[__i] {
			return false
		}
	}
	return true
}`,
	"slices.Clone": `func(__s S) S {
	return append(__s[:0:0], __s...)
}`,
	"slices.Reverse": `func(__s S) {
	for __i, __j := 0, len(__s)-1; __i < __j; __i, __j = __i+1, __j-1 {
		__s[__i], __s[__j] = __s[__j], __s[__i]
	}
}`,
	"slices.Max": `func(__s S) E {
	if len(__s) == 0 {
		panic("slices.Max: empty list")
	}
	__m := __s[0]
	for _, __x := range __s[1:] {
		if LESS(__m, __x) || __x != __x {
			__m = __x
		}
	}
	return __m
}`,
	"slices.Min": `func(__s S) E {
	if len(__s) == 0 {
		panic("slices.Min: empty list")
	}
	__m := __s[0]
	for _, __x := range __s[1:] {
		if LESS(__x, __m) || __x != __x {
			__m = __x
		}
	}
	return __m
}`,
	"slices.Collect": `func(__seq func(func(E) bool)) []E {
	var __out []E
	__seq(func(__x E) bool {
		__out = append(__out, __x)
		return true
	})
	return __out
}`,
	"slices.Sorted": `func(__seq func(func(E) bool)) []E {
	var __out []E
	__seq(func(__x E) bool {
		__out = append(__out, __x)
		return true
	})
	__gkrw.SortSlice(__out, func(__i, __j int) bool { return LESS(__out[__i], __out[__j]) })
	return __out
}`,
	"slices.Values": `func(__s S) func(func(E) bool) {
	return func(__yield func(E) bool) {
		for _, __x := range __s {
			if !__yield(__x) {
				return
			}
		}
	}
}`,
	"slices.All": `func(__s S) func(func(int, E) bool) {
	return func(__yield func(int, E) bool) {
		for __i, __x := range __s {
			if !__yield(__i, __x) {
				return
			}
		}
	}
}`,
	"maps.Keys": `func(__m M) func(func(K) bool) {
	return func(__yield func(K) bool) {
		for __k := range __m {
			if !__yield(__k) {
				return
			}
		}
	}
}`,
	"maps.Values": `func(__m M) func(func(V) bool) {
	return func(__yield func(V) bool) {
		for _, __v := range __m {
			if !__yield(__v) {
				return
			}
		}
	}
}`,
	"maps.All": `func(__m M) func(func(K, V) bool) {
	return func(__yield func(K, V) bool) {
		for __k, __v := range __m {
			if !__yield(__k, __v) {
				return
			}
		}
	}
}`,
	"maps.Clone": `func(__m M) M {
	if __m == nil {
		return nil
	}
	__out := make(M, len(__m))
	for __k, __v := range __m {
		__out[__k] = __v
	}
	return __out
}`,
	"maps.Copy": `func(__dst M, __src M2) {
	for __k, __v := range __src {
		__dst[__k] = __v
	}
}`,
	"sync.OnceValue": `func(__f func() T) func() T {
	var __once SYNC.Once
	var __v T
	return func() T {
		__once.Do(func() { __v = __f() })
		return __v
	}
}`,
	"sync.OnceValues": `func(__f func() (T, T2)) func() (T, T2) {
	var __once SYNC.Once
	var __v T
	var __v2 T2
	return func() (T, T2) {
		__once.Do(func() { __v, __v2 = __f() })
		return __v, __v2
	}
}`,
}

func init() {
	for name, src := range genericTemplates {
		libraryRewrites[name] = func(r *rewriter, c *ast.CallExpr, pkg *ast.Ident) ast.Expr {
			return r.genericCall(c, pkg, src)
		}
	}
}

// genericCall makes c call the template src, with its placeholders spelled
// from the types of c's arguments: S the first argument's (slice) type, E
// its element, M and M2 the map types of the first two arguments, K and V
// the first's key and value, T and T2 the results of a func argument, SYNC
// the name the cell imports package sync under, and LESS(a, b) the
// comparison slices.Sort uses (NaN first for floats).
func (r *rewriter) genericCall(c *ast.CallExpr, pkg *ast.Ident, src string) ast.Expr {
	if len(c.Args) == 0 || r.info == nil {
		return nil
	}
	words := map[string]string{"SYNC": pkg.Name}
	var elem types.Type
	for i, a := range c.Args[:min(2, len(c.Args))] {
		t := r.typeOf(a)
		if t == nil {
			return nil
		}
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
			if i == 0 {
				return nil
			}
			continue
		}
		suffix := ""
		if i == 1 {
			suffix = "2"
		}
		switch u := t.Underlying().(type) {
		case *types.Slice:
			if i == 0 {
				words["S"], words["E"] = r.typeString(t), r.typeString(u.Elem())
				elem = u.Elem()
			}
		case *types.Map:
			words["M"+suffix] = r.typeString(t)
			if i == 0 {
				words["K"], words["V"] = r.typeString(u.Key()), r.typeString(u.Elem())
			}
		case *types.Signature:
			if i == 0 {
				r.funcWords(u, words)
				if e, ok := yieldElem(u); ok {
					words["E"] = r.typeString(e)
					elem = e
				}
			}
		}
	}
	fn := r.template(src, flatten(words)...)
	if elem != nil {
		replaceLess(fn, elem)
	}
	c.Fun = fn
	return c
}

// funcWords sets T and T2 from a func() T or func() (T, T2) argument.
func (r *rewriter) funcWords(sig *types.Signature, words map[string]string) {
	res := sig.Results()
	if res.Len() > 0 {
		words["T"] = r.typeString(res.At(0).Type())
	}
	if res.Len() > 1 {
		words["T2"] = r.typeString(res.At(1).Type())
	}
}

// yieldElem returns E for an iterator func(yield func(E) bool).
func yieldElem(sig *types.Signature) (types.Type, bool) {
	if sig.Params().Len() != 1 {
		return nil, false
	}
	y, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok || y.Params().Len() != 1 {
		return nil, false
	}
	return y.Params().At(0).Type(), true
}

func flatten(m map[string]string) []string {
	out := make([]string, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}

// replaceLess replaces calls LESS(a, b) in fn with a < b, or for floats
// with the ordering slices.Sort uses: a < b || (a != a && b == b).
func replaceLess(fn ast.Expr, elem types.Type) {
	b, _ := elem.Underlying().(*types.Basic)
	isFloat := b != nil && b.Info()&types.IsFloat != 0
	replaceExprs(fn, func(e ast.Expr) ast.Expr {
		c, ok := e.(*ast.CallExpr)
		if !ok || len(c.Args) != 2 {
			return e
		}
		if id, ok := c.Fun.(*ast.Ident); !ok || id.Name != "LESS" {
			return e
		}
		x, y := c.Args[0], c.Args[1]
		var less ast.Expr = &ast.BinaryExpr{X: x, Op: token.LSS, Y: y}
		if isFloat {
			nan := &ast.BinaryExpr{
				X:  &ast.BinaryExpr{X: x, Op: token.NEQ, Y: x},
				Op: token.LAND,
				Y:  &ast.BinaryExpr{X: y, Op: token.EQL, Y: y},
			}
			less = &ast.BinaryExpr{X: less, Op: token.LOR, Y: &ast.ParenExpr{X: nan}}
		}
		return &ast.ParenExpr{X: less}
	})
}
