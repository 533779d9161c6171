package runtime

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoopRunsOneTaskAtATime checks that task bodies never overlap on the
// loop while they await.
func TestLoopRunsOneTaskAtATime(t *testing.T) {
	var running, most atomic.Int32
	body := func(ctx context.Context) (any, error) {
		for range 5 {
			n := running.Add(1)
			if n > most.Load() {
				most.Store(n)
			}
			for range 1000 { // some CPU work while holding the loop
				_ = n * n
			}
			running.Add(-1)
			if err := Sleep(ctx, time.Microsecond); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		ts := make([]Awaitable, 50)
		for i := range ts {
			ts[i] = CreateTask(ctx, body)
		}
		return Gather(ctx, ts...)
	})
	if err != nil {
		t.Fatal(err)
	}
	if most.Load() != 1 {
		t.Fatalf("at most %d task bodies ran at once, want 1", most.Load())
	}
}

// TestLoopOrder checks that tasks start in creation order, after the
// creator gives the loop away, and interleave at await points.
func TestLoopOrder(t *testing.T) {
	var mu sync.Mutex
	var log []string
	add := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		mk := func(name string) *Task {
			return CreateTask(ctx, func(ctx context.Context) (any, error) {
				add(name + "1")
				Yield(ctx)
				add(name + "2")
				return nil, nil
			})
		}
		a, b := mk("a"), mk("b")
		add("main")
		return Gather(ctx, a, b)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"main", "a1", "b1", "a2", "b2"}
	if !slices.Equal(log, want) {
		t.Fatalf("order %v, want %v", log, want)
	}
}

// TestLoopCancelLeftovers checks that Run cancels the tasks main left and
// waits for them.
func TestLoopCancelLeftovers(t *testing.T) {
	var left *Task
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		left = CreateTask(ctx, func(ctx context.Context) (any, error) {
			return nil, Blocking(ctx, func() error { <-ctx.Done(); return ctx.Err() })
		})
		Yield(ctx)
		return nil, nil
	}, WithReport(func(string) {}))
	if err != nil {
		t.Fatal(err)
	}
	if !left.IsDone() || !left.Cancelled() {
		t.Fatalf("leftover task: done %v cancelled %v", left.IsDone(), left.Cancelled())
	}
	if !errors.Is(left.Err(), ErrCancelled) {
		t.Fatalf("leftover error %v", left.Err())
	}
}
