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
