package index

import (
	"fmt"
	"io/fs"
	"slices"
	"testing"
	"time"
)

// session200 is a 200-cell notebook: imports, types with methods, funcs and
// variables of library and cell types.
func session200() []string {
	cells := []string{"import (\n\t\"fmt\"\n\t\"strings\"\n\t\"net/http\"\n\t\"bytes\"\n)", "import rt \"github.com/gokernel/gokernel/runtime\""}
	for i := len(cells); i < 200; i++ {
		switch i % 4 {
		case 0:
			cells = append(cells, fmt.Sprintf("// T%d is a type.\ntype T%d struct {\n\tA, B int\n\tName string\n}\n\nfunc (t *T%d) Sum() int { return t.A + t.B }", i, i, i))
		case 1:
			cells = append(cells, fmt.Sprintf("// F%d computes.\nfunc F%d(x int) *T%d { return &T%d{A: x} }", i, i, i-1, i-1))
		case 2:
			cells = append(cells, fmt.Sprintf("v%d := F%d(%d)\nvar sb%d strings.Builder\nsb%d.WriteString(\"x\")\nfmt.Println(v%d.Sum())", i, i-1, i, i, i, i))
		default:
			cells = append(cells, fmt.Sprintf("req%d, err := http.NewRequest(\"GET\", \"http://x\", nil)\nif err != nil {\n\tpanic(err)\n}\nbuf%d := bytes.NewBufferString(req%d.URL.Path)", i, i, i))
		}
	}
	return cells
}

var benchRequests = []string{
	"fmt.Pri|",
	"sb198.Wr|",
	"v198.|",
	"req199.URL.|",
	"buf199.Wr|",
	"F1|",
	"import \"net/ht|",
	"strings.|",
	"x := 1\nfor i := 0; i < x; i++ {\n\tv102.S|\n}",
	"http.Server{}.|",
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		x := New()
		b.StopTimer()
		x.Close()
		b.StartTimer()
	}
}

// BenchmarkFirstComplete measures a fresh index (no warm-up) answering
// its first request: manifest and package decoding included.
func BenchmarkFirstComplete(b *testing.B) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		x := newIndex(sub, nil)
		x.Complete("import \"strings\"\nvar sb strings.Builder\nsb.Wr", 50)
		b.StopTimer()
		x.Close()
		b.StartTimer()
	}
}

// BenchmarkComplete200 measures completion in a 200-cell session and
// reports the median latency of a request.
func BenchmarkComplete200(b *testing.B) {
	x := New()
	defer x.Close()
	for _, c := range session200() {
		x.Record(c)
	}
	codes := make([]string, len(benchRequests))
	curs := make([]int, len(benchRequests))
	for i, r := range benchRequests {
		codes[i], curs[i] = at(r)
		if len(x.Complete(codes[i], curs[i]).Matches) == 0 {
			b.Fatalf("no completion for %q", r)
		}
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		x.Complete(codes[i%len(codes)], curs[i%len(codes)])
		lat = append(lat, time.Since(start))
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "median-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

func BenchmarkInspect200(b *testing.B) {
	x := New()
	defer x.Close()
	for _, c := range session200() {
		x.Record(c)
	}
	for b.Loop() {
		x.Inspect("fmt.Println(v198.Sum())", 20, 0)
	}
}

func BenchmarkRecord(b *testing.B) {
	x := New()
	defer x.Close()
	cells := session200()
	for i := 0; b.Loop(); i++ {
		x.Record(cells[i%len(cells)])
	}
}

func BenchmarkIsComplete(b *testing.B) {
	for b.Loop() {
		IsComplete("for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n")
	}
}
