package index

import (
	"strings"
	"testing"
)

func TestInspect(t *testing.T) {
	x := newSession(t, basicSession...)
	tests := []struct {
		name    string
		request string
		want    []string // substrings of text/plain
	}{
		{"library func at start", "fmt.|Println(1)", []string{"func Println(a ...any) (n int, err error)", "standard output"}},
		{"library func in middle", "fmt.Pri|ntln(1)", []string{"func Println(a ...any)", "standard output"}},
		{"library func at end", "fmt.Println|", []string{"func Println(a ...any)"}},
		{"inside call parens", "fmt.Println(|", []string{"func Println(a ...any)"}},
		{"inside call args", "fmt.Println(1, |", []string{"func Println(a ...any)"}},
		{"session func", "Gre|et(\"x\")", []string{"func Greet(name string) string", "Greet returns a greeting for name."}},
		{"session method", "p.No|rm()", []string{"func (p Point) Norm() int", "Manhattan norm"}},
		{"session type", "Point|", []string{"type Point struct", "Point is a point in the plane."}},
		{"session var inferred", "n|", []string{"var n int"}},
		{"session var of cell type", "q|", []string{"var q *Point"}},
		{"session var of library type", "r|", []string{"var r *strings.Reader"}},
		{"session var declared", "b|", []string{"var b strings.Builder", "A Builder is used to efficiently build a string"}},
		{"session var of cell type shows type doc", "q|", []string{"var q *Point", "Point is a point in the plane."}},
		{"session slice var", "words|", []string{"var words []string"}},
		{"library method", "b.WriteS|tring", []string{"func (b *Builder) WriteString(s string) (int, error)", "appends the contents of s"}},
		{"library type", "strings.Bui|lder", []string{"type Builder struct", "efficiently build a string"}},
		{"package", "strings|", []string{"package strings", "UTF-8"}},
		{"aliased repo package", "rt|", []string{"package rt", "github.com/gokernel/gokernel/runtime"}},
		{"builtin", "len|(words)", []string{"func len(v Type) int"}},
		{"field", "p.Lab|el", []string{"field Label string"}},
		{"builtin doc", "appe|nd(words, \"d\")", []string{"func append(slice []Type, elems ...Type) []Type", "appends elements to the end of a slice"}},
		{"predeclared type", "var e error|", []string{"type error interface", "conventional interface for representing"}},
		{"predeclared constant", "x := nil|", []string{"var nil Type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, cur := at(tt.request)
			found, data := x.Inspect(code, cur, 0)
			text, _ := data["text/plain"].(string)
			md, _ := data["text/markdown"].(string)
			if !found {
				t.Fatalf("Inspect(%q) found nothing", tt.request)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("Inspect(%q) text/plain = %q, want it to contain %q", tt.request, text, w)
				}
			}
			if !strings.HasPrefix(md, "```go\n") || !strings.Contains(md, tt.want[0]) {
				t.Errorf("Inspect(%q) text/markdown = %q", tt.request, md)
			}
		})
	}
}

func TestInspectDetail(t *testing.T) {
	x := newSession(t, basicSession...)
	_, data := x.Inspect("p", 1, 1)
	text := data["text/plain"].(string)
	for _, w := range []string{"var p Point", "func (p Point) Norm() int", "func (p *Point) Scale(k int)", "field Label string"} {
		if !strings.Contains(text, w) {
			t.Errorf("detail 1 of p = %q, want %q", text, w)
		}
	}
	_, short := x.Inspect("p", 1, 0)
	if strings.Contains(short["text/plain"].(string), "Scale") {
		t.Errorf("detail 0 of p lists members: %q", short["text/plain"])
	}
}

func TestInspectNothing(t *testing.T) {
	x := newSession(t, basicSession...)
	for _, req := range []string{"nosuchname|", "x := 1 + |", "// fmt.Println|", "fmt.NoSuch|"} {
		code, cur := at(req)
		if found, data := x.Inspect(code, cur, 0); found || data == nil {
			t.Errorf("Inspect(%q) = %v, %v; want false and an empty bundle", req, found, data)
		}
	}
}
