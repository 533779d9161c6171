package index

import (
	"slices"
	"testing"
)

func TestCompleteSession(t *testing.T) {
	x := newSession(t, basicSession...)
	tests := []struct {
		name    string
		request string
		want    []string // all must be present
		exclude []string // none may be present
	}{
		{"package member", "fmt.Pri|", []string{"Print", "Printf", "Println"}, []string{"Sprint", "Errorf"}},
		{"package member case-folded", "fmt.pri|", []string{"Print", "Println"}, nil},
		{"all package members", "strings.|", []string{"Builder", "Fields", "NewReader", "TrimSpace"}, []string{"Println"}},
		{"library type methods", "b.Wr|", []string{"Write", "WriteString", "WriteByte", "WriteRune"}, []string{"Len"}},
		{"method of returned library type", "r.Re|", []string{"Read", "ReadByte", "ReadRune", "ReadAt", "Reset"}, nil},
		{"call result", "strings.NewReplacer(\"a\", \"b\").|", []string{"Replace", "WriteString"}, nil},
		{"cell type fields and methods", "p.|", []string{"X", "Y", "Label", "Norm", "Scale"}, nil},
		{"through pointer", "q.Sc|", []string{"Scale"}, []string{"Norm"}},
		{"promoted through embedding", "l.|", []string{"Name", "Point", "X", "Y", "Norm"}, nil},
		{"session names", "Gr|", []string{"Greet"}, nil},
		{"session vars", "wo|", []string{"words"}, nil},
		{"keyword and builtin", "ap|", []string{"append"}, nil},
		{"keyword", "ret|", []string{"return"}, nil},
		{"imported package name", "str|", []string{"strings", "string"}, nil},
		{"not yet imported package name", "byt|", []string{"bytes", "byte"}, nil},
		{"import path", "import \"net/ht|", []string{"net/http", "net/http/httptest"}, []string{"fmt"}},
		{"import path in block", "import (\n\t\"fmt\"\n\t\"encoding/j|", []string{"encoding/json"}, []string{"encoding/xml"}},
		{"import path of a repo package", "import rt \"github.com/gokernel/gokernel/ru|", []string{"github.com/gokernel/gokernel/runtime"}, nil},
		{"cell's own declaration", "var sb strings.Builder\nsb.Gr|", []string{"Grow"}, nil},
		{"cell's own import", "import \"bytes\"\nvar buf bytes.Buffer\nbuf.Un|", []string{"UnreadByte", "UnreadRune"}, nil},
		{"function parameter", "func f(w *strings.Builder, n int) {\n\tw.Le|", []string{"Len"}, nil},
		{"local in open function", "func f() {\n\tvar sb strings.Builder\n\tfor i := 0; i < 3; i++ {\n\t\tsb.W|", []string{"WriteString"}, nil},
		{"range over map", "m := map[string]*strings.Builder{}\nfor k, v := range m {\n\tv.Res|\n}", []string{"Reset"}, nil},
		{"type switch", "var v any\nswitch s := v.(type) {\ncase *strings.Reader:\n\ts.Si|\n}", []string{"Size"}, nil},
		{"local in case clause", "switch {\ncase true:\n\tvar sb strings.Builder\n\tsb.Gro|\n}", []string{"Grow"}, nil},
		{"select receive", "ch := make(chan *strings.Reader)\nselect {\ncase v := <-ch:\n\tv.Si|\n}", []string{"Size"}, nil},
		{"error interface", "_, err := fmt.Println()\nerr.|", []string{"Error"}, nil},
		{"interface method set", "var w io.Writer\nw.|", []string{"Write"}, nil},
		{"comma ok index", "m := map[string]strings.Builder{}\nv, ok := m[\"a\"]\nv.Wr|", []string{"WriteString"}, nil},
		{"new builtin", "sb := new(strings.Builder)\nsb.St|", []string{"String"}, nil},
		{"field of library struct", "var s http.Server\ns.Ad|", []string{"Addr"}, nil},
		{"field chain", "var c http.Client\nc.Jar.|", []string{"Cookies", "SetCookies"}, nil},
		{"promoted library methods", "var rw *bufio.ReadWriter\nrw.|", []string{"ReadString", "WriteString", "Flush", "Reader", "Writer"}, nil},
		{"generic library type", "var ap atomic.Pointer[int]\nap.|", []string{"Load", "Store", "Swap"}, nil},
		{"embedded library type in cell struct", "type S struct {\n\tstrings.Builder\n\tn int\n}\nvar s S\ns.|", []string{"Builder", "WriteString", "n"}, nil},
		{"cell interface", "type Shape interface{ Area() float64 }\nvar sh Shape\nsh.|", []string{"Area"}, nil},
		{"multiple results of cell func", "func parse() (*Point, error) { return nil, nil }\npt, err := parse()\npt.|", []string{"Norm", "X"}, nil},
		{"second result", "func parse() (*Point, error) { return nil, nil }\npt, err := parse()\nerr.|", []string{"Error"}, nil},
		{"package with major version suffix", "import \"math/rand/v2\"\nrand.In|", []string{"IntN", "Int64N"}, nil},
		{"composite literal operand", "http.Server{}.Shut|", []string{"Shutdown"}, nil},
		{"slice element", "ps := []*Point{}\nps[0].|", []string{"Scale"}, nil},
		{"map of library values", "hs := map[string]http.Header{}\nhs[\"a\"].|", []string{"Get", "Set", "Values"}, nil},
		{"variadic parameter", "func f(bs ...*bytes.Buffer) {\n\tbs[0].Tru|", []string{"Truncate"}, nil},
		{"closure parameter", "http.HandleFunc(\"/\", func(w http.ResponseWriter, r *http.Request) {\n\tr.Contex|", []string{"Context"}, nil},
		{"composite literal key", "s := http.Server{Ad|", []string{"Addr"}, nil},
		{"composite literal second key", "pt := Point{X: 1, La|}", []string{"Label"}, nil},
		{"composite literal pointer", "pt := &Point{\n\tY: 2,\n\t|", []string{"X", "Label"}, nil},
		{"composite literal value is not a key", "pt := Point{X: La|", []string{"Labelled"}, []string{"Label"}},
		{"self-embedding type terminates", "type T struct{ T; T; T }\nvar t T\nt.|", []string{"T"}, nil},
		{"mutual embedding terminates", "type A struct{ B; N int }\ntype B struct{ *A; M int }\nvar a A\na.|", []string{"B", "A", "M", "N"}, nil},
		{"self-referential var terminates", "x := x.y\nx.|", nil, nil},
		{"nothing in comments", "// fmt.Pr|", nil, []string{"Println"}},
		{"nothing in strings", "s := \"fmt.Pr|", nil, []string{"Println"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := complete(x, tt.request)
			if !hasAll(c.Matches, tt.want...) {
				t.Errorf("Complete(%q) = %v, want all of %v", tt.request, c.Matches, tt.want)
			}
			for _, e := range tt.exclude {
				if slices.Contains(c.Matches, e) {
					t.Errorf("Complete(%q) = %v, must not contain %q", tt.request, c.Matches, e)
				}
			}
			if tt.want == nil && len(c.Matches) != 0 {
				t.Errorf("Complete(%q) = %v, want none", tt.request, c.Matches)
			}
		})
	}
}

func TestCompleteRange(t *testing.T) {
	x := newSession(t, basicSession...)
	for _, tt := range []struct {
		request    string
		start, end int
	}{
		{"fmt.Pri|", 4, 7},
		{"fmt.|", 4, 4},
		{"x := 1\nGre|", 7, 10},
		{"import \"net/ht|", 8, 14},
		{"fmt.Pri|ntln", 4, 7},
	} {
		c := complete(x, tt.request)
		if c.CursorStart != tt.start || c.CursorEnd != tt.end {
			t.Errorf("Complete(%q) range = [%d,%d), want [%d,%d)", tt.request, c.CursorStart, c.CursorEnd, tt.start, tt.end)
		}
	}
}

func TestCompleteMetadata(t *testing.T) {
	x := newSession(t, basicSession...)
	c := complete(x, "fmt.Println|")
	types, ok := c.Metadata["_jupyter_types_experimental"].([]map[string]any)
	if !ok || len(types) != len(c.Matches) {
		t.Fatalf("metadata = %#v, want one entry per match %v", c.Metadata, c.Matches)
	}
	for i, m := range types {
		if m["text"] != c.Matches[i] || m["start"] != c.CursorStart || m["end"] != c.CursorEnd {
			t.Errorf("entry %d = %v, want text %q start %d end %d", i, m, c.Matches[i], c.CursorStart, c.CursorEnd)
		}
	}
	if types[0]["type"] != "function" || types[0]["signature"] != "func Println(a ...any) (n int, err error)" {
		t.Errorf("Println entry = %v", types[0])
	}
	empty := complete(x, "// nothing|")
	if empty.Matches == nil {
		t.Error("Matches is nil, want an empty slice (JSON [])")
	}
}

func TestRecordRedefinesAndReset(t *testing.T) {
	x := newSession(t, "import \"strings\"", "v := strings.NewReader(\"\")")
	if c := complete(x, "v.Si|"); !hasAll(c.Matches, "Size") {
		t.Fatalf("before redefinition: %v", c.Matches)
	}
	x.Record("import \"bytes\"\nv := bytes.NewBufferString(\"\")")
	c := complete(x, "v.|")
	if !hasAll(c.Matches, "Truncate") || slices.Contains(c.Matches, "Size") {
		t.Errorf("after redefinition v. = %v, want bytes.Buffer methods", c.Matches)
	}
	x.Reset()
	if c := complete(x, "v|"); slices.Contains(c.Matches, "v") {
		t.Errorf("after Reset: %v still has v", c.Matches)
	}
}
