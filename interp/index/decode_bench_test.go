package index

import (
	"io/fs"
	"testing"
)

// BenchmarkDecodePackage measures decoding one large package description
// (net/http), the cost the first request touching it pays.
func BenchmarkDecodePackage(b *testing.B) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		l := newLibrary(sub)
		if l.pkg("net/http") == nil {
			b.Fatal("net/http missing")
		}
	}
}
