package interp

import (
	"go/ast"
	"go/types"
)

// mainName is what a cell's func main is called inside the interpreter.
// yaegi runs a package-level main after every evaluation once one exists,
// so a cell declaring main (a pasted program) would run it again with every
// later cell. The session renames it, and runs it once at the end of the
// cell that declares it, as `go run` would.
const mainName = "__gkmain"

// renameMain renames func main and the references to it, and appends a call
// when the cell declares it. It needs the checker's information; without it
// the cell is left alone.
func renameMain(pc *parsedCell, ck *checked) {
	info := ck.typesInfo()
	if info == nil {
		return
	}
	isMain := func(obj types.Object) bool {
		f, ok := obj.(*types.Func)
		return ok && f.Name() == "main" && f.Pkg() != nil && f.Parent() == f.Pkg().Scope()
	}
	declared := false
	ast.Inspect(pc.file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		if isMain(info.Defs[id]) {
			declared = true
			id.Name = mainName
		} else if isMain(info.Uses[id]) {
			id.Name = mainName
		}
		return true
	})
	if declared {
		pc.body.List = append(pc.body.List, &ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent(mainName)}})
	}
}
