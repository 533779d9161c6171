package runtime

import (
	"context"
	"errors"
	"testing"
	"time"
)

type ctxKey string

// TestTaskContextPassesParent checks that a task's context carries the
// parent's values and deadline, and the task itself.
func TestTaskContextPassesParent(t *testing.T) {
	deadline := time.Now().Add(time.Hour)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), ctxKey("k"), "v"), deadline)
	defer cancel()
	task := CreateTask(parent, func(ctx context.Context) (any, error) {
		d, ok := ctx.Deadline()
		if !ok || !d.Equal(deadline) {
			t.Errorf("deadline %v %v", d, ok)
		}
		if CurrentTask(ctx) == nil {
			t.Error("no task in its context")
		}
		return ctx.Value(ctxKey("k")), nil
	})
	if v, err := task.Await(context.Background()); v != "v" || err != nil {
		t.Fatalf("value %v, %v", v, err)
	}
}

// TestTaskContextParentCancel checks that cancelling the parent reaches the
// task's Done channel, its Err, and contexts derived from it.
func TestTaskContextParentCancel(t *testing.T) {
	parent, cancel := context.WithCancelCause(context.Background())
	started := NewFuture()
	task := CreateTask(parent, func(ctx context.Context) (any, error) {
		child, stop := context.WithTimeout(ctx, time.Hour)
		defer stop()
		started.SetResult(nil)
		<-child.Done()
		return nil, child.Err()
	})
	if _, err := started.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	cancel(errTest)
	_, err := task.Await(context.Background())
	if !errors.Is(err, ErrCancelled) || !errors.Is(err, errTest) {
		t.Fatalf("err %v, want ErrCancelled wrapping the parent's cause", err)
	}
	if !errors.Is(task.Context().Err(), context.Canceled) {
		t.Fatalf("task context err %v", task.Context().Err())
	}
}

// TestTaskContextCancelReachesDerived checks that Task.Cancel cancels
// contexts derived from the task's and runs their AfterFuncs.
func TestTaskContextCancelReachesDerived(t *testing.T) {
	derived := make(chan context.Context, 1)
	task := CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		child, cancel := context.WithCancel(ctx)
		defer cancel()
		fired := make(chan struct{})
		context.AfterFunc(child, func() { close(fired) })
		derived <- child
		<-fired
		return nil, child.Err()
	})
	child := <-derived
	task.Cancel()
	if _, err := task.Await(context.Background()); !errors.Is(err, ErrCancelled) {
		t.Fatalf("err %v", err)
	}
	if !errors.Is(child.Err(), context.Canceled) || context.Cause(child) == nil {
		t.Fatalf("derived err %v cause %v", child.Err(), context.Cause(child))
	}
}

// TestTaskContextAfterFuncStop checks AfterFunc's stop function and a
// registration on a context already done.
func TestTaskContextAfterFuncStop(t *testing.T) {
	task := CreateTask(context.Background(), trivial)
	if _, err := task.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx := task.Context() // done: the task finished
	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() { close(fired) })
	<-fired
	if stop() {
		t.Fatal("stop after the call reported true")
	}
	live := CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		stop := context.AfterFunc(ctx, func() { t.Error("stopped AfterFunc ran") })
		if !stop() {
			t.Error("stop before the call reported false")
		}
		return nil, nil
	})
	if _, err := live.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	if context.Cause(ctx) == nil {
		t.Fatal("no cause for a done task context")
	}
}

// TestBlockingWithOuterContext checks that a task waiting with the context
// of the task that created it (a captured outer ctx) still gives the loop
// away instead of stalling it.
func TestBlockingWithOuterContext(t *testing.T) {
	runMain(t, func(outer context.Context) (any, error) {
		f := NewFuture()
		waiter := CreateTask(outer, func(context.Context) (any, error) {
			return f.Await(outer) // the outer context, not the task's own
		})
		setter := CreateTask(outer, func(context.Context) (any, error) {
			f.SetResult("set")
			return nil, nil
		})
		vals, err := Gather(outer, waiter, setter)
		if err != nil || vals[0] != "set" {
			t.Errorf("Gather: %v, %v", vals, err)
		}
		return nil, nil
	})
}
