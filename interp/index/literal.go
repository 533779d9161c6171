package index

import (
	"go/ast"
	"go/parser"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// literalType returns the type of the composite literal whose key the word
// at wordStart is (`http.Server{Ad|` or `Point{X: 1, La|`), or nil.
func literalType(code string, wordStart int) ast.Expr {
	before := strings.TrimRight(code[:wordStart], " \t\n")
	if !strings.HasSuffix(before, "{") && !strings.HasSuffix(before, ",") {
		return nil
	}
	brace := openBrace(before)
	if brace < 0 {
		return nil
	}
	start := operandStart(code, brace)
	if start == brace {
		return nil
	}
	x, err := parser.ParseExpr(code[start:brace])
	if err != nil {
		return nil
	}
	return x
}

// openBrace returns the offset of the '{' left open at the end of s, or -1
// when a '(' or '[' is open inside it (then we are not at a key).
func openBrace(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')', ']', '}':
			depth++
		case '(', '[':
			if depth == 0 {
				return -1
			}
			depth--
		case '{':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// fieldItems lists the fields of a composite literal's type as keys.
func (e *env) fieldItems(typ ast.Expr, prefix string) []item {
	if !e.isType(typ) {
		return nil
	}
	var fields []symbol
	for _, m := range e.members(typeRef{expr: typ}) {
		if m.kind == data.FieldKind {
			fields = append(fields, m)
		}
	}
	return e.symbolItems(fields, prefix)
}
