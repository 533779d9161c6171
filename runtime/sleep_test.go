package runtime

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestSleepOrder checks that the shorter sleep on the loop wakes first even
// though its task was created last: the long sleep starts after the short
// one (the short sleeper releases it), so the order does not depend on how
// fast the machine is.
func TestSleepOrder(t *testing.T) {
	var mu sync.Mutex
	var woke []string
	sleeper := func(name string, d time.Duration, before func(ctx context.Context) error) TaskFunc {
		return func(ctx context.Context) (any, error) {
			if err := before(ctx); err != nil {
				return nil, err
			}
			err := Sleep(ctx, d)
			mu.Lock()
			woke = append(woke, name)
			mu.Unlock()
			return nil, err
		}
	}
	runMain(t, func(ctx context.Context) (any, error) {
		release := NewFuture()
		long := CreateTask(ctx, sleeper("long", 2*time.Millisecond, func(ctx context.Context) error {
			_, err := release.Await(ctx)
			return err
		}))
		short := CreateTask(ctx, sleeper("short", time.Millisecond, func(ctx context.Context) error {
			CurrentLoop(ctx).CallSoon(func() { release.SetResult(nil) }) // runs once short sleeps
			return nil
		}))
		return Gather(ctx, long, short)
	})
	if !slices.Equal(woke, []string{"short", "long"}) {
		t.Fatalf("woke in order %v", woke)
	}
}

// TestSleepCancelled checks that Sleep returns the context's error, on the
// loop and off it, already cancelled or cancelled while sleeping.
func TestSleepCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("off loop: %v", err)
	}
	runMain(t, func(ctx context.Context) (any, error) {
		sctx, cancel := context.WithCancel(ctx)
		CurrentLoop(ctx).CallSoon(cancel)
		if err := Sleep(sctx, time.Hour); !errors.Is(err, context.Canceled) {
			t.Errorf("on loop: %v", err)
		}
		return nil, nil
	})
}

// TestSleepOffLoop checks a plain sleep and a zero sleep off the loop.
func TestSleepOffLoop(t *testing.T) {
	if err := Sleep(context.Background(), time.Microsecond); err != nil {
		t.Fatal(err)
	}
	if err := Sleep(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
}

// TestSleepZeroYields checks that Sleep(ctx, 0) lets a ready task run.
func TestSleepZeroYields(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		ran := false
		CreateTask(ctx, func(context.Context) (any, error) { ran = true; return nil, nil })
		if err := Sleep(ctx, 0); err != nil || !ran {
			t.Errorf("err %v, other task ran: %v", err, ran)
		}
		return nil, nil
	})
}
