package runtime

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// On the event loop, a bounded queue hands the baton back and forth
// between producer and consumer in asyncio's order, every run.
func TestQueueOnLoopIsDeterministic(t *testing.T) {
	var log []string
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		q := NewQueue(1)
		consumer := CreateTask(ctx, func(ctx context.Context) (any, error) {
			for {
				v, err := q.Get(ctx)
				if err != nil {
					return nil, nil
				}
				log = append(log, fmt.Sprint("get ", v))
			}
		})
		for i := range 3 {
			if err := q.Put(ctx, i); err != nil {
				return nil, err
			}
			log = append(log, fmt.Sprint("put ", i))
		}
		q.Shutdown(false)
		return consumer.Await(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "put 0,get 0,put 1,get 1,put 2,get 2"
	if got := strings.Join(log, ","); got != want {
		t.Fatalf("order %s, want %s", got, want)
	}
}
