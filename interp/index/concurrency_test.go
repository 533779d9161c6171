package index

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// Complete and Inspect run while Record adds cells: each answer is
// complete for some snapshot (run with -race).
func TestConcurrentCompleteAndRecord(t *testing.T) {
	x := newSession(t, "import (\n\t\"fmt\"\n\t\"strings\"\n)")
	const cells = 100
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range cells {
			x.Record(fmt.Sprintf("var sb%d strings.Builder\nfunc helper%d() int { return %d }", i, i, i))
		}
	}()
	errs := make(chan string, 64)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if c := complete(x, "fmt.Pri|"); !hasAll(c.Matches, "Println") {
					errs <- fmt.Sprintf("goroutine %d: fmt.Pri → %v", g, c.Matches)
					return
				}
				if c := complete(x, "sb0.Wr|"); len(c.Matches) != 0 && !hasAll(c.Matches, "WriteString") {
					errs <- fmt.Sprintf("goroutine %d: partial member list %v", g, c.Matches)
					return
				}
				complete(x, "help|")
				x.Inspect("helper1", 3, i%2)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	c := complete(x, "helper|")
	if len(c.Matches) != cells {
		t.Errorf("after all records: %d helpers, want %d", len(c.Matches), cells)
	}
	if c := complete(x, fmt.Sprintf("sb%d.Wr|", cells-1)); !slices.Contains(c.Matches, "WriteString") {
		t.Errorf("last recorded var: %v", c.Matches)
	}
}

// Close stops the warm-up goroutine at once and is idempotent; the index
// keeps answering afterwards (goleak in TestMain checks nothing is left).
func TestCloseThenUse(t *testing.T) {
	x := New()
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if c := complete(x, "strings.TrimSp|"); !hasAll(c.Matches, "TrimSpace") {
		t.Errorf("after Close: %v", c.Matches)
	}
}
