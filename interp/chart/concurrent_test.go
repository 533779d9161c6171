package chart

import (
	"bytes"
	"sync"
	"testing"
)

// TestConcurrentCharts draws charts from several goroutines at once (cells
// may), which -race checks, and expects the bytes of a sequential drawing.
func TestConcurrentCharts(t *testing.T) {
	draw := func(i int) []byte {
		return Timeline("t", []Span{{"a", 0, float64(i + 1)}, {"b", 1, 2}}, small)
	}
	const n = 4
	want := make([][]byte, n)
	for i := range want {
		want[i] = draw(i)
	}
	got := make([][]byte, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = draw(i)
		}(i)
	}
	wg.Wait()
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("chart %d drawn concurrently differs from the sequential one", i)
		}
	}
}
