package runtime

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// value returns a task body that sleeps d on the loop and returns v.
func value(v any, d time.Duration) TaskFunc {
	return func(ctx context.Context) (any, error) {
		if err := Sleep(ctx, d); err != nil {
			return nil, err
		}
		return v, nil
	}
}

// failing returns a task body that sleeps d and fails with err.
func failing(err error, d time.Duration) TaskFunc {
	return func(ctx context.Context) (any, error) {
		if e := Sleep(ctx, d); e != nil {
			return nil, e
		}
		return nil, err
	}
}

// runMain runs main on a fresh loop and fails t on a run error.
func runMain(t *testing.T, main TaskFunc) {
	t.Helper()
	if _, err := Run(context.Background(), main); err != nil {
		t.Fatal(err)
	}
}

// TestGatherOrder checks that values come in argument order, not in
// completion order.
func TestGatherOrder(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		vals, err := Gather(ctx,
			CreateTask(ctx, value("slow", 3*time.Millisecond)),
			CreateTask(ctx, value("fast", 0)),
			CreateTask(ctx, value("mid", time.Millisecond)))
		if err != nil || !slices.Equal(vals, []any{"slow", "fast", "mid"}) {
			t.Errorf("Gather: %v, %v", vals, err)
		}
		return nil, nil
	})
}

// TestGatherFailFast checks that Gather returns the first error in time
// without waiting for the slow task, and leaves it running.
func TestGatherFailFast(t *testing.T) {
	early, late := errors.New("early"), errors.New("late")
	runMain(t, func(ctx context.Context) (any, error) {
		slow := CreateTask(ctx, value("slow", time.Hour))
		_, err := Gather(ctx,
			CreateTask(ctx, failing(late, 2*time.Millisecond)),
			CreateTask(ctx, failing(early, 0)),
			slow)
		if !errors.Is(err, early) {
			t.Errorf("err %v, want %v", err, early)
		}
		if slow.IsDone() {
			t.Error("Gather cancelled or waited for the slow task")
		}
		slow.Cancel()
		return nil, nil
	})
}

// TestGatherSettled checks that errors come back in place.
func TestGatherSettled(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		f := NewFuture()
		f.SetError(errTest)
		outs, err := GatherSettled(ctx, CreateTask(ctx, value(1, time.Millisecond)), f)
		if err != nil || len(outs) != 2 || outs[0].Value != 1 || outs[0].Err != nil || !errors.Is(outs[1].Err, errTest) {
			t.Errorf("GatherSettled: %+v, %v", outs, err)
		}
		return nil, nil
	})
}

// TestGatherFuncsCancelsSiblings checks that GatherFuncs cancels and waits
// for the other tasks when one fails, on and off the loop.
func TestGatherFuncsCancelsSiblings(t *testing.T) {
	for _, onLoop := range []bool{false, true} {
		var sibling error
		main := func(ctx context.Context) (any, error) {
			_, err := GatherFuncs(ctx,
				func(ctx context.Context) (any, error) {
					sibling = Sleep(ctx, time.Hour)
					return nil, sibling
				},
				failing(errTest, time.Millisecond))
			return nil, err
		}
		var err error
		if onLoop {
			_, err = Run(context.Background(), main)
		} else {
			_, err = main(context.Background())
		}
		if !errors.Is(err, errTest) {
			t.Fatalf("loop %v: err %v", onLoop, err)
		}
		if !errors.Is(sibling, context.Canceled) {
			t.Fatalf("loop %v: sibling ended with %v, want cancellation", onLoop, sibling)
		}
	}
}

// TestGatherContextDone checks that Gather gives up when ctx is done.
func TestGatherContextDone(t *testing.T) {
	f := NewFuture()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Gather(ctx, f); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if vals, err := Gather(ctx); err != nil || len(vals) != 0 {
		t.Fatalf("empty Gather: %v, %v", vals, err)
	}
}

// TestGatherMixedDone checks Gather over futures done before the call,
// failed before the call, and completed later.
func TestGatherMixedDone(t *testing.T) {
	done, failed, later := NewFuture(), NewFuture(), NewFuture()
	done.SetResult("done")
	failed.SetError(errTest)
	if _, err := Gather(context.Background(), later, failed); !errors.Is(err, errTest) {
		t.Fatalf("err %v", err)
	}
	go later.SetResult("later")
	vals, err := Gather(context.Background(), done, later)
	if err != nil || vals[0] != "done" || vals[1] != "later" {
		t.Fatalf("Gather: %v, %v", vals, err)
	}
	outs, err := GatherSettled(context.Background(), done, failed, later)
	if err != nil || outs[0].Value != "done" || !errors.Is(outs[1].Err, errTest) || outs[2].Value != "later" {
		t.Fatalf("GatherSettled: %+v, %v", outs, err)
	}
}
