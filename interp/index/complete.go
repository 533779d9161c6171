package index

import (
	"go/ast"
	"sort"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// Completion is the answer to a complete_request. Positions are in Unicode
// code points, as Jupyter counts them: the client replaces
// code[CursorStart:CursorEnd] with the chosen match. The zero value is an
// empty completion at the start of the cell (but its Matches is nil, which
// JSON encodes as null; Complete always returns a non-nil slice).
type Completion struct {
	Matches     []string       // never nil
	CursorStart int            // code points
	CursorEnd   int            // code points
	Metadata    map[string]any // "_jupyter_types_experimental": []map[string]any{start, end, text, type, signature}
}

// maxMatches bounds a reply (an empty prefix can match thousands of names).
const maxMatches = 500

type item struct {
	text      string
	kind      string // Jupyter completion type: function, class, instance, module, keyword, ...
	signature string
}

// Complete returns the completions for the identifier (or import path)
// ending at cursor, a position in code points. It understands package
// members (fmt.Pri), fields and methods of values of session and library
// types (b.Wr after `var b strings.Builder`), import paths inside
// `import "..."`, the session's names, the cell's own names and locals,
// keywords and builtins. It does not wait for Record.
func (x *Index) Complete(code string, cursor int) (c Completion) {
	defer guard(func() { c = completion(code, 0, 0, nil) })
	return x.complete(code, cursor)
}

func (x *Index) complete(code string, cursor int) Completion {
	off := byteOffset(code, cursor)
	p := locate(code, off)
	prefix := code[p.wordStart:off]
	var items []item
	switch {
	case p.inImport:
		items = x.importItems(prefix)
	case p.inLiteral:
	case p.hasDot:
		if p.operand != nil {
			e := x.newEnv(code, p)
			items = e.symbolItems(e.selectorSymbols(p.operand), prefix)
		}
	default:
		e := x.newEnv(code, p)
		if lit := literalType(code, p.wordStart); lit != nil {
			items = e.fieldItems(lit, prefix) // keys first
		}
		items = append(items, e.identItems(prefix)...)
	}
	return completion(code, p.wordStart, off, items)
}

func completion(code string, start, end int, items []item) Completion {
	c := Completion{
		Matches:     make([]string, 0, len(items)),
		CursorStart: codePoints(code, start),
		CursorEnd:   codePoints(code, end),
	}
	types := make([]map[string]any, 0, len(items))
	for _, it := range items {
		c.Matches = append(c.Matches, it.text)
		types = append(types, map[string]any{
			"start": c.CursorStart, "end": c.CursorEnd, "text": it.text, "type": it.kind, "signature": it.signature,
		})
	}
	c.Metadata = map[string]any{"_jupyter_types_experimental": types}
	return c
}

// matcher filters names by prefix: case-sensitive matches if there are any,
// else case-insensitive ones.
type matcher struct {
	prefix, lower string
}

func (m matcher) exact(s string) bool { return strings.HasPrefix(s, m.prefix) }

func (m matcher) fold(s string) bool {
	return len(s) >= len(m.lower) && strings.EqualFold(s[:len(m.lower)], m.lower)
}

// filter keeps the names that match, sorted, without duplicates.
func filter[T any](all []T, name func(T) string, prefix string) []T {
	m := matcher{prefix: prefix, lower: strings.ToLower(prefix)}
	var out []T
	for _, pass := range []func(string) bool{m.exact, m.fold} {
		for _, v := range all {
			if pass(name(v)) {
				out = append(out, v)
			}
		}
		if len(out) > 0 || prefix == "" {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return name(out[i]) < name(out[j]) })
	if len(out) > maxMatches {
		out = out[:maxMatches]
	}
	return out
}

// selectorSymbols lists what may follow "x.": package members or the
// fields and methods of x's type.
func (e *env) selectorSymbols(x ast.Expr) []symbol {
	if id, ok := x.(*ast.Ident); ok {
		if d := e.lookup(id.Name); d == nil || d.kind == data.PackageKind {
			if p := e.packageOf(id.Name, nil); p != nil {
				return packageSymbols(p)
			}
		}
	}
	return e.members(e.typeOf(x))
}

func packageSymbols(p *libPackage) []symbol {
	out := make([]symbol, 0, len(p.Members))
	for i := range p.Members {
		m := &p.Members[i]
		out = append(out, symbol{name: m.Name, kind: m.Kind, signature: m.Signature, doc: m.Doc})
	}
	return out
}

func (e *env) symbolItems(syms []symbol, prefix string) []item {
	syms = filter(syms, func(s symbol) string { return s.name }, prefix)
	out := make([]item, len(syms))
	for i, s := range syms {
		out[i] = item{text: s.name, kind: s.kind.String(), signature: s.signature}
	}
	return out
}

// identItems completes a bare identifier.
func (e *env) identItems(prefix string) []item {
	var all []item
	seen := map[string]bool{}
	add := func(it item) {
		if !seen[it.text] {
			seen[it.text] = true
			all = append(all, it)
		}
	}
	for _, m := range []map[string]*decl{e.locals, e.cellDecls, e.sess.decls, e.cellImports, e.sess.imports} {
		for name, d := range m {
			add(item{text: name, kind: d.kind.String(), signature: "\x00"}) // signature filled after filtering
		}
	}
	for _, k := range keywords {
		add(item{text: k, kind: "keyword"})
	}
	for _, t := range builtinTypes {
		add(item{text: t, kind: "class", signature: "type " + t})
	}
	for name, sig := range builtinFuncs {
		add(item{text: name, kind: "function", signature: sig})
	}
	for _, c := range builtinConsts {
		add(item{text: c, kind: "keyword"})
	}
	if prefix != "" {
		for _, info := range e.lib.packages() {
			add(item{text: info.Name, kind: "module", signature: "package " + info.Name + " // import \"" + info.Path + "\""})
		}
	}
	out := filter(all, func(it item) string { return it.text }, prefix)
	for i := range out {
		if out[i].signature == "\x00" {
			out[i].signature = e.signatureOf(e.lookup(out[i].text))
		}
	}
	return out
}

// importItems completes an import path.
func (x *Index) importItems(prefix string) []item {
	var out []item
	for _, info := range x.lib.packages() {
		if strings.HasPrefix(info.Path, prefix) {
			out = append(out, item{text: info.Path, kind: "module", signature: info.Synopsis})
		}
	}
	if len(out) == 0 && prefix != "" && !strings.Contains(prefix, "/") {
		for _, info := range x.lib.packages() {
			if strings.HasPrefix(info.Name, prefix) {
				out = append(out, item{text: info.Path, kind: "module", signature: info.Synopsis})
			}
		}
	}
	if len(out) > maxMatches {
		out = out[:maxMatches]
	}
	return out
}
