package interp

import (
	"go/scanner"
	"go/token"
)

// itemKind classifies one top-level item of a cell.
type itemKind int

const (
	itemImport itemKind = iota // import declaration
	itemDecl                   // func, method or type declaration (package level)
	itemStmt                   // statement, var or const declaration (runs in order)
)

// An item is one top-level piece of a cell: the text between two top-level
// semicolons (explicit or automatic), with its position in the cell.
type item struct {
	kind       itemKind
	start, end int // byte offsets in the cell's code
	line, col  int // position of the first token (1-based)
}

// splitCell cuts a cell into top-level items with go/scanner, tracking
// bracket depth. It never fails: malformed code yields items that the parser
// then reports on.
func splitCell(src string) []item {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)

	var items []item
	var toks []token.Token
	depth, start := 0, -1
	flush := func(end int) {
		// a package clause (a whole program pasted into a cell) is ignored
		if start >= 0 && len(toks) > 0 && toks[0] != token.PACKAGE {
			p := file.Position(file.Pos(start))
			items = append(items, item{kind: classify(toks), start: start, end: end, line: p.Line, col: p.Column})
		}
		toks, start = toks[:0], -1
	}
	for {
		pos, tok, _ := s.Scan()
		off := file.Offset(pos)
		switch tok {
		case token.EOF:
			flush(len(src))
			return items
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth <= 0 {
				flush(off)
				continue
			}
		}
		if start < 0 {
			start = off
		}
		toks = append(toks, tok)
	}
}

// classify decides an item's kind from its tokens: `func name`, `func (recv)
// name` and `type` are package-level declarations; a func literal, var, const
// and everything else are statements.
func classify(toks []token.Token) itemKind {
	switch toks[0] {
	case token.IMPORT:
		return itemImport
	case token.TYPE:
		return itemDecl
	case token.FUNC:
		if len(toks) > 1 && toks[1] == token.IDENT {
			return itemDecl
		}
		if len(toks) > 1 && toks[1] == token.LPAREN {
			depth := 0
			for i := 1; i < len(toks); i++ {
				switch toks[i] {
				case token.LPAREN:
					depth++
				case token.RPAREN:
					depth--
				}
				if depth == 0 {
					if i+1 < len(toks) && toks[i+1] == token.IDENT {
						return itemDecl
					}
					return itemStmt
				}
			}
		}
	}
	return itemStmt
}
