package index

import (
	"go/ast"
	"go/doc/comment"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// Inspect describes the name at cursor (a position in code points, anywhere
// on the identifier or just after it; inside a call's parentheses it
// describes the called function). data holds "text/plain" (signature, then
// doc) and "text/markdown". detailLevel > 0 adds the fields and methods of
// types and of variables' types. found is false when nothing is known.
// It does not wait for Record.
func (x *Index) Inspect(code string, cursor int, detailLevel int) (found bool, data map[string]any) {
	defer guard(func() { found, data = false, map[string]any{} })
	return x.inspect(code, cursor, detailLevel)
}

func (x *Index) inspect(code string, cursor int, detailLevel int) (found bool, data map[string]any) {
	off := byteOffset(code, cursor)
	p := locate(code, off)
	if p.inLiteral || p.inImport {
		return false, map[string]any{}
	}
	if p.wordStart == p.wordEnd { // not on a name: the function whose call we are in
		open := openCall(code, off)
		if open < 0 {
			return false, map[string]any{}
		}
		p = locate(code, open)
	}
	e := x.newEnv(code, p)
	name := code[p.wordStart:p.wordEnd]
	var sym symbol
	var ok bool
	if p.hasDot {
		sym, ok = e.selectorSymbol(p.operand, name)
	} else {
		sym, ok = e.identSymbol(name)
	}
	if !ok {
		return false, map[string]any{}
	}
	return true, e.render(sym, detailLevel)
}

// openCall returns the offset of the name before the innermost '(' left
// open before off, or -1.
func openCall(code string, off int) int {
	depth := 0
	for i := off - 1; i >= 0; i-- {
		switch code[i] {
		case ')', ']', '}':
			depth++
		case '[', '{':
			depth--
		case '(':
			if depth == 0 {
				return i
			}
			depth--
		}
		if depth < 0 {
			return -1
		}
	}
	return -1
}

func (e *env) selectorSymbol(operand ast.Expr, name string) (symbol, bool) {
	if operand == nil {
		return symbol{}, false
	}
	if id, ok := operand.(*ast.Ident); ok {
		if d := e.lookup(id.Name); d == nil || d.kind == data.PackageKind {
			if p := e.packageOf(id.Name, nil); p != nil {
				if m := p.members[name]; m != nil {
					return libSymbol(p, m), true
				}
				return symbol{}, false
			}
		}
	}
	for _, s := range e.members(e.typeOf(operand)) {
		if s.name == name {
			return s, true
		}
	}
	return symbol{}, false
}

func libSymbol(p *libPackage, m *data.Member) symbol {
	s := symbol{name: m.Name, kind: m.Kind, signature: m.Signature, doc: m.Doc}
	if m.Kind == data.TypeKind {
		s.typ = typeRef{expr: ast.NewIdent(m.Name), pkg: p}
	} else {
		s.typ = typeRef{expr: p.typeExpr(m.Type), pkg: p}
	}
	return s
}

func (e *env) identSymbol(name string) (symbol, bool) {
	if d := e.lookup(name); d != nil {
		s := symbol{name: name, kind: d.kind, signature: e.signatureOf(d), doc: d.doc}
		switch d.kind {
		case data.TypeKind:
			s.typ = typeRef{expr: ast.NewIdent(name)}
		case data.PackageKind:
			if p := e.lib.pkg(d.path); p != nil {
				s.doc = p.Doc
			}
		default:
			s.typ = e.declType(d)
			if s.doc == "" {
				s.doc = e.typeDoc(s.typ)
			}
		}
		return s, true
	}
	if b := e.lib.builtin(); b != nil {
		if m := b.members[name]; m != nil {
			s := symbol{name: name, kind: m.Kind, signature: m.Signature, doc: m.Doc}
			if m.Kind == data.TypeKind {
				s.typ = universal(name)
			}
			return s, true
		}
	}
	if sig, ok := builtinFuncs[name]; ok {
		return symbol{name: name, kind: data.FuncKind, signature: sig, doc: "Built-in function " + name + "; see https://go.dev/ref/spec#Built-in_functions.\n"}, true
	}
	if isBuiltinType(name) {
		return symbol{name: name, kind: data.TypeKind, signature: "type " + name, doc: "Predeclared type " + name + ".\n", typ: universal(name)}, true
	}
	if ps := e.lib.pathsNamed(name); len(ps) > 0 {
		if p := e.lib.pkg(ps[0]); p != nil {
			return symbol{name: name, kind: data.PackageKind, signature: "package " + p.Name + " // import \"" + p.Path + "\"", doc: p.Doc}, true
		}
	}
	return symbol{}, false
}

// typeDoc is the doc comment of the named type t (or *t) is, if any.
func (e *env) typeDoc(t typeRef) string {
	if p, ok := ast.Unparen(t.expr).(*ast.StarExpr); ok {
		t.expr = p.X
	}
	n, ok := e.named(t)
	switch {
	case !ok:
		return ""
	case n.member != nil:
		return n.member.Doc
	case n.sess != nil:
		return n.sess.doc
	}
	return ""
}

// render builds the MIME bundle of an inspect reply.
func (e *env) render(s symbol, detailLevel int) map[string]any {
	var extra []string
	if detailLevel > 0 && s.kind != data.FuncKind && s.kind != data.MethodKind && s.kind != data.PackageKind {
		for _, m := range e.members(s.typ) {
			extra = append(extra, m.signature)
		}
	}
	code := s.signature
	if len(extra) > 0 {
		code += "\n\n" + strings.Join(extra, "\n")
	}
	var p comment.Parser
	d := p.Parse(s.doc)
	var pr comment.Printer
	plain := code
	md := "```go\n" + code + "\n```\n"
	if strings.TrimSpace(s.doc) != "" {
		plain += "\n\n" + strings.TrimRight(string(pr.Text(d)), "\n")
		md += "\n" + string(pr.Markdown(d))
	}
	return map[string]any{"text/plain": plain, "text/markdown": md}
}
