package index

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
)

// A cell is parsed as two synthetic files that keep the cell's byte offsets:
// its declarations (imports, funcs, methods, types, consts, vars) as a file,
// and its statements as the body of a function. Each file is the cell with
// the other part blanked out (spaces, newlines kept) behind a fixed prefix.
const (
	declPrefix = "package p\n"
	stmtPrefix = "package p\nfunc _() {\n"
	stmtSuffix = "\n}"
)

// parsedCell is the result of parsing one cell; errors are kept, the partial
// syntax trees are still usable.
type parsedCell struct {
	fset     *token.FileSet
	decls    *ast.File // never nil
	stmts    *ast.File // never nil; stmts.Decls[0] is the wrapper func
	declErr  error
	stmtErr  error
	declBase int // file base of decls
	stmtBase int // file base of stmts
}

// body returns the statements of the cell, in order.
func (c *parsedCell) body() []ast.Stmt {
	for _, d := range c.stmts.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			return fd.Body.List
		}
	}
	return nil
}

// offset converts a position in either synthetic file to a byte offset in the cell.
func (c *parsedCell) offset(p token.Pos) int {
	f := c.fset.File(p)
	if f == nil {
		return -1
	}
	pfx := len(declPrefix)
	if f.Base() == c.stmtBase {
		pfx = len(stmtPrefix)
	}
	return f.Offset(p) - pfx
}

// parseCell parses code (a whole cell, or a cell with the completion point blanked).
func parseCell(code string) *parsedCell {
	declMask, stmtMask := splitCell(code)
	c := &parsedCell{fset: token.NewFileSet()}
	const mode = parser.ParseComments | parser.SkipObjectResolution | parser.AllErrors
	c.declBase = c.fset.Base()
	c.decls, c.declErr = parser.ParseFile(c.fset, "decls", declPrefix+declMask, mode)
	c.stmtBase = c.fset.Base()
	c.stmts, c.stmtErr = parser.ParseFile(c.fset, "stmts", stmtPrefix+stmtMask+stmtSuffix, mode)
	// The parser gives up without a tree on some inputs (e.g. invalid UTF-8).
	if c.decls == nil {
		c.decls = &ast.File{Name: ast.NewIdent("p")}
	}
	if c.stmts == nil {
		c.stmts = &ast.File{Name: ast.NewIdent("p")}
	}
	return c
}

type tok struct {
	off int
	tok token.Token
	lit string
}

// tokens scans code and ignores scanning errors (they reappear when parsing).
func tokens(code string) []tok {
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(code))
	s.Init(f, []byte(code), func(token.Position, string) {}, 0)
	var out []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			return out
		}
		out = append(out, tok{off: f.Offset(pos), tok: t, lit: lit})
	}
}

// splitCell returns two copies of code of the same length: one where only
// the top-level declarations remain and one where only the statements remain;
// everything else is blanked.
func splitCell(code string) (declMask, stmtMask string) {
	decl := []byte(code)
	stmt := []byte(code)
	for _, ch := range chunks(code) {
		dst := stmt
		if !ch.decl {
			dst = decl
		}
		blank(dst[ch.start:ch.end])
	}
	return string(decl), string(stmt)
}

func blank(b []byte) {
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
}

type chunk struct {
	start, end int
	decl       bool
}

// chunks splits code into top-level statements and declarations at the
// semicolons (explicit or automatic) outside brackets. The chunks cover code.
func chunks(code string) []chunk {
	ts := tokens(code)
	var out []chunk
	start, depth, first := 0, 0, -1
	header := false // in the header of for/if/switch, whose semicolons do not end it
	for i, t := range ts {
		switch t.tok {
		case token.FOR, token.IF, token.SWITCH:
			header = header || depth == 0
		case token.LBRACE:
			if depth == 0 {
				header = false
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if depth > 0 {
				depth--
			}
		case token.SEMICOLON:
			if depth == 0 && !header {
				end := t.off + len(t.lit)
				if t.lit == "\n" {
					end = t.off
				}
				if end < start {
					end = start
				}
				out = append(out, chunk{start: start, end: end, decl: first >= 0 && isDecl(ts, first)})
				start, first = end, -1
				continue
			}
		}
		if first < 0 {
			first = i
		}
	}
	if start < len(code) {
		out = append(out, chunk{start: start, end: len(code), decl: first >= 0 && isDecl(ts, first)})
	}
	return out
}

// isDecl reports whether the chunk starting at token i is a top-level declaration.
func isDecl(ts []tok, i int) bool {
	switch ts[i].tok {
	case token.IMPORT, token.TYPE:
		return true
	case token.FUNC:
		return isFuncDecl(ts, i)
	}
	return false
	// var and const are valid statements too; as statements they also see
	// the cell's earlier statements, which is what a cell means.
}

// isFuncDecl tells `func f(...)` and `func (r T) m(...)` from a function literal.
func isFuncDecl(ts []tok, i int) bool {
	if i+1 >= len(ts) {
		return false
	}
	if ts[i+1].tok == token.IDENT {
		return true
	}
	if ts[i+1].tok != token.LPAREN {
		return false
	}
	depth := 0
	for j := i + 1; j < len(ts); j++ {
		switch ts[j].tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
			if depth == 0 {
				return j+1 < len(ts) && ts[j+1].tok == token.IDENT
			}
		}
	}
	return false
}
