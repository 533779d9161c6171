package runtime

import (
	"context"
	"strings"
	"testing"
)

// ToThread and RunInExecutor give the loop away while they wait: the
// blocking call waits for something only another loop task does.
func TestOffloadLetsLoopRun(t *testing.T) {
	ex := NewExecutor(1)
	defer ex.Shutdown(true, false)
	for name, offload := range map[string]func(ctx context.Context, fn TaskFunc) (any, error){
		"ToThread":      ToThread,
		"RunInExecutor": func(ctx context.Context, fn TaskFunc) (any, error) { return RunInExecutor(ctx, ex, fn) },
	} {
		v, err := Run(context.Background(), func(ctx context.Context) (any, error) {
			unblock := make(chan struct{})
			CreateTask(ctx, func(ctx context.Context) (any, error) {
				close(unblock)
				return nil, nil
			})
			return offload(ctx, func(ctx context.Context) (any, error) {
				<-unblock
				return "unblocked", nil
			})
		})
		if v != "unblocked" || err != nil {
			t.Fatalf("%s: %v, %v", name, v, err)
		}
	}
}

// Loop tasks contending for a Lock get it in FIFO order, every run.
func TestLockOnLoopIsFIFO(t *testing.T) {
	var order []string
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		l := NewLock()
		_ = l.Acquire(ctx)
		var tasks []*Task
		for _, name := range []string{"a", "b", "c"} {
			tasks = append(tasks, CreateTask(ctx, func(ctx context.Context) (any, error) {
				if err := l.Acquire(ctx); err != nil {
					return nil, err
				}
				order = append(order, name)
				Yield(ctx) // hold the lock across an await point
				l.Release()
				return nil, nil
			}))
		}
		Yield(ctx) // let a, b, c queue up on the lock
		l.Release()
		for _, task := range tasks {
			if _, err := task.Await(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(order, ""); got != "abc" {
		t.Fatalf("order %q, want abc", got)
	}
}
