package runtime

import (
	"context"
	"errors"
	"sync"
	"testing"
)

func TestLockExcludes(t *testing.T) {
	l := NewLock()
	var wg sync.WaitGroup
	inside, counter := 0, 0
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if err := l.Acquire(context.Background()); err != nil {
					t.Error(err)
					return
				}
				inside++
				if inside != 1 {
					t.Errorf("%d holders at once", inside)
				}
				counter++
				inside--
				l.Release()
			}
		})
	}
	wg.Wait()
	if counter != 800 {
		t.Fatalf("counter %d, want 800", counter)
	}
}

func TestLockTryAndCancel(t *testing.T) {
	l := NewLock()
	if !l.TryAcquire() || !l.Locked() {
		t.Fatal("TryAcquire on a free lock failed")
	}
	if l.TryAcquire() {
		t.Fatal("TryAcquire on a held lock succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.Acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Acquire with cancelled ctx: %v", err)
	}
	l.Release()
	defer func() {
		if r := recover(); r != ErrNotLocked {
			t.Fatalf("Release of unlocked lock: recovered %v", r)
		}
	}()
	l.Release()
}
