package runtime

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestLoopRunsOneTaskAtATime checks that task bodies never overlap on the
// loop while they await.
func TestLoopRunsOneTaskAtATime(t *testing.T) {
	var running, most atomic.Int32
	body := func(ctx context.Context) (any, error) {
		for range 5 {
			n := running.Add(1)
			storeMax(&most, n)
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

// TestLoopCallbacksOrder checks CallSoon order, CallLater/CallAt order by
// due time, and that a cancelled handle never runs.
func TestLoopCallbacksOrder(t *testing.T) {
	l := NewLoop()
	var log []string
	add := func(s string) func() { return func() { log = append(log, s) } }
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		done := NewFuture()
		base := l.Time()
		l.CallAt(base+2*time.Millisecond, add("later2"))
		l.CallAt(base+time.Millisecond, add("at1"))
		l.CallSoon(add("soon1"))
		h := l.CallSoon(add("cancelled"))
		l.CallSoon(add("soon2"))
		l.CallAt(base+3*time.Millisecond, func() { done.SetResult(nil) })
		l.CallLater(time.Hour, add("never")) // not due when the run ends
		if !h.Cancel() || h.Cancel() || !h.Cancelled() {
			t.Error("Cancel should report true once, then false")
		}
		return done.Await(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"soon1", "soon2", "at1", "later2"}
	if !slices.Equal(log, want) {
		t.Fatalf("callbacks ran %v, want %v", log, want)
	}
}

// TestLoopCallbackPanicReported checks that a panicking callback is
// reported and the loop goes on.
func TestLoopCallbackPanicReported(t *testing.T) {
	var reports []string
	l := NewLoop(WithReport(func(s string) { reports = append(reports, s) }))
	v, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		l.CallSoon(func() { panic("boom") })
		Yield(ctx)
		return "survived", nil
	})
	if err != nil || v != "survived" {
		t.Fatalf("got %v, %v", v, err)
	}
	if len(reports) != 1 || !strings.Contains(reports[0], "callback panicked: boom") {
		t.Fatalf("reports %q", reports)
	}
}

// TestLoopAlreadyRunning checks that a loop refuses a second concurrent run.
func TestLoopAlreadyRunning(t *testing.T) {
	l := NewLoop()
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		if !l.IsRunning() {
			t.Error("IsRunning false during the run")
		}
		return l.RunUntilComplete(ctx, func(context.Context) (any, error) { return nil, nil })
	})
	if !errors.Is(err, ErrLoopRunning) {
		t.Fatalf("nested run error %v, want ErrLoopRunning", err)
	}
	if l.IsRunning() {
		t.Fatal("IsRunning true after the run")
	}
}

// TestLoopReusable checks that a loop runs again, with callbacks scheduled
// between runs.
func TestLoopReusable(t *testing.T) {
	l := NewLoop()
	ran := false
	l.CallSoon(func() { ran = true })
	for i := range 2 {
		v, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
			Yield(ctx)
			return i, nil
		})
		if err != nil || v != i {
			t.Fatalf("run %d: %v, %v", i, v, err)
		}
	}
	if !ran {
		t.Fatal("callback scheduled before the run did not run")
	}
}

// TestRunContextCancelsMain checks that cancelling Run's context cancels
// main and the tasks it made.
func TestRunContextCancelsMain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var child *Task
	_, err := Run(ctx, func(ctx context.Context) (any, error) {
		child = CreateTask(ctx, func(ctx context.Context) (any, error) {
			return nil, Sleep(ctx, time.Hour)
		})
		CurrentLoop(ctx).CallSoon(cancel)
		return child.Await(ctx)
	})
	if !errors.Is(err, ErrCancelled) && !errors.Is(err, context.Canceled) {
		t.Fatalf("main error %v, want a cancellation", err)
	}
	if !child.Cancelled() {
		t.Fatalf("child not cancelled: %v", child.Err())
	}
}

// TestBlockingOffLoop checks that Blocking only calls fn outside a loop.
func TestBlockingOffLoop(t *testing.T) {
	called := false
	err := Blocking(context.Background(), func() error { called = true; return errTest })
	if !called || !errors.Is(err, errTest) {
		t.Fatalf("called %v err %v", called, err)
	}
}

// TestBlockingLetsOthersRun checks that a task blocked in Blocking lets
// another task run, and that a raw wait on a channel would not be needed.
func TestBlockingLetsOthersRun(t *testing.T) {
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		ch := make(chan int)
		other := CreateTask(ctx, func(ctx context.Context) (any, error) {
			ch <- 42 // a plain send: the receiver waits in Blocking, off the loop
			return nil, nil
		})
		var got int
		err := Blocking(ctx, func() error { got = <-ch; return nil })
		if got != 42 {
			t.Errorf("got %d", got)
		}
		if _, err := other.Await(ctx); err != nil {
			return nil, err
		}
		return nil, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWithoutLoop checks that a goroutine given WithoutLoop waits without
// disturbing the loop, and that CreateTask with it runs off the loop.
func TestWithoutLoop(t *testing.T) {
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		off := WithoutLoop(ctx)
		if CurrentLoop(off) != nil {
			t.Error("WithoutLoop kept the loop")
		}
		task := CreateTask(off, func(ctx context.Context) (any, error) {
			return nil, Sleep(ctx, time.Millisecond)
		})
		if task.Loop() != nil {
			t.Error("task made with WithoutLoop is on the loop")
		}
		return task.Await(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var errTest = errors.New("test error")

// TestCPUWorkHoldsLoop checks that a task computing without awaiting keeps
// every other task from running, as in asyncio.
func TestCPUWorkHoldsLoop(t *testing.T) {
	var started atomic.Bool
	runMain(t, func(ctx context.Context) (any, error) {
		other := CreateTask(ctx, func(context.Context) (any, error) {
			started.Store(true)
			return nil, nil
		})
		sum := 0
		for i := range 1_000_000 { // CPU work: the loop is held
			sum += i
			if i%1000 == 0 && started.Load() {
				t.Fatal("another task ran while this one computed")
			}
		}
		Yield(ctx)
		if !started.Load() {
			t.Error("the other task did not run when the loop was given away")
		}
		return other.Await(ctx)
	})
}

// TestRunLeavesNoGoroutines checks that Run's goroutines, including those
// of tasks still waiting when main returns, end before Run returns.
func TestRunLeavesNoGoroutines(t *testing.T) {
	before := goleak.IgnoreCurrent()
	var r reports
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		for range 100 {
			CreateTask(ctx, value(nil, time.Hour))
			CreateTask(ctx, func(ctx context.Context) (any, error) {
				return nil, Blocking(ctx, func() error { <-ctx.Done(); return ctx.Err() })
			})
		}
		return nil, Sleep(ctx, time.Millisecond)
	}, WithReport(r.add))
	if err != nil {
		t.Fatal(err)
	}
	goleak.VerifyNone(t, before)
}
