package runtime

import (
	"context"
	"testing"
)

// transferItems is how many items one op of the queue benchmarks moves.
const transferItems = 10_000

// BenchmarkQueueBounded1 moves 10k items per op from a producer goroutine
// to a consumer through a Queue of size 1; its anchor is asyncio_queue1_10k
// (asyncio.Queue(maxsize=1)) in bench/runtime/futures_queue.py.
func BenchmarkQueueBounded1(b *testing.B) {
	ctx := context.Background()
	q := NewQueue(1)
	n := b.N * transferItems
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < n; i++ {
			_ = q.Put(ctx, i)
		}
	}()
	for i := 0; i < n; i++ {
		if _, err := q.Get(ctx); err != nil {
			b.Fatal(err)
		}
	}
	<-done
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkChanBounded1 is the same transfer over a Go channel of
// capacity 1, for reference.
func BenchmarkChanBounded1(b *testing.B) {
	n := b.N * transferItems
	ch := make(chan any, 1)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	for i := 0; i < n; i++ {
		<-ch
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
}
