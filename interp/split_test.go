package interp

import (
	"strings"
	"testing"
)

func TestSplitCell(t *testing.T) {
	code := `import "fmt"
func f() {}
func (p point) m() {}
type point struct{ x int }
func() { fmt.Println("literal") }()
var v = 1
x := map[string]int{
	"a": 1,
}
if x != nil { f() }
package ignored`
	want := []struct {
		kind itemKind
		text string
		line int
	}{
		{itemImport, `import "fmt"`, 1},
		{itemDecl, "func f() {}", 2},
		{itemDecl, "func (p point) m() {}", 3},
		{itemDecl, "type point struct{ x int }", 4},
		{itemStmt, `func() { fmt.Println("literal") }()`, 5},
		{itemStmt, "var v = 1", 6},
		{itemStmt, "x := map[string]int{\n\t\"a\": 1,\n}", 7},
		{itemStmt, "if x != nil { f() }", 10},
	}
	got := splitCell(code)
	if len(got) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		it := got[i]
		if it.kind != w.kind || strings.TrimSpace(code[it.start:it.end]) != w.text || it.line != w.line || it.col != 1 {
			t.Errorf("item %d: kind %d %q at %d:%d, want kind %d %q at %d:1", i, it.kind, code[it.start:it.end], it.line, it.col, w.kind, w.text, w.line)
		}
	}
}
