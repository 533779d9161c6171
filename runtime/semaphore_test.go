package runtime

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// Holders meet in groups of limit at a barrier while holding a permit: the
// test deadlocks if the semaphore admits fewer, and sees a larger maximum
// if it admits more.
func TestSemaphoreLimitsConcurrency(t *testing.T) {
	const limit, workers = 3, 9
	s := NewSemaphore(limit)
	meet := NewBarrier(limit)
	var cur, maxSeen atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			if err := s.Acquire(context.Background()); err != nil {
				t.Error(err)
				return
			}
			defer s.Release()
			n := cur.Add(1)
			for m := maxSeen.Load(); n > m && !maxSeen.CompareAndSwap(m, n); m = maxSeen.Load() {
			}
			if _, err := meet.Wait(context.Background()); err != nil {
				t.Error(err)
			}
			cur.Add(-1)
		})
	}
	wg.Wait()
	if maxSeen.Load() != limit {
		t.Fatalf("max concurrent holders %d, want %d", maxSeen.Load(), limit)
	}
	if s.Available() != limit {
		t.Fatalf("available %d after all released, want %d", s.Available(), limit)
	}
}

func TestSemaphoreTryCancelOverRelease(t *testing.T) {
	s := NewSemaphore(1)
	if !s.TryAcquire() || !s.Locked() || s.TryAcquire() {
		t.Fatal("TryAcquire does not respect the single permit")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Acquire with cancelled ctx: %v", err)
	}
	s.Release()
	defer func() {
		if recover() == nil {
			t.Fatal("over-release did not panic")
		}
	}()
	s.Release()
}

// A waiter that is handed a permit but gives up (its ctx ended at the same
// moment) must not lose the permit.
func TestSemaphoreHandOverToCancelledWaiterKeepsPermit(t *testing.T) {
	s := NewSemaphore(1)
	if !s.TryAcquire() {
		t.Fatal("TryAcquire failed")
	}
	s.p.mu.Lock()
	w := s.p.waiters.add()
	s.p.mu.Unlock()
	s.Release() // handed to w
	if s.Available() != 0 {
		t.Fatalf("permit not handed over: %d available", s.Available())
	}
	s.p.mu.Lock()
	if !s.p.waiters.cancel(w) {
		s.p.free++ // what park's lost callback does
	}
	s.p.mu.Unlock()
	if s.Available() != 1 {
		t.Fatalf("permit lost: %d available", s.Available())
	}
}

// Many goroutines acquiring with contexts that end at random moments never
// lose or duplicate a permit.
func TestSemaphoreCancelStress(t *testing.T) {
	s := NewSemaphore(2)
	var wg sync.WaitGroup
	var inside atomic.Int64
	for i := range 50 {
		wg.Go(func() {
			ctx, cancel := context.WithCancel(context.Background())
			if i%2 == 0 {
				cancel()
			}
			defer cancel()
			if s.Acquire(ctx) != nil {
				return
			}
			if inside.Add(1) > 2 {
				t.Error("more than 2 holders")
			}
			inside.Add(-1)
			s.Release()
		})
	}
	wg.Wait()
	if s.Available() != 2 {
		t.Fatalf("%d permits available after all released, want 2", s.Available())
	}
}
