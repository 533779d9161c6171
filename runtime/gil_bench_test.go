package runtime

import (
	"context"
	"testing"
	"time"
)

// cpuBenchWork is the total hash-chain length of one CPU benchmark op.
const cpuBenchWork = 8 << 20

// BenchmarkCPUWork runs the same total CPU work serially and split over 4
// workers in each mode; the speedups are serial ns/op over a mode's ns/op.
func BenchmarkCPUWork(b *testing.B) {
	b.Run("serial", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			CPUWork(context.Background(), cpuBenchWork)
		}
	})
	for _, m := range []struct {
		name string
		mode ExecutorMode
	}{{"free4", ModeFree}, {"gil4", ModeGIL}, {"isolated4", ModeIsolated}} {
		b.Run(m.name, func(b *testing.B) { benchCPUSplit(b, m.mode) })
	}
}

func benchCPUSplit(b *testing.B, mode ExecutorMode) {
	ex := NewExecutorWith(ExecutorOptions{Workers: 4, Mode: mode})
	defer ex.Shutdown(true, false)
	items := []any{cpuBenchWork / 4, cpuBenchWork / 4, cpuBenchWork / 4, cpuBenchWork / 4}
	work := func(ctx context.Context, n any) (any, error) { return CPUWork(ctx, n.(int)), nil }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ex.Map(context.Background(), work, items); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCPUSpeedup times, in every iteration, the same CPU work serially
// and over 4 workers in ModeFree and ModeGIL, interleaved so that machine
// load affects all alike, and reports each mode's speedup: the best serial
// time over the mode's best time (the Python anchor, cpu_threads4_speedup
// in bench/runtime/futures_queue.py, is measured the same way).
func BenchmarkCPUSpeedup(b *testing.B) {
	free := NewExecutorWith(ExecutorOptions{Workers: 4, Mode: ModeFree})
	defer free.Shutdown(true, false)
	gil := NewExecutorWith(ExecutorOptions{Workers: 4, Mode: ModeGIL})
	defer gil.Shutdown(true, false)
	items := []any{cpuBenchWork / 4, cpuBenchWork / 4, cpuBenchWork / 4, cpuBenchWork / 4}
	work := func(ctx context.Context, n any) (any, error) { return CPUWork(ctx, n.(int)), nil }
	serial, tFree, tGIL := time.Duration(1<<62), time.Duration(1<<62), time.Duration(1<<62)
	for i := 0; i < b.N; i++ {
		serial = min(serial, timeIt(func() { CPUWork(context.Background(), cpuBenchWork) }))
		tFree = min(tFree, timeIt(func() { free.Map(context.Background(), work, items) }))
		tGIL = min(tGIL, timeIt(func() { gil.Map(context.Background(), work, items) }))
	}
	b.ReportMetric(serial.Seconds()/tFree.Seconds(), "free4-speedup")
	b.ReportMetric(serial.Seconds()/tGIL.Seconds(), "gil4-speedup")
}

func timeIt(fn func()) time.Duration {
	start := time.Now()
	fn()
	return time.Since(start)
}
