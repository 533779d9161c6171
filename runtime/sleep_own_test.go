package runtime

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// timerLen returns how many live entries l's timer heap holds.
func timerLen(l *Loop) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return timerLenLocked(l)
}

// timerLenLocked is timerLen with l.mu held.
func timerLenLocked(l *Loop) int {
	n := 0
	for i := range l.timer.es {
		if l.timer.es[i].live() {
			n++
		}
	}
	return n
}

// TestSleepOwnCancelledWhileSleeping checks that cancelling a task that
// sleeps on its own context wakes it at once (the sleep is an hour), that
// it ends cancelled, and that its timer entry is gone.
func TestSleepOwnCancelledWhileSleeping(t *testing.T) {
	l := NewLoop()
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		sleeper := CreateTask(ctx, func(ctx context.Context) (any, error) {
			return nil, Sleep(ctx, time.Hour)
		})
		Yield(ctx) // sleeper goes to sleep
		if got := sleeper.State(); got != TaskWaiting {
			t.Errorf("sleeper is %v, want waiting", got)
		}
		if n := timerLen(l); n != 1 {
			t.Errorf("%d timer entries while sleeping, want 1", n)
		}
		sleeper.Cancel()
		_, err := sleeper.Await(ctx)
		if !errors.Is(err, ErrCancelled) {
			t.Errorf("sleeper ended with %v, want ErrCancelled", err)
		}
		if n := timerLen(l); n != 0 {
			t.Errorf("%d timer entries after the cancellation, want 0", n)
		}
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSleepOwnParentCancelled checks that cancelling the parent task wakes
// a child sleeping on its own context: the parent's cancellation reaches
// the child's context while it sleeps.
func TestSleepOwnParentCancelled(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		var child *Task
		parent := CreateTask(ctx, func(ctx context.Context) (any, error) {
			child = CreateTask(ctx, func(ctx context.Context) (any, error) {
				return nil, Sleep(ctx, time.Hour)
			})
			return child.Await(ctx)
		})
		Yield(ctx) // parent starts, awaits child
		Yield(ctx) // child goes to sleep
		if child == nil || child.State() != TaskWaiting {
			t.Fatalf("child not sleeping: %v", child)
		}
		parent.Cancel()
		if _, err := child.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("child ended with %v, want ErrCancelled", err)
		}
		if _, err := parent.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("parent ended with %v, want ErrCancelled", err)
		}
		return nil, nil
	})
}

// TestSleepOwnCancelledAfterFiring checks a cancellation that comes after
// the sleep's timer fired but before the task resumed: the task resumes
// once (it is queued once), with the cancellation as its error.
func TestSleepOwnCancelledAfterFiring(t *testing.T) {
	for try := 0; ; try++ {
		if sleepCancelledAfterFiring(t) {
			return
		}
		if try == 10 { // the machine stalled for the whole sleep each time
			t.Fatal("the sleep was always due before the test could hold the loop")
		}
	}
}

// sleepCancelledAfterFiring runs TestSleepOwnCancelledAfterFiring's
// scenario; it reports false if the sleep was due too early to set it up.
func sleepCancelledAfterFiring(t *testing.T) bool {
	l := NewLoop()
	setUp := false
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		resumed := 0
		sleeper := CreateTask(ctx, func(ctx context.Context) (any, error) {
			err := Sleep(ctx, 10*time.Millisecond)
			resumed++
			return nil, err
		})
		Yield(ctx) // sleeper goes to sleep
		l.mu.Lock()
		var due time.Duration
		if setUp = timerLenLocked(l) == 1; setUp {
			due = l.timer.es[0].when
		}
		l.mu.Unlock()
		if !setUp {
			sleeper.Cancel()
			return sleeper.Await(ctx)
		}
		// Hold the loop until the sleep is due (on the loop's clock, no
		// wall-clock guess), then yield: the loop moves the due sleeper to
		// the ready queue behind the canceller, which cancels it first.
		for l.Time() <= due {
		}
		canceller := CreateTask(ctx, func(ctx context.Context) (any, error) {
			if n := timerLen(l); n != 0 {
				t.Errorf("%d timer entries after firing, want 0", n)
			}
			if sleeper.IsDone() {
				t.Error("sleeper finished before the canceller ran")
			}
			sleeper.Cancel()
			return nil, nil
		})
		if _, err := Gather(ctx, canceller); err != nil {
			return nil, err
		}
		if _, err := sleeper.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("sleeper ended with %v, want ErrCancelled", err)
		}
		if resumed != 1 {
			t.Errorf("sleeper resumed %d times", resumed)
		}
		return nil, nil
	})
	if setUp && err != nil {
		t.Fatal(err)
	}
	return setUp
}

// TestSleepOwnAlreadyCancelled checks that a cancelled task's Sleep
// returns at once, without giving the loop away.
func TestSleepOwnAlreadyCancelled(t *testing.T) {
	runMain(t, func(ctx context.Context) (any, error) {
		other := false
		var sleepErr error
		sleeper := CreateTask(ctx, func(ctx context.Context) (any, error) {
			CurrentTask(ctx).Cancel()
			CreateTask(ctx, func(context.Context) (any, error) { other = true; return nil, nil })
			sleepErr = Sleep(ctx, time.Hour)
			if other {
				t.Error("Sleep of a cancelled task let another task run")
			}
			return nil, sleepErr
		})
		if _, err := sleeper.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("sleeper ended with %v, want ErrCancelled", err)
		}
		if !errors.Is(sleepErr, context.Canceled) {
			t.Errorf("Sleep returned %v, want context.Canceled", sleepErr)
		}
		return nil, nil
	})
}

// TestSleepOwnResumeOrder checks that many tasks sleeping the same
// duration resume in the order they went to sleep, whether their deadlines
// are equal or not.
func TestSleepOwnResumeOrder(t *testing.T) {
	const n = 500
	var order []int
	runMain(t, func(ctx context.Context) (any, error) {
		ts := make([]Awaitable, n)
		for i := range ts {
			ts[i] = CreateTask(ctx, func(ctx context.Context) (any, error) {
				err := Sleep(ctx, time.Millisecond)
				order = append(order, i) // the loop runs one task at a time
				return nil, err
			})
		}
		return Gather(ctx, ts...)
	})
	want := make([]int, n)
	for i := range want {
		want[i] = i
	}
	if !slices.Equal(order, want) {
		t.Fatalf("resume order %v", order)
	}
}
