package runtime

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestGroupFirstErrorCancelsSiblings checks structured concurrency on the
// loop and off it: the failure cancels the sibling, Wait returns the
// failure only after the sibling has ended.
func TestGroupFirstErrorCancelsSiblings(t *testing.T) {
	for _, onLoop := range []bool{false, true} {
		var sibling *Task
		main := func(ctx context.Context) (any, error) {
			g := NewGroup(ctx)
			sibling = g.Go(value("never", time.Hour))
			g.Go(failing(errTest, time.Millisecond))
			err := g.Wait()
			if !sibling.IsDone() {
				t.Error("Wait returned before the sibling ended")
			}
			return nil, err
		}
		var err error
		if onLoop {
			_, err = Run(context.Background(), main)
		} else {
			_, err = main(context.Background())
		}
		if !errors.Is(err, errTest) || errors.Is(err, ErrCancelled) {
			t.Fatalf("loop %v: err %v, want only the failure", onLoop, err)
		}
		if !sibling.Cancelled() {
			t.Fatalf("loop %v: sibling %v", onLoop, sibling.Err())
		}
	}
}

// TestGroupPanic checks that a panic in a member becomes a *PanicError.
func TestGroupPanic(t *testing.T) {
	g := NewGroup(context.Background())
	g.Go(func(context.Context) (any, error) { panic("member") })
	var pe *PanicError
	if err := g.Wait(); !errors.As(err, &pe) || pe.Value != "member" || pe.Stack == "" {
		t.Fatalf("err %v", err)
	}
}

// TestGroupJoinsErrors checks that several failures come back joined.
func TestGroupJoinsErrors(t *testing.T) {
	e1, e2 := errors.New("one"), errors.New("two")
	runMain(t, func(ctx context.Context) (any, error) {
		g := NewGroup(ctx)
		release := NewFuture()
		g.Go(func(ctx context.Context) (any, error) {
			_, _ = release.Await(ctx) // both the release and the cancellation wake it
			return nil, e1
		})
		g.Go(func(context.Context) (any, error) {
			release.SetResult(nil)
			return nil, e2
		})
		err := g.Wait()
		if !errors.Is(err, e1) || !errors.Is(err, e2) || err.Error() != "two\none" {
			t.Errorf("err %v", err)
		}
		return nil, nil
	})
}

// TestGroupNestedGoAndReuse checks Go from a member while Wait waits, a nil
// result, and that Go after Wait panics.
func TestGroupNestedGoAndReuse(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		g := NewGroup(ctx)
		var inner *Task
		g.Go(func(ctx context.Context) (any, error) {
			if err := Sleep(ctx, time.Millisecond); err != nil {
				return nil, err
			}
			inner = g.Go(value("inner", time.Millisecond))
			return nil, nil
		})
		if err := g.Wait(); err != nil {
			t.Errorf("Wait: %v", err)
		}
		if inner == nil || !inner.IsDone() {
			t.Error("Wait did not wait for the task started while waiting")
		}
		defer func() {
			if r := recover(); r == nil || !strings.Contains(r.(string), "Group.Go after Wait") {
				t.Errorf("recovered %v", r)
			}
		}()
		g.Go(trivial)
		return nil, nil
	})
}

// TestGroupParentCancelled checks Wait's result when the parent context is
// cancelled and no member failed on its own.
func TestGroupParentCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	g := NewGroup(ctx)
	started := NewFuture()
	g.Go(func(ctx context.Context) (any, error) {
		started.SetResult(nil)
		<-ctx.Done()
		return nil, ctx.Err()
	})
	_, _ = started.Await(context.Background())
	cancel()
	if err := g.Wait(); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}
