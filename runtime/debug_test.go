package runtime

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// reports collects a loop's reports for a test.
type reports struct {
	mu   sync.Mutex
	msgs []string
}

func (r *reports) add(s string) { r.mu.Lock(); r.msgs = append(r.msgs, s); r.mu.Unlock() }

func (r *reports) matching(sub string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, m := range r.msgs {
		if strings.Contains(m, sub) {
			out = append(out, m)
		}
	}
	return out
}

// TestNeverAwaited checks that debug mode reports exactly the tasks whose
// outcome nobody looked at, with where they were created.
func TestNeverAwaited(t *testing.T) {
	var r reports
	l := NewLoop(WithDebug(), WithReport(r.add))
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		CreateTask(ctx, trivial).SetName("forgotten")
		CreateTask(ctx, value(nil, time.Hour)).SetName("abandoned")
		seen := CreateTask(ctx, trivial).SetName("awaited")
		return seen.Await(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
	never := l.NeverAwaited()
	if len(never) != 2 || never[0].Name != "forgotten" || never[1].Name != "abandoned" {
		t.Fatalf("NeverAwaited %+v", never)
	}
	if !strings.Contains(never[0].Where, "debug_test.go:") {
		t.Fatalf("created at %q", never[0].Where)
	}
	msgs := r.matching("was never awaited")
	if len(msgs) != 2 || !strings.Contains(msgs[1], `"abandoned"`) || !strings.Contains(msgs[1], "it was cancelled") {
		t.Fatalf("reports %q", msgs)
	}
}

// TestUnretrievedErrorReported checks that, without debug mode, a failed
// task nobody awaited is reported, and an awaited one is not.
func TestUnretrievedErrorReported(t *testing.T) {
	var r reports
	_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
		CreateTask(ctx, failing(errTest, 0)).SetName("lost")
		_, _ = CreateTask(ctx, failing(errTest, 0)).SetName("seen").Await(ctx)
		return nil, nil
	}, WithReport(r.add))
	if err != nil {
		t.Fatal(err)
	}
	msgs := r.matching("never retrieved")
	if len(msgs) != 1 || !strings.Contains(msgs[0], `"lost"`) || !strings.Contains(msgs[0], "test error") {
		t.Fatalf("reports %q", r.msgs)
	}
}

// spin holds the calling goroutine until the loop's clock has moved by d:
// CPU work that keeps the loop.
func spin(l *Loop, d time.Duration) {
	for start := l.Time(); l.Time()-start < d; {
	}
}

// TestSlowCallbackReported checks the slow-callback warning for a callback
// and for a task step that hold the loop past the threshold (its absence
// is checked with a threshold no step reaches, below).
func TestSlowCallbackReported(t *testing.T) {
	var r reports
	const threshold = 2 * time.Millisecond
	l := NewLoop(WithSlowCallback(threshold), WithReport(r.add))
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		l.CallSoon(func() { spin(l, 2*threshold) })
		hog := CreateTask(ctx, func(ctx context.Context) (any, error) {
			spin(l, 2*threshold)
			return nil, nil
		}).SetName("hog")
		return hog.Await(ctx)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Other steps may be slow too on a loaded machine; these two must be.
	if len(r.matching("slow callback: callback held the loop")) != 1 ||
		len(r.matching(`slow callback: task "hog" held the loop`)) != 1 {
		t.Fatalf("reports %q", r.msgs)
	}
}

// TestNoSlowCallbackUnderThreshold checks that nothing is reported when
// every step is under the threshold.
func TestNoSlowCallbackUnderThreshold(t *testing.T) {
	var r reports
	l := NewLoop(WithSlowCallback(time.Hour), WithReport(r.add))
	_, err := l.RunUntilComplete(context.Background(), func(ctx context.Context) (any, error) {
		l.CallSoon(func() {})
		return CreateTask(ctx, value(1, time.Millisecond)).Await(ctx)
	})
	if err != nil || len(r.matching("slow")) != 0 {
		t.Fatalf("err %v reports %q", err, r.msgs)
	}
}
