package runtime

import (
	"context"
	"testing"
)

// benchBatch is how many tasks one op of the pool benchmarks submits and
// awaits.
const benchBatch = 1000

func benchTask(ctx context.Context) (any, error) { return 1, nil }

// BenchmarkExecutorSubmitResult submits 1000 tasks per op to an 8-worker
// executor and awaits their results, like
// [f.result() for f in [ex.submit(fn) for ...]] on ThreadPoolExecutor(8)
// (threadpool8_submit_1k in bench/runtime/futures_queue.py).
func BenchmarkExecutorSubmitResult(b *testing.B) {
	ctx := context.Background()
	ex := NewExecutor(8)
	defer ex.Shutdown(true, false)
	futs := make([]*Future, benchBatch)
	for i := 0; i < b.N; i++ {
		for j := range futs {
			futs[j] = ex.Submit(ctx, benchTask)
		}
		for _, f := range futs {
			if _, err := f.Await(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchBatch), "ns/task")
}

// rawJob is a job of the raw goroutine pool: a function and a channel for
// its result.
type rawJob struct {
	fn  func(context.Context) (any, error)
	res chan any
}

// BenchmarkRawPoolSubmitResult is the same work on the simplest goroutine
// pool: 8 goroutines reading jobs from a channel, one result channel per
// job.
func BenchmarkRawPoolSubmitResult(b *testing.B) {
	ctx := context.Background()
	jobs := make(chan rawJob, benchBatch)
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for j := range jobs {
				v, _ := j.fn(ctx)
				j.res <- v
			}
		}()
	}
	res := make([]chan any, benchBatch)
	for i := 0; i < b.N; i++ {
		for j := range res {
			res[j] = make(chan any, 1)
			jobs <- rawJob{fn: benchTask, res: res[j]}
		}
		for _, ch := range res {
			<-ch
		}
	}
	close(jobs)
	for range 8 {
		<-done
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchBatch), "ns/task")
}
