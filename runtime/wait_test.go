package runtime

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// TestWaitFirst checks that WaitFirst returns the first to complete.
func TestWaitFirst(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		slow := CreateTask(ctx, value("slow", time.Hour))
		fast := CreateTask(ctx, value("fast", time.Millisecond))
		i, err := WaitFirst(ctx, slow, fast)
		if i != 1 || err != nil || slow.IsDone() {
			t.Errorf("WaitFirst: %d, %v", i, err)
		}
		slow.Cancel()
		if i, err := WaitFirst(ctx); i != -1 || !errors.Is(err, ErrNoAwaitables) {
			t.Errorf("empty WaitFirst: %d, %v", i, err)
		}
		return nil, nil
	})
}

// TestWaitAll checks that WaitAll waits for failures too and returns no
// task error.
func TestWaitAll(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		a := CreateTask(ctx, failing(errTest, time.Millisecond))
		b := CreateTask(ctx, value(2, 2*time.Millisecond))
		if err := WaitAll(ctx, a, b); err != nil || !a.IsDone() || !b.IsDone() {
			t.Errorf("WaitAll: %v, done %v %v", err, a.IsDone(), b.IsDone())
		}
		return nil, nil
	})
}

// TestAsCompletedOrder checks completion order: each task awaits a future
// that a loop timer completes, all timers set from one base time, so the
// order is exact.
func TestAsCompletedOrder(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		l := CurrentLoop(ctx)
		base := l.Time()
		var tasks []Awaitable
		for i, ms := range []time.Duration{3, 1, 2} {
			f := NewFuture()
			l.CallAt(base+ms*time.Millisecond, func() { f.SetResult(i) })
			tasks = append(tasks, CreateTask(ctx, func(ctx context.Context) (any, error) {
				return f.Await(ctx)
			}))
		}
		c := AsCompleted(tasks...)
		var got []any
		var idx []int
		for c.Next(ctx) {
			v, err := c.Result()
			if err != nil {
				t.Error(err)
			}
			got, idx = append(got, v), append(idx, c.Index())
		}
		if c.Err() != nil || !slices.Equal(got, []any{1, 2, 0}) || !slices.Equal(idx, []int{1, 2, 0}) {
			t.Errorf("AsCompleted: %v %v %v", got, idx, c.Err())
		}
		if c.Next(ctx) {
			t.Error("Next after the end reported true")
		}
		return nil, nil
	})
}

// TestAsCompletedContextDone checks that Next stops with ctx's error.
func TestAsCompletedContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := AsCompleted(NewFuture())
	if _, err := c.Result(); !errors.Is(err, ErrNotDone) {
		t.Fatalf("Result before Next: %v", err)
	}
	cancel()
	if c.Next(ctx) || !errors.Is(c.Err(), context.Canceled) {
		t.Fatalf("Next on a cancelled context: err %v", c.Err())
	}
}

// TestWaitForTimeout checks that WaitFor cancels fn's context after d and
// says so with ErrTimeout and context.DeadlineExceeded.
func TestWaitForTimeout(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		_, err := WaitFor(ctx, time.Millisecond, value("never", time.Hour))
		if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err %v", err)
		}
		v, err := WaitFor(ctx, time.Hour, value("quick", 0))
		if v != "quick" || err != nil {
			t.Errorf("in time: %v, %v", v, err)
		}
		_, err = WaitFor(ctx, time.Millisecond, func(ctx context.Context) (any, error) {
			<-ctx.Done() // holds the loop, but only until the deadline
			return nil, errTest
		})
		if !errors.Is(err, ErrTimeout) || !errors.Is(err, errTest) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("own error: %v", err)
		}
		return nil, nil
	})
}

// TestAwaitTimeoutCancels checks that AwaitTimeout cancels the task it
// gave up on.
func TestAwaitTimeoutCancels(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		task := CreateTask(ctx, value("never", time.Hour))
		_, err := AwaitTimeout(ctx, time.Millisecond, task)
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("err %v", err)
		}
		if _, err := task.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("task err %v, want ErrCancelled", err)
		}
		v, err := AwaitTimeout(ctx, time.Hour, CreateTask(ctx, value(7, 0)))
		if v != 7 || err != nil {
			t.Errorf("in time: %v, %v", v, err)
		}
		return nil, nil
	})
}

// TestShield checks that cancelling the caller's context does not reach
// the shielded task, while Cancel on it does.
func TestShield(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		cctx, cancel := context.WithCancel(ctx)
		shielded := Shield(cctx, value("kept", time.Millisecond))
		plain := CreateTask(cctx, value("lost", time.Millisecond))
		cancel()
		if v, err := shielded.Await(ctx); v != "kept" || err != nil {
			t.Errorf("shielded: %v, %v", v, err)
		}
		if _, err := plain.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("plain: %v", err)
		}
		return nil, nil
	})
}
