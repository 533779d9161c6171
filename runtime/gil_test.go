package runtime

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// In ModeGIL, worker A runs CPU work until worker B has started running
// bytecode; B can only start if A hands the GIL over at a switch request,
// so the test ends only if switching works, and never sees two workers in
// bytecode at once.
func TestGILSerialisesAndSwitches(t *testing.T) {
	ex := NewExecutorWith(ExecutorOptions{Workers: 2, Mode: ModeGIL, SwitchInterval: time.Millisecond})
	defer ex.Shutdown(true, false)
	var bStarted atomic.Bool
	a := ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
		for !bStarted.Load() {
			CPUWork(ctx, 10_000)
		}
		return nil, nil
	})
	b := ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
		bStarted.Store(true)
		return CPUWork(ctx, 100_000), nil
	})
	for _, f := range []*Future{a, b} {
		if _, err := f.Await(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	s := ex.Stats()
	if s.MaxParallel != 1 || s.GILSwitches < 1 {
		t.Fatalf("GIL mode: max parallel %d (want 1), switches %d (want >= 1)", s.MaxParallel, s.GILSwitches)
	}
}

// Both tasks wait for each other inside their task code: possible only if
// two workers run bytecode at once.
func TestFreeAndIsolatedRunInParallel(t *testing.T) {
	for _, mode := range []ExecutorMode{ModeFree, ModeIsolated} {
		ex := NewExecutorWith(ExecutorOptions{Workers: 2, Mode: mode})
		meet := make(chan struct{})
		ids := make(chan int, 2)
		for range 2 {
			ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
				ids <- InterpreterID(ctx)
				select {
				case meet <- struct{}{}:
				case <-meet:
				}
				return nil, nil
			})
		}
		ex.Shutdown(true, false)
		if s := ex.Stats(); s.MaxParallel != 2 || s.GILSwitches != 0 {
			t.Fatalf("mode %d: max parallel %d (want 2), switches %d", mode, s.MaxParallel, s.GILSwitches)
		}
		i1, i2 := <-ids, <-ids
		if isolated := i1 != i2; isolated != (mode == ModeIsolated) {
			t.Fatalf("mode %d: interpreter ids %d and %d", mode, i1, i2)
		}
	}
}

// A blocking wait in a GIL worker releases the GIL: A waits on a queue that
// only B, on the other worker, fills. Without the release, B never runs.
func TestGILReleasedWhileBlocked(t *testing.T) {
	ex := NewExecutorWith(ExecutorOptions{Workers: 2, Mode: ModeGIL})
	defer ex.Shutdown(true, false)
	q := NewQueue(0)
	a := ex.Submit(context.Background(), func(ctx context.Context) (any, error) { return q.Get(ctx) })
	ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
		return nil, q.Put(ctx, CountPrimes(ctx, 100))
	})
	if v, err := a.Await(context.Background()); v != 25 || err != nil {
		t.Fatalf("got %v, %v; want 25 primes below 100", v, err)
	}
	if s := ex.Stats(); s.MaxParallel != 1 {
		t.Fatalf("max parallel %d in GIL mode", s.MaxParallel)
	}
}

func TestCPUWorkDeterministicAndCancellable(t *testing.T) {
	ctx := context.Background()
	if CPUWork(ctx, 5000) != CPUWork(ctx, 5000) || CPUWork(ctx, 5000) == CPUWork(ctx, 5001) {
		t.Fatal("CPUWork is not a deterministic function of n")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if CountPrimes(cctx, 1_000_000) >= CountPrimes(ctx, 1_000_000) {
		t.Fatal("CountPrimes did not stop on a cancelled ctx")
	}
}
