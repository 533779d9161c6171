package interp

import (
	"go/ast"
	"slices"
)

// snapshot lists the nodes under n, with identifier names and literal
// values, so that comparing two snapshots tells whether a rewrite changed n
// (replaced, moved or edited any node in it). It is much cheaper than
// printing: unchanged nodes are evaluated from their original text.
func snapshot(n ast.Node) []any {
	var out []any
	ast.Inspect(n, func(c ast.Node) bool {
		switch c := c.(type) {
		case nil:
			out = append(out, nil)
		case *ast.Ident:
			out = append(out, c, c.Name)
		case *ast.BasicLit:
			out = append(out, c, c.Value)
		default:
			out = append(out, c)
		}
		return true
	})
	return out
}

// takeSnapshots records every top-level node of pc before the rewrite.
func (pc *parsedCell) takeSnapshots() {
	pc.before = make(map[ast.Node][]any)
	for _, d := range pc.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd == pc.fn {
			continue
		}
		pc.before[d] = snapshot(d)
	}
	for _, st := range pc.body.List {
		pc.before[st] = snapshot(st)
	}
}

// unchanged reports whether the rewrite left top-level node n as it was.
func (pc *parsedCell) unchanged(n ast.Node) bool {
	b, ok := pc.before[n]
	return ok && slices.Equal(b, snapshot(n))
}
