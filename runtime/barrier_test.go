package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"sort"
	"sync"
	"testing"
)

func TestBarrierRounds(t *testing.T) {
	b := NewBarrier(3)
	for round := range 2 {
		idx := make(chan int, 3)
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				i, err := b.Wait(context.Background())
				if err != nil {
					t.Error(err)
				}
				idx <- i
			})
		}
		wg.Wait()
		close(idx)
		var got []int
		for i := range idx {
			got = append(got, i)
		}
		sort.Ints(got)
		if len(got) != 3 || got[0] != 0 || got[1] != 1 || got[2] != 2 {
			t.Fatalf("round %d: indexes %v, want [0 1 2]", round, got)
		}
	}
}

func TestBarrierAbortAndCancel(t *testing.T) {
	b := NewBarrier(2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait with cancelled ctx: %v", err)
	}
	if b.Waiting() != 0 {
		t.Fatalf("cancelled party still counted: %d waiting", b.Waiting())
	}
	errs := make(chan error)
	go func() {
		_, err := b.Wait(context.Background())
		errs <- err
	}()
	for b.Waiting() < 1 {
		goruntime.Gosched()
	}
	b.Abort()
	if err := <-errs; !errors.Is(err, ErrBrokenBarrier) {
		t.Fatalf("waiter after Abort: %v", err)
	}
	if _, err := b.Wait(context.Background()); !errors.Is(err, ErrBrokenBarrier) || !b.Broken() {
		t.Fatalf("Wait on broken barrier: %v", err)
	}
	b.Reset()
	if b.Broken() || b.Parties() != 2 {
		t.Fatal("Reset did not repair the barrier")
	}
}
