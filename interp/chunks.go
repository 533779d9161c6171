package interp

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"regexp"
	"sort"
	"strconv"

	yaegi "github.com/traefik/yaegi/interp"
)

// rawLineDirective matches the directives go/printer writes: they carry the
// line in the parsed source (unadjusted), which cellLine maps to the cell.
// They are replaced by block directives with a column: with a line-only
// directive every position on the line has column 0, and yaegi, which keys
// some nodes by position, then fails ("constant definition loop").
var rawLineDirective = regexp.MustCompile(`//line :[0-9]+\n`)

// cellLine maps a line of the parsed source to the cell's line: the item
// that contains it starts at a known cell line, and lines inside an item
// follow one another.
func (pc *parsedCell) cellLine(fset *token.FileSet, raw int) int {
	tf := fset.File(token.Pos(pc.base))
	best, bestLine := -1, 0
	for i, off := range pc.srcOff {
		l := tf.PositionFor(tf.Pos(off), false).Line
		if l <= raw && l > bestLine {
			best, bestLine = i, l
		}
	}
	if best < 0 {
		return raw
	}
	return pc.items[best].line + raw - bestLine
}

// yaegiFile is the file name in the line directives of evaluated chunks. It
// must be yaegi's own default name: yaegi registers an import under the
// file name of the chunk's first position (before any directive) but looks
// some package names up under the file name of the using node, so any other
// name breaks `x := pkg.F()` ("constant definition loop"). yaegi strips the
// name from its messages; the session adds "cell:" back.
const yaegiFile = yaegi.DefaultSourceName

// A unit is one top-level node of a parsed cell, tagged with the item it
// came from, so the evaluation keeps the cell's order.
type unit struct {
	item int
	kind itemKind
	node ast.Node
}

// buildChunks renders the (rewritten) cell back to source for yaegi, as a
// sequence of evaluations in cell order: new imports first, then each run of
// consecutive declarations (evaluated as a file) or statements (evaluated as
// a function body, whose variables yaegi keeps as globals). //line
// directives keep yaegi's positions on the cell's lines.
func buildChunks(fset *token.FileSet, pc *parsedCell) ([]string, error) {
	var units []unit
	prev := -1
	add := func(kind itemKind, n ast.Node) {
		it := pc.itemOf(n.Pos())
		if it < 0 {
			it = prev
		}
		prev = it
		units = append(units, unit{item: it, kind: kind, node: n})
	}
	for _, d := range pc.file.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				if pc.itemOf(d.Pos()) >= 0 { // not the session's imports
					units = append(units, unit{item: -1, kind: itemImport, node: d})
				}
				continue
			}
			add(itemDecl, d)
		case *ast.FuncDecl:
			if d.Name.Name == cellFunc {
				continue
			}
			add(itemDecl, d)
		}
	}
	prev = -1
	for _, st := range pc.body.List {
		add(itemStmt, st)
	}
	// Imports first; then declarations (Go hoists them: a statement may call
	// a function declared below it), unless declarations use the cell's
	// variables, then everything in cell order.
	rank := func(u unit) int {
		switch {
		case u.kind == itemImport:
			return 0
		case u.kind == itemDecl && !pc.declsUseVars:
			return 1
		}
		return 2
	}
	sort.SliceStable(units, func(i, j int) bool {
		if ri, rj := rank(units[i]), rank(units[j]); ri != rj {
			return ri < rj
		}
		return units[i].item < units[j].item
	})
	var chunks []string
	var buf bytes.Buffer
	cfg := printer.Config{Mode: printer.SourcePos, Tabwidth: 8}
	for i, u := range units {
		if i == 0 || u.kind != units[i-1].kind {
			if buf.Len() > 0 {
				chunks = append(chunks, buf.String())
				buf.Reset()
			}
			if u.kind == itemStmt {
				buf.WriteString(";")
			}
		}
		buf.WriteString("\n")
		var nb bytes.Buffer
		if err := cfg.Fprint(&nb, fset, u.node); err != nil {
			return nil, err
		}
		text := rawLineDirective.ReplaceAllFunc(nb.Bytes(), func(m []byte) []byte {
			n, _ := strconv.Atoi(string(m[len("//line :") : len(m)-1]))
			return []byte("/*line " + yaegiFile + ":" + strconv.Itoa(pc.cellLine(fset, n)) + ":1*/")
		})
		buf.Write(text)
		buf.WriteString("\n")
	}
	if buf.Len() > 0 {
		chunks = append(chunks, buf.String())
	}
	return chunks, nil
}
