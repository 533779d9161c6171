package runtime

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestTaskOffLoop checks a task on its own goroutine: result, callbacks,
// state.
func TestTaskOffLoop(t *testing.T) {
	ctx := context.Background()
	release := make(chan struct{})
	task := CreateTask(ctx, func(ctx context.Context) (any, error) {
		<-release
		return "v", nil
	})
	if task.Loop() != nil || task.State() != TaskRunning || task.IsDone() {
		t.Fatalf("new task: loop %v state %v", task.Loop(), task.State())
	}
	if _, err := task.Result(); !errors.Is(err, ErrNotDone) {
		t.Fatalf("Result before done: %v", err)
	}
	called := make(chan *Task, 1)
	task.AddDoneCallback(func(tk *Task) { called <- tk })
	close(release)
	v, err := task.Await(ctx)
	if v != "v" || err != nil {
		t.Fatalf("Await: %v, %v", v, err)
	}
	if got := <-called; got != task {
		t.Fatal("callback got another task")
	}
	if task.State() != TaskDone || task.Err() != nil || task.Cancelled() {
		t.Fatalf("done task: state %v err %v", task.State(), task.Err())
	}
}

// TestTaskCancelBeforeStart checks that a task cancelled before the loop
// starts it never runs.
func TestTaskCancelBeforeStart(t *testing.T) {
	ran := false
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		task := CreateTask(ctx, func(context.Context) (any, error) { ran = true; return nil, nil })
		if task.State() != TaskPending {
			t.Errorf("state %v, want pending", task.State())
		}
		if !task.Cancel() {
			t.Error("Cancel of a pending task reported false")
		}
		_, err := task.Await(ctx)
		return nil, err
	})
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("err %v, want ErrCancelled", err)
	}
	if ran {
		t.Fatal("cancelled task ran")
	}
}

// TestTaskCancelRunning checks that Cancel reaches a waiting task through
// its context and that the task ends cancelled.
func TestTaskCancelRunning(t *testing.T) {
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		started := NewFuture()
		task := CreateTask(ctx, func(ctx context.Context) (any, error) {
			started.SetResult(nil)
			return nil, Sleep(ctx, time.Hour)
		})
		if _, err := started.Await(ctx); err != nil {
			return nil, err
		}
		if task.State() != TaskWaiting {
			t.Errorf("state %v, want waiting", task.State())
		}
		task.Future().Cancel() // the future's Cancel is the task's
		_, err := task.Await(ctx)
		if !task.Cancelled() || task.Cancel() {
			t.Errorf("cancelled %v; Cancel after the end should report false", task.Cancelled())
		}
		return nil, err
	})
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("err %v, want ErrCancelled", err)
	}
}

// TestTaskIgnoresCancel checks that a task that returns a value despite
// cancellation succeeds, as in asyncio when CancelledError is swallowed.
func TestTaskIgnoresCancel(t *testing.T) {
	task := CreateTask(context.Background(), func(ctx context.Context) (any, error) {
		<-ctx.Done()
		return "kept", nil
	})
	task.Cancel()
	v, err := task.Await(context.Background())
	if v != "kept" || err != nil || task.Cancelled() {
		t.Fatalf("got %v, %v, cancelled %v", v, err, task.Cancelled())
	}
}

// TestTaskPanicBecomesError checks that a panic is an error with a stack.
func TestTaskPanicBecomesError(t *testing.T) {
	for _, onLoop := range []bool{false, true} {
		var err error
		body := func(context.Context) (any, error) { panic("kaboom") }
		if onLoop {
			_, err = Run(context.Background(), func(ctx context.Context) (any, error) {
				return CreateTask(ctx, body).Await(ctx)
			})
		} else {
			_, err = CreateTask(context.Background(), body).Await(context.Background())
		}
		var pe *PanicError
		if !errors.As(err, &pe) {
			t.Fatalf("loop %v: err %v, want *PanicError", onLoop, err)
		}
		if pe.Value != "kaboom" || !strings.Contains(pe.Stack, "TestTaskPanicBecomesError") {
			t.Fatalf("loop %v: value %v, stack %q", onLoop, pe.Value, pe.Stack)
		}
	}
}

// TestPanicErrorUnwrap checks that a panic with an error value unwraps.
func TestPanicErrorUnwrap(t *testing.T) {
	_, err := CatchPanic(context.Background(), func(context.Context) (any, error) { panic(errTest) })
	if !errors.Is(err, errTest) || !strings.HasPrefix(err.Error(), "runtime: panic: ") {
		t.Fatalf("err %v", err)
	}
}

// TestTaskNamesAndCurrent checks default and given names and CurrentTask.
func TestTaskNamesAndCurrent(t *testing.T) {
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		if CurrentTask(ctx).Name() != "main" {
			t.Errorf("main task named %q", CurrentTask(ctx).Name())
		}
		var inner *Task
		task := CreateTask(ctx, func(ctx context.Context) (any, error) {
			inner = CurrentTask(ctx)
			return nil, nil
		}).SetName("worker")
		_, err := task.Await(ctx)
		if inner != task || task.Name() != "worker" {
			t.Errorf("CurrentTask %v, name %q", inner, task.Name())
		}
		anon := CreateTask(ctx, trivial)
		if !strings.HasPrefix(anon.Name(), "Task-") {
			t.Errorf("default name %q", anon.Name())
		}
		_, _ = anon.Await(ctx)
		return nil, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTaskCancelledContextNeverStarts checks CreateTask off the loop with a
// done context.
func TestTaskCancelledContextNeverStarts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := false
	task := CreateTask(ctx, func(context.Context) (any, error) { ran = true; return nil, nil })
	if _, err := task.Await(context.Background()); !errors.Is(err, ErrCancelled) || !errors.Is(err, context.Canceled) || ran {
		t.Fatalf("err %v ran %v", err, ran)
	}
}

// TestTaskStateStrings pins the names of the states.
func TestTaskStateStrings(t *testing.T) {
	got := []string{TaskPending.String(), TaskRunning.String(), TaskWaiting.String(), TaskDone.String(), TaskState(9).String()}
	want := "pending running waiting done unknown"
	if strings.Join(got, " ") != want {
		t.Fatalf("%v", got)
	}
}

// TestDoneCallbackPanicReported checks that a panicking done callback is
// reported, does not stop the other callbacks, and does not crash.
func TestDoneCallbackPanicReported(t *testing.T) {
	var r reports
	var second bool
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		task := CreateTask(ctx, trivial).SetName("cb")
		task.AddDoneCallback(func(*Task) { panic("in callback") })
		task.AddDoneCallback(func(*Task) { second = true })
		return task.Await(ctx)
	}, WithReport(r.add))
	if err != nil {
		t.Fatal(err)
	}
	if msgs := r.matching(`done callback of task "cb" panicked: in callback`); len(msgs) != 1 || !second {
		t.Fatalf("reports %q, second callback ran: %v", r.msgs, second)
	}
}

// TestFutureCallbackPanicReraised checks that SetResult runs every callback
// and then re-raises the first panic as a *PanicError.
func TestFutureCallbackPanicReraised(t *testing.T) {
	f := NewFuture()
	ran := 0
	f.AddDoneCallback(func(*Future) { ran++; panic("first") })
	f.AddDoneCallback(func(*Future) { ran++ })
	defer func() {
		pe, ok := recover().(*PanicError)
		if !ok || pe.Value != "first" || ran != 2 || !f.IsDone() {
			t.Fatalf("recovered %v, ran %d", pe, ran)
		}
	}()
	f.SetResult(nil)
}

// TestCancelReachesAnyAwait checks that cancelling a loop task wakes it even
// when it awaits with a context that is not its own (here the outer task's,
// which is not cancelled), and that Run does not hang on such a task left
// behind.
func TestCancelReachesAnyAwait(t *testing.T) {
	var leftover *Task
	runMain(t, func(outer context.Context) (any, error) {
		ctx, cancel := context.WithCancel(outer)
		defer cancel()
		never := NewFuture()
		task := CreateTask(ctx, func(context.Context) (any, error) {
			return never.Await(outer) // not the task's context
		})
		Yield(ctx)
		task.Cancel()
		if _, err := task.Await(ctx); !errors.Is(err, ErrCancelled) {
			t.Errorf("err %v, want ErrCancelled", err)
		}
		leftover = CreateTask(ctx, func(context.Context) (any, error) {
			return nil, Sleep(outer, time.Hour)
		})
		Yield(ctx)
		return nil, nil // Run cancels leftover and must not wait an hour
	})
	if !leftover.Cancelled() {
		t.Fatalf("leftover: %v", leftover.Err())
	}
}
