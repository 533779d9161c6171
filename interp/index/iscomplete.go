package index

import (
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete tells a console whether code is ready to run:
//
//   - "incomplete", with the indent for the next line (one tab per open
//     bracket), when brackets, a raw string or a block comment are left
//     open, or the code ends where Go needs more (`x :=`, `a +`);
//   - "invalid" when more input cannot fix it: a bracket closed that was
//     never opened (`}}`), an interpreted string or rune literal broken by
//     the end of the line, or any other syntax error;
//   - "complete" otherwise (also for empty code).
//
// It only parses; it never runs or type-checks the code.
func IsComplete(code string) (status string, indent string) {
	defer guard(func() { status, indent = "unknown", "" })
	return isComplete(code)
}

func isComplete(code string) (status string, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	depth, ok, openLiteral := scanBrackets(code)
	switch {
	case !ok:
		return "invalid", ""
	case openLiteral:
		return "incomplete", ""
	case depth > 0:
		return "incomplete", strings.Repeat("\t", depth)
	}
	c := parseCell(code)
	if c.declErr == nil && c.stmtErr == nil {
		return "complete", ""
	}
	if c.endsEarly(c.declErr, len(code)) || c.endsEarly(c.stmtErr, len(code)) {
		return "incomplete", ""
	}
	return "invalid", ""
}

// scanBrackets tokenizes code and reports the number of brackets left open,
// ok=false for a mismatched closing bracket or a broken literal, and
// openLiteral for a raw string or block comment that runs to the end.
func scanBrackets(code string) (depth int, ok bool, openLiteral bool) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(code))
	ok = true
	s.Init(f, []byte(code), func(pos token.Position, msg string) {
		switch {
		case strings.Contains(msg, "raw string literal not terminated"), strings.Contains(msg, "comment not terminated"):
			openLiteral = true
		default:
			ok = false
		}
	}, scanner.ScanComments)
	var stack []token.Token
	for {
		_, t, _ := s.Scan()
		switch t {
		case token.EOF:
			return len(stack), ok, openLiteral
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, t)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) == 0 || closing(stack[len(stack)-1]) != t {
				return 0, false, false
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func closing(open token.Token) token.Token {
	switch open {
	case token.LPAREN:
		return token.RPAREN
	case token.LBRACK:
		return token.RBRACK
	}
	return token.RBRACE
}

// endsEarly reports whether err is a parse error at the end of the cell,
// which more input could fix.
func (c *parsedCell) endsEarly(err error, codeLen int) bool {
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		return false
	}
	first := list[0]
	pfx := len(declPrefix)
	if first.Pos.Filename == "stmts" {
		pfx = len(stmtPrefix)
	}
	return first.Pos.Offset-pfx >= codeLen || strings.Contains(first.Msg, "EOF")
}
