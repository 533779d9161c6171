package rewrite

import (
	"go/ast"
	"strconv"
	"strings"
)

// namer hands out fresh identifiers: prefix, a counter and a hint, skipping
// any name that already occurs in the cell.
type namer struct {
	prefix string
	n      int
	taken  map[string]bool
}

func newNamer(file *ast.File, prefix string) *namer {
	nm := &namer{prefix: prefix, taken: map[string]bool{}}
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, prefix) {
			nm.taken[id.Name] = true
		}
		return true
	})
	return nm
}

// fresh returns a new identifier whose name mentions hint.
func (nm *namer) fresh(hint string) *ast.Ident {
	for {
		nm.n++
		name := nm.prefix + strconv.Itoa(nm.n)
		if hint != "" && hint != "_" {
			name += "_" + hint
		}
		if !nm.taken[name] {
			nm.taken[name] = true
			return ast.NewIdent(name)
		}
	}
}
