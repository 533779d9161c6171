package rewrite

import (
	"go/ast"
	"go/parser"
	"strings"
)

// template parses src after replacing each (placeholder, spelling) pair of
// repl (whole words) and the helper package name.
func (r *rewriter) template(src string, repl ...string) ast.Expr {
	words := map[string]string{"__gkrw": r.helpers}
	for i := 0; i+1 < len(repl); i += 2 {
		words[repl[i]] = repl[i+1]
	}
	src = replaceWords(src, words)
	fn, err := parser.ParseExpr(src)
	if err != nil {
		panic("rewrite: cell function template does not parse: " + err.Error() + "\n" + src)
	}
	clearPos(fn)
	return fn
}

// replaceWords replaces, in one pass, every whole word of s that is a key
// of words with its value.
func replaceWords(s string, words map[string]string) string {
	isWord := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isWord(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && isWord(s[j]) {
			j++
		}
		w := s[i:j]
		if with, ok := words[w]; ok {
			w = with
		}
		b.WriteString(w)
		i = j
	}
	return b.String()
}
