package index

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// point describes what surrounds the cursor, in byte offsets of the cell.
type point struct {
	code      string
	cursor    int
	wordStart int // start of the identifier the cursor is in or after
	wordEnd   int // end of that identifier
	// operand is the expression before ".word" (nil if there is no dot);
	// operandStart is where it begins.
	operand      ast.Expr
	operandStart int
	hasDot       bool
	// importPath is set when the cursor is in the path of an import spec;
	// pathStart is the offset just after the opening quote.
	inImport  bool
	pathStart int
	// inLiteral is set when the cursor is inside a comment or a string.
	inLiteral bool
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// locate analyses the text around byte offset cursor.
func locate(code string, cursor int) point {
	p := point{code: code, cursor: cursor, wordStart: cursor, wordEnd: cursor}
	for p.wordStart > 0 {
		r, n := utf8.DecodeLastRuneInString(code[:p.wordStart])
		if !isIdentRune(r) {
			break
		}
		p.wordStart -= n
	}
	for p.wordEnd < len(code) {
		r, n := utf8.DecodeRuneInString(code[p.wordEnd:])
		if !isIdentRune(r) {
			break
		}
		p.wordEnd += n
	}
	p.operandStart = p.wordStart
	p.classifyLiteral()
	if p.inLiteral || p.inImport {
		return p
	}
	if p.wordStart > 0 && code[p.wordStart-1] == '.' {
		p.hasDot = true
		start := operandStart(code, p.wordStart-1)
		if start < p.wordStart-1 {
			if x, err := parser.ParseExpr(code[start : p.wordStart-1]); err == nil {
				p.operand, p.operandStart = x, start
			}
		}
	}
	return p
}

// classifyLiteral finds out whether the cursor is in a comment or string,
// and whether that string is an import path.
func (p *point) classifyLiteral() {
	prefix := p.code[:p.cursor]
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(prefix))
	s.Init(f, []byte(prefix), func(token.Position, string) {}, scanner.ScanComments)
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{off: f.Offset(pos), tok: t, lit: lit})
	}
	for len(toks) > 0 && toks[len(toks)-1].tok == token.SEMICOLON && toks[len(toks)-1].lit == "\n" {
		toks = toks[:len(toks)-1] // inserted at the end of the text
	}
	if len(toks) == 0 {
		return
	}
	last := toks[len(toks)-1]
	switch last.tok {
	case token.COMMENT:
		// A line comment runs to the cursor; a block comment only if unterminated.
		isLine := len(last.lit) >= 2 && last.lit[1] == '/'
		p.inLiteral = last.off+len(last.lit) >= p.cursor && (isLine || !closedBlock(last.lit))
	case token.STRING, token.CHAR:
		if last.off+len(last.lit) < p.cursor || closedString(last.lit) {
			return
		}
		p.inLiteral = true
		if last.tok == token.STRING && isImportSpec(toks[:len(toks)-1]) {
			p.inImport, p.inLiteral = true, false
			p.pathStart = last.off + 1
			p.wordStart = p.pathStart
			p.operandStart = p.pathStart
		}
	}
}

func closedBlock(lit string) bool {
	return len(lit) >= 4 && lit[len(lit)-2:] == "*/"
}

func closedString(lit string) bool {
	if len(lit) < 2 || lit[len(lit)-1] != lit[0] {
		return false
	}
	if lit[0] == '`' {
		return true
	}
	_, err := strconv.Unquote(lit)
	return err == nil
}

// isImportSpec reports whether a string following toks is an import path:
// `import "`, `import name "` or inside `import ( ... "`.
func isImportSpec(toks []tok) bool {
	i := len(toks) - 1
	if i >= 0 && (toks[i].tok == token.IDENT || toks[i].tok == token.PERIOD) {
		i--
	}
	if i >= 0 && toks[i].tok == token.IMPORT {
		return true
	}
	for ; i >= 0; i-- {
		switch toks[i].tok {
		case token.STRING, token.SEMICOLON, token.IDENT, token.PERIOD:
			continue
		case token.LPAREN:
			return i > 0 && toks[i-1].tok == token.IMPORT
		}
		return false
	}
	return false
}

// operandStart scans backwards from the dot at offset dot over a primary
// expression: identifiers, selectors, calls, indexes and composite literals.
func operandStart(code string, dot int) int {
	i := dot
	for i > 0 {
		switch c := code[i-1]; c {
		case ')', ']', '}':
			open := matchOpen(code, i-1)
			if open < 0 {
				return i
			}
			i = open
			continue
		}
		j := i
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(code[:j])
			if !isIdentRune(r) {
				break
			}
			j -= n
		}
		if j == i {
			return i
		}
		i = j
		if i > 0 && code[i-1] == '.' {
			i--
			continue
		}
		return i
	}
	return i
}

// matchOpen returns the offset of the bracket opening the one at close,
// skipping string literals, or -1.
func matchOpen(code string, close int) int {
	depth := 0
	for i := close; i >= 0; i-- {
		switch c := code[i]; c {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '`', '\'':
			j := i - 1
			for j >= 0 && (code[j] != c || (c != '`' && j > 0 && code[j-1] == '\\')) {
				j--
			}
			if j < 0 {
				return -1
			}
			i = j
		}
	}
	return -1
}
