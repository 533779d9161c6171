package interp

import (
	"go/ast"
	"go/token"
)

// wrapTopBlocks works around yaegi v0.16.1 bugs in the blocks of a cell's
// top-level compound statements (for, range, if, switch, select and bare
// blocks, labeled or not): variables they declare inside are compiled as
// globals that never get a type (`_, err := os.Stat(p)` in a top-level loop
// is "undefined: err", `var d time.Duration` is "incomplete type time",
// `d := time.Duration(0)` panics). Each such statement runs inside a
// function literal called at once, which yaegi compiles as a function body;
// the variables declared before it are the interpreter's globals, which the
// literal sees and changes. A statement that holds a return or a goto (not
// inside a function literal) is left alone: inside the literal they would
// mean something else. Only statements the cell wrote are wrapped, not
// those an earlier step made (the final value's block).
func wrapTopBlocks(pc *parsedCell) {
	for i, st := range pc.body.List {
		if _, written := pc.before[st]; !written || !isBlockStmt(st) || hasEscape(st) {
			continue
		}
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Func: st.Pos(), Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: st.Pos(), List: []ast.Stmt{st}, Rbrace: st.End() - 1},
		}
		pc.body.List[i] = &ast.ExprStmt{X: &ast.CallExpr{Fun: lit, Rparen: st.End() - 1}}
	}
}

// isBlockStmt reports whether st is a compound statement wrapTopBlocks
// wraps.
func isBlockStmt(st ast.Stmt) bool {
	if l, ok := st.(*ast.LabeledStmt); ok {
		st = l.Stmt
	}
	switch st.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.SelectStmt, *ast.BlockStmt:
		return true
	}
	return false
}

// hasEscape reports whether st holds a return or goto statement outside
// function literals.
func hasEscape(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				found = true
			}
		}
		return !found
	})
	return found
}
