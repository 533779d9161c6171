package interp

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	yaegi "github.com/traefik/yaegi/interp"
)

// rawLineDirective matches the directives go/printer writes: they carry the
// line in the parsed source (unadjusted), which cellLine maps to the cell.
// They are replaced by block directives with a column: with a line-only
// directive every position on the line has column 0, and yaegi, which keys
// some nodes by position, then fails ("constant definition loop").
// Directives for positions outside the cell (nodes a rewrite parsed from a
// template) are dropped.
var rawLineDirective = regexp.MustCompile(`//line [^\n]*:[0-9]+\n`)

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

// firstCellPos returns the first position inside n that belongs to the
// cell's parsed source: a rewrite may replace a statement by nodes parsed
// from a template, which keep some of the cell's nodes (the arguments).
func (pc *parsedCell) firstCellPos(n ast.Node) token.Pos {
	inCell := func(p token.Pos) bool { return int(p) >= pc.base && int(p) <= pc.base+len(pc.src) }
	if inCell(n.Pos()) {
		return n.Pos()
	}
	found := token.NoPos
	ast.Inspect(n, func(c ast.Node) bool {
		if found.IsValid() || c == nil {
			return false
		}
		if inCell(c.Pos()) {
			found = c.Pos()
			return false
		}
		return true
	})
	return found
}

// A chunk is one evaluation: source for yaegi and the kind of its items.
type chunk struct {
	src     string
	kind    itemKind
	imp     *importSpec // for an import chunk: its one import
	refresh bool        // re-evaluates earlier callers (see redefine.go)
}

// A unit is one top-level node of a parsed cell, tagged with the item it
// came from, so the evaluation keeps the cell's order.
type unit struct {
	item int
	kind itemKind
	node ast.Node
	imp  *importSpec // the import of an import unit
}

// buildChunks renders the (rewritten) cell back to source for yaegi, as a
// sequence of evaluations in cell order: new imports first, then each run of
// consecutive declarations (evaluated as a file) or statements (evaluated as
// a function body, whose variables yaegi keeps as globals). //line
// directives keep yaegi's positions on the cell's lines.
func buildChunks(fset *token.FileSet, pc *parsedCell) ([]chunk, error) {
	var units []unit
	prev := -1
	add := func(kind itemKind, n ast.Node) {
		it := pc.itemOf(pc.firstCellPos(n))
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
					// one evaluation per import, so the session knows which
					// ones the interpreter accepted
					for _, sp := range d.Specs {
						one := &ast.GenDecl{TokPos: sp.Pos(), Tok: token.IMPORT, Specs: []ast.Spec{sp}}
						units = append(units, unit{item: -1, kind: itemImport, node: one, imp: importOf(sp.(*ast.ImportSpec))})
					}
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
	var chunks []chunk
	var buf bytes.Buffer
	pc.texts = make(map[ast.Node]string)
	for i, u := range units {
		if i == 0 || u.kind != units[i-1].kind || u.kind == itemImport {
			if buf.Len() > 0 {
				chunks = append(chunks, chunk{src: buf.String(), kind: units[i-1].kind, imp: units[i-1].imp})
				buf.Reset()
			}
			if u.kind == itemStmt {
				buf.WriteString(";")
			}
		}
		text, err := nodeText(fset, pc, u)
		if err != nil {
			return nil, err
		}
		if _, ok := u.node.(*ast.FuncDecl); ok {
			pc.texts[u.node] = text
		}
		buf.WriteString("\n" + text + "\n")
	}
	if buf.Len() > 0 {
		last := units[len(units)-1]
		chunks = append(chunks, chunk{src: buf.String(), kind: last.kind, imp: last.imp})
	}
	return chunks, nil
}

// nodeText renders one top-level node for yaegi, starting with a line
// directive: the cell's own text when the rewrite left the node alone
// (exact columns, no printing), else the printed node, whose line
// directives are mapped to the cell's lines.
func nodeText(fset *token.FileSet, pc *parsedCell, u unit) (string, error) {
	n := u.node
	if u.imp != nil {
		p := fset.Position(n.(*ast.GenDecl).Specs[0].Pos())
		return fmt.Sprintf("import /*line %s:%d:%d*/%s", yaegiFile, p.Line, p.Column, u.imp), nil
	}
	if pc.unchanged(n) {
		p := fset.Position(n.Pos())
		return fmt.Sprintf("/*line %s:%d:%d*/", yaegiFile, p.Line, p.Column) +
			pc.src[int(n.Pos())-pc.base:int(n.End())-pc.base], nil
	}
	var nb bytes.Buffer
	cfg := printer.Config{Mode: printer.SourcePos, Tabwidth: 8}
	if err := cfg.Fprint(&nb, fset, n); err != nil {
		return "", err
	}
	text := rawLineDirective.ReplaceAllFunc(nb.Bytes(), func(m []byte) []byte {
		d := string(m[len("//line ") : len(m)-1])
		i := strings.LastIndexByte(d, ':')
		if d[:i] != parseFile {
			return nil
		}
		l, _ := strconv.Atoi(d[i+1:])
		return []byte("/*line " + yaegiFile + ":" + strconv.Itoa(pc.cellLine(fset, l)) + ":1*/")
	})
	if u.item >= 0 && !bytes.HasPrefix(text, []byte("/*line ")) {
		text = append([]byte(fmt.Sprintf("/*line %s:%d:1*/", yaegiFile, pc.items[u.item].line)), text...)
	}
	return string(text), nil
}
