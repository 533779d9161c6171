package runtime

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestTasksList checks the live task list with states, oldest first.
func TestTasksList(t *testing.T) {
	l := NewLoop()
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		started := NewFuture()
		waiting := CreateTask(ctx, func(ctx context.Context) (any, error) {
			started.SetResult(nil)
			return nil, Sleep(ctx, time.Hour)
		}).SetName("sleeper")
		if _, err := started.Await(ctx); err != nil {
			return nil, err
		}
		pending := CreateTask(ctx, trivial).SetName("queued")
		var got []string
		for _, ti := range l.Tasks() {
			got = append(got, fmt.Sprintf("%s:%s", ti.Name, ti.State))
			if ti.Age < 0 {
				t.Errorf("negative age %v", ti.Age)
			}
		}
		want := "[main:running sleeper:waiting queued:pending]"
		if fmt.Sprint(got) != want {
			t.Errorf("Tasks %v, want %s", got, want)
		}
		waiting.Cancel()
		return pending.Await(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Tasks()); n != 0 {
		t.Fatalf("%d tasks left after the run", n)
	}
}
