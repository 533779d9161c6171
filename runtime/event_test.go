package runtime

import (
	"context"
	"errors"
	"sync"
	"testing"
)

func TestEventWakesAllWaiters(t *testing.T) {
	e := NewEvent()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() { errs <- e.Wait(context.Background()) })
	}
	if e.IsSet() {
		t.Fatal("new event is set")
	}
	e.Set()
	wg.Wait()
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestEventClear(t *testing.T) {
	e := NewEvent()
	e.Set()
	e.Clear()
	if e.IsSet() {
		t.Fatal("cleared event is set")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait on a cleared event: %v", err)
	}
	done := e.Done()
	e.Set()
	<-done
	if err := e.Wait(ctx); err != nil {
		t.Fatalf("Wait on a set event with a cancelled ctx: %v", err)
	}
}
