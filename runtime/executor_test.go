package runtime

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestExecutorMapKeepsOrder(t *testing.T) {
	ex := NewExecutor(4)
	defer ex.Shutdown(true, false)
	items := make([]any, 50)
	for i := range items {
		items[i] = i
	}
	out, err := ex.Map(context.Background(), func(ctx context.Context, item any) (any, error) {
		return item.(int) * item.(int), nil
	}, items)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range out {
		if v != i*i {
			t.Fatalf("out[%d] = %v, want %d", i, v, i*i)
		}
	}
}

func TestExecutorMapStopsAtFirstError(t *testing.T) {
	ex := NewExecutor(1)
	defer ex.Shutdown(true, false)
	boom := errors.New("boom")
	_, err := ex.Map(context.Background(), func(ctx context.Context, item any) (any, error) {
		if item == 1 {
			return nil, boom
		}
		return item, nil
	}, []any{0, 1, 2})
	if !errors.Is(err, boom) {
		t.Fatalf("Map error %v, want boom", err)
	}
}

func TestExecutorShutdownCancelsPending(t *testing.T) {
	ex := NewExecutor(1)
	started, release := NewEvent(), NewEvent()
	first := ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
		started.Set()
		return "first", release.Wait(ctx)
	})
	_ = started.Wait(context.Background())
	var rest []*Future
	for range 3 {
		rest = append(rest, ex.Submit(context.Background(), func(ctx context.Context) (any, error) {
			return "ran", nil
		}))
	}
	ex.Shutdown(false, true)
	if f := ex.Submit(context.Background(), nil); !errors.Is(f.Err(), ErrExecutorShutDown) {
		t.Fatalf("Submit after Shutdown: %v", f.Err())
	}
	release.Set()
	ex.Shutdown(true, false)
	if v, err := first.Result(); v != "first" || err != nil {
		t.Fatalf("running task: %v, %v", v, err)
	}
	for i, f := range rest {
		if !f.Cancelled() {
			t.Fatalf("pending task %d not cancelled: %v", i, f.Err())
		}
	}
	if s := ex.Stats(); s.Done != 1 || s.Cancelled != 3 || s.Submitted != 4 || s.Pending != 0 {
		t.Fatalf("stats %+v", s)
	}
}

func TestExecutorPanicBecomesError(t *testing.T) {
	ex := NewExecutor(1)
	defer ex.Shutdown(true, false)
	f := ex.Submit(context.Background(), func(ctx context.Context) (any, error) { panic("kaboom") })
	_, err := f.Await(context.Background())
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "kaboom" || pe.Stack == "" {
		t.Fatalf("error %v, want *PanicError with stack", err)
	}
	if s := ex.Stats(); s.Failed != 1 {
		t.Fatalf("failed %d, want 1", s.Failed)
	}
}

func TestExecutorProgressHook(t *testing.T) {
	var calls atomic.Int64
	var last atomic.Int64
	ex := NewExecutorWith(ExecutorOptions{Workers: 2, OnProgress: func(s Stats) {
		calls.Add(1)
		last.Store(max(last.Load(), s.Finished()))
	}})
	for range 10 {
		ex.Submit(context.Background(), func(ctx context.Context) (any, error) { return nil, nil })
	}
	ex.Shutdown(true, false)
	if calls.Load() != 10 || last.Load() != 10 {
		t.Fatalf("progress called %d times, last finished %d; want 10, 10", calls.Load(), last.Load())
	}
}

func TestToThreadAndRunInExecutor(t *testing.T) {
	v, err := ToThread(context.Background(), func(ctx context.Context) (any, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Fatalf("ToThread: %v, %v", v, err)
	}
	_, err = ToThread(context.Background(), func(ctx context.Context) (any, error) { panic("p") })
	var pe *PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("ToThread panic: %v", err)
	}
	ex := NewExecutor(1)
	defer ex.Shutdown(true, false)
	v, err = RunInExecutor(context.Background(), ex, func(ctx context.Context) (any, error) {
		return WorkerID(ctx), nil
	})
	if v != 0 || err != nil {
		t.Fatalf("RunInExecutor: %v, %v", v, err)
	}
}
