package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// wrapTypeSwitches works around a yaegi v0.16.1 compiler crash ("index out
// of range [1] with length 1"): a type switch that binds a variable
// (`switch v := x.(type)`) among a cell's top-level statements. Each one
// runs inside a function literal called at once, which yaegi compiles; a
// top-level type switch has nothing a closure would change (no return or
// continue is possible at top level).
func wrapTypeSwitches(pc *parsedCell) {
	for i, st := range pc.body.List {
		ts, ok := st.(*ast.TypeSwitchStmt)
		if !ok {
			continue
		}
		if as, ok := ts.Assign.(*ast.AssignStmt); !ok || len(as.Lhs) == 0 {
			continue
		}
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Func: ts.Pos(), Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: ts.Pos(), List: []ast.Stmt{ts}, Rbrace: ts.End() - 1},
		}
		pc.body.List[i] = &ast.ExprStmt{X: &ast.CallExpr{Fun: lit, Rparen: ts.End() - 1}}
	}
}

// runtimeMessages translates the reflect panics yaegi raises for Go
// runtime errors into the messages compiled Go gives.
var runtimeMessages = []struct{ yaegi, golang string }{
	{"reflect: call of reflect.Value.Field on zero Value", "runtime error: invalid memory address or nil pointer dereference"},
	{"reflect: call of reflect.Value.Elem on zero Value", "runtime error: invalid memory address or nil pointer dereference"},
	{"reflect: slice index out of range", "runtime error: index out of range"},
	{"reflect: array index out of range", "runtime error: index out of range"},
	{"reflect: string index out of range", "runtime error: index out of range"},
}

// goPanicMessage returns the message Go would give for a yaegi panic value,
// and whether it was translated.
func goPanicMessage(msg string) (string, bool) {
	for _, m := range runtimeMessages {
		if strings.Contains(msg, m.yaegi) {
			return m.golang, true
		}
	}
	return msg, false
}

// rewriteTopDefers works around another yaegi v0.16.1 bug: a defer among
// a cell's top-level statements registers on yaegi's global frame, whose
// defer list is never cleared, so it runs again after every later cell.
// Each such defer (outside any function literal) becomes a call of the
// host's Defer, which the session runs, last first, when the cell's
// statements end:
//
//	defer f.Close()        →  __gk.Defer(func(__gkd0 *os.File) func() {
//	                                return func() { __gkd0.Close() }
//	                            }(f))
//
// The receiver and the arguments are evaluated at the defer, as in Go; they
// are passed as parameters because yaegi shares a loop body's variables
// between iterations. A deferred recover cannot stop a panic of the cell
// itself. Without type information (or when a type cannot be named in the
// cell), the call is wrapped in a plain closure.
func (s *Session) rewriteTopDefers(pc *parsedCell, ck *checked) {
	b := &deferBinder{info: ck.typesInfo(), names: s.importNames(pc)}
	if ck == nil || ck.skipped {
		b.info = nil
	}
	var walkList func([]ast.Stmt)
	walkList = func(list []ast.Stmt) {
		for i, st := range list {
			if d, ok := st.(*ast.DeferStmt); ok {
				list[i] = b.hostDefer(d)
			}
		}
	}
	walkList(pc.body.List)
	for _, st := range pc.body.List {
		ast.Inspect(st, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BlockStmt:
				walkList(c.List)
			case *ast.CaseClause:
				walkList(c.Body)
			case *ast.CommClause:
				walkList(c.Body)
			case *ast.LabeledStmt:
				if d, ok := c.Stmt.(*ast.DeferStmt); ok {
					c.Stmt = b.hostDefer(d)
				}
			}
			return true
		})
	}
}

// importNames maps the import paths visible in the cell to their names.
func (s *Session) importNames(pc *parsedCell) map[string]string {
	names := make(map[string]string)
	for _, sp := range append(append([]importSpec(nil), s.checker.prelude.imports...), pc.imports...) {
		names[sp.Path] = sp.Name
	}
	return names
}

// deferBinder turns one defer into a host Defer call.
type deferBinder struct {
	info   *types.Info
	names  map[string]string // import path -> name ("" = the package name)
	n      int
	params []*ast.Field
	args   []ast.Expr
	failed bool
}

// bind makes e a parameter of the binding function and returns the
// parameter's name; constants stay inline.
func (b *deferBinder) bind(e ast.Expr) ast.Expr {
	tv, ok := b.info.Types[e]
	if !ok || tv.Type == nil {
		b.failed = true
		return e
	}
	if tv.Value != nil {
		return e
	}
	te, ok := b.typeExpr(types.Default(tv.Type))
	if !ok {
		b.failed = true
		return e
	}
	name := fmt.Sprintf("__gkd%d", b.n)
	b.n++
	b.params = append(b.params, &ast.Field{Names: []*ast.Ident{ast.NewIdent(name)}, Type: te})
	b.args = append(b.args, e)
	return ast.NewIdent(name)
}

// typeExpr writes t as it can be named in the cell.
func (b *deferBinder) typeExpr(t types.Type) (ast.Expr, bool) {
	ok := true
	src := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		name, found := b.names[p.Path()]
		if !found {
			ok = false
		}
		if name == "" {
			return p.Name()
		}
		return name
	})
	if !ok {
		return nil, false
	}
	e, err := parser.ParseExpr(src)
	return e, err == nil
}

// hostDefer rewrites one defer statement.
func (b *deferBinder) hostDefer(d *ast.DeferStmt) ast.Stmt {
	b.params, b.args, b.failed = nil, nil, false
	call := d.Call
	if b.info != nil {
		if c, ok := b.bindCall(call); ok {
			call = c
		} else {
			b.params, b.args = nil, nil
		}
	}
	inner := &ast.FuncLit{
		Type: &ast.FuncType{Func: d.Pos(), Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: d.Call.Pos(), List: []ast.Stmt{&ast.ExprStmt{X: call}}, Rbrace: d.End() - 1},
	}
	var arg ast.Expr = inner
	if len(b.params) > 0 {
		binder := &ast.FuncLit{
			Type: &ast.FuncType{Func: d.Pos(), Params: &ast.FieldList{List: b.params},
				Results: &ast.FieldList{List: []*ast.Field{{Type: &ast.FuncType{Params: &ast.FieldList{}}}}}},
			Body: &ast.BlockStmt{Lbrace: d.Pos(), List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{inner}}}},
		}
		arg = &ast.CallExpr{Fun: binder, Args: b.args}
	}
	return &ast.ExprStmt{X: &ast.CallExpr{
		Fun:  &ast.SelectorExpr{X: ast.NewIdent(hostName), Sel: &ast.Ident{NamePos: d.Pos(), Name: "Defer"}},
		Args: []ast.Expr{arg},
	}}
}

// bindCall returns a copy of call whose receiver, function value and
// arguments are bound parameters.
func (b *deferBinder) bindCall(call *ast.CallExpr) (*ast.CallExpr, bool) {
	c := *call
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if sel := b.info.Selections[fun]; sel != nil {
			recv := fun.X
			if sel.Kind() == types.MethodVal {
				if _, ptrRecv := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrRecv {
					if _, isPtr := sel.Recv().(*types.Pointer); !isPtr {
						recv = &ast.UnaryExpr{Op: token.AND, X: fun.X}
						b.info.Types[recv] = types.TypeAndValue{Type: types.NewPointer(sel.Recv())}
					}
				}
			}
			c.Fun = &ast.SelectorExpr{X: b.bind(recv), Sel: fun.Sel}
		}
	case *ast.Ident:
		if _, isVar := b.info.Uses[fun].(*types.Var); isVar {
			c.Fun = b.bind(fun)
		}
	case *ast.FuncLit:
	default:
		c.Fun = b.bind(call.Fun)
	}
	c.Args = make([]ast.Expr, len(call.Args))
	for i, a := range call.Args {
		c.Args[i] = b.bind(a)
	}
	return &c, !b.failed
}
