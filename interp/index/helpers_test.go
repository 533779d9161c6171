package index

import (
	"slices"
	"strings"
	"testing"
)

// newSession returns an Index that has recorded cells, closed at the end of the test.
func newSession(t testing.TB, cells ...string) *Index {
	t.Helper()
	x := New()
	t.Cleanup(func() { x.Close() })
	for _, c := range cells {
		x.Record(c)
	}
	return x
}

// at splits a request written with a "|" marking the cursor into the code
// and the cursor in code points.
func at(marked string) (code string, cursor int) {
	i := strings.Index(marked, "|")
	if i < 0 {
		return marked, len([]rune(marked))
	}
	code = marked[:i] + marked[i+1:]
	return code, len([]rune(marked[:i]))
}

func complete(x *Index, marked string) Completion {
	code, cur := at(marked)
	return x.Complete(code, cur)
}

func hasAll(got []string, want ...string) bool {
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}

// basicSession is a realistic notebook prefix.
var basicSession = []string{
	"import (\n\t\"fmt\"\n\t\"strings\"\n)",
	"import rt \"github.com/gokernel/gokernel/runtime\"",
	"var b strings.Builder\nb.WriteString(\"hi\")",
	`// Point is a point in the plane.
type Point struct {
	X, Y int // coordinates
	Label string
}

// Norm returns the Manhattan norm of p.
func (p Point) Norm() int { return abs(p.X) + abs(p.Y) }

// Scale multiplies both coordinates by k.
func (p *Point) Scale(k int) { p.X *= k; p.Y *= k }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}`,
	`// Greet returns a greeting for name.
func Greet(name string) string { return "hello " + name }
p := Point{1, 2}
q := &p
n := p.Norm()
words := strings.Fields("a b c")
r := strings.NewReader("text")
const limit = 10
var total float64`,
	"type Labelled struct {\n\tPoint\n\tName string\n}\nl := Labelled{Name: \"a\"}",
}
