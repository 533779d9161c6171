package runtime

import (
	"context"
	"testing"
	"time"
)

func trivial(context.Context) (any, error) { return 1, nil }

// BenchmarkGather100kLoop gathers 100k trivial tasks on one event loop, like
// asyncio.gather of 100k trivial coroutines.
func BenchmarkGather100kLoop(b *testing.B) {
	for b.Loop() {
		_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
			ts := make([]Awaitable, 100_000)
			for i := range ts {
				ts[i] = CreateTask(ctx, trivial)
			}
			return Gather(ctx, ts...)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGather100kGoroutines gathers 100k trivial tasks, each on its own
// goroutine (no loop: real parallelism).
func BenchmarkGather100kGoroutines(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		ts := make([]Awaitable, 100_000)
		for i := range ts {
			ts[i] = CreateTask(ctx, trivial)
		}
		if _, err := Gather(ctx, ts...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSleep10kLoop runs 10k concurrent 100 ms sleeps on one loop; the
// time per op is the wall time of the whole batch.
func BenchmarkSleep10kLoop(b *testing.B) {
	for b.Loop() {
		_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
			ts := make([]Awaitable, 10_000)
			for i := range ts {
				ts[i] = CreateTask(ctx, func(ctx context.Context) (any, error) {
					return nil, Sleep(ctx, 100*time.Millisecond)
				})
			}
			return Gather(ctx, ts...)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
