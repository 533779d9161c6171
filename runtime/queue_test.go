package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"sync"
	"testing"
)

func drain(t *testing.T, q *Queue) []any {
	t.Helper()
	var out []any
	for !q.Empty() {
		v, err := q.GetNowait()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

func putAll(t *testing.T, q *Queue, vs ...any) {
	t.Helper()
	for _, v := range vs {
		if err := q.Put(context.Background(), v); err != nil {
			t.Fatal(err)
		}
	}
}

func sameItems(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestQueueOrders(t *testing.T) {
	tests := []struct {
		name string
		q    *Queue
		in   []any
		want []any
	}{
		{"fifo", NewQueue(0), []any{3, 1, 2}, []any{3, 1, 2}},
		{"lifo", NewLifoQueue(0), []any{3, 1, 2}, []any{2, 1, 3}},
		{"priority", NewPriorityQueue(0, nil), []any{3, 1, 2, 0}, []any{0, 1, 2, 3}},
		{"priority stable", NewPriorityQueue(0, nil),
			[]any{PriorityItem{2, "a"}, PriorityItem{1, "b"}, PriorityItem{2, "c"}, PriorityItem{1, "d"}},
			[]any{PriorityItem{1, "b"}, PriorityItem{1, "d"}, PriorityItem{2, "a"}, PriorityItem{2, "c"}}},
		{"priority less", NewPriorityQueue(0, func(a, b any) bool { return a.(string) > b.(string) }),
			[]any{"a", "c", "b"}, []any{"c", "b", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			putAll(t, tt.q, tt.in...)
			if got := drain(t, tt.q); !sameItems(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestQueueOverflowModes(t *testing.T) {
	tests := []struct {
		mode    Overflow
		kind    QueueKind
		want    []any
		err     error
		dropped int
	}{
		{OverflowDropNewest, QueueFIFO, []any{1, 2}, nil, 1},
		{OverflowDropOldest, QueueFIFO, []any{2, 3}, nil, 1},
		{OverflowDropOldest, QueueLIFO, []any{3, 2}, nil, 1},
		{OverflowDropOldest, QueuePriority, []any{2, 3}, nil, 1},
		{OverflowFail, QueueFIFO, []any{1, 2}, ErrQueueFull, 0},
	}
	for _, tt := range tests {
		q := NewQueueWith(QueueOptions{MaxSize: 2, Overflow: tt.mode, Kind: tt.kind})
		putAll(t, q, 1, 2)
		err := q.Put(context.Background(), 3)
		if !errors.Is(err, tt.err) {
			t.Fatalf("mode %d: Put on full queue: %v, want %v", tt.mode, err, tt.err)
		}
		if q.Dropped() != tt.dropped {
			t.Fatalf("mode %d: dropped %d, want %d", tt.mode, q.Dropped(), tt.dropped)
		}
		if got := drain(t, q); !sameItems(got, tt.want) {
			t.Fatalf("mode %d kind %d: got %v, want %v", tt.mode, tt.kind, got, tt.want)
		}
	}
}

func TestQueueBlockModeWaitsForRoom(t *testing.T) {
	q := NewQueue(1)
	putAll(t, q, 1)
	if !q.Full() || q.PutNowait(2) != ErrQueueFull {
		t.Fatal("full queue accepted PutNowait")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := q.Put(ctx, 2); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put on full queue with cancelled ctx: %v", err)
	}
	done := make(chan error)
	go func() { done <- q.Put(context.Background(), 2) }()
	if v, _ := q.Get(context.Background()); v != 1 {
		t.Fatalf("got %v, want 1", v)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if v, _ := q.Get(context.Background()); v != 2 {
		t.Fatalf("got %v, want 2", v)
	}
}

func TestQueueJoinAfterTaskDone(t *testing.T) {
	q := NewQueue(0)
	putAll(t, q, "a", "b")
	joined := make(chan error)
	go func() { joined <- q.Join(context.Background()) }()
	for range 2 {
		if _, err := q.Get(context.Background()); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-joined:
			t.Fatalf("Join returned %v before every TaskDone", err)
		default:
		}
		if err := q.TaskDone(); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-joined; err != nil {
		t.Fatal(err)
	}
	if err := q.TaskDone(); !errors.Is(err, ErrTaskDoneTooOften) {
		t.Fatalf("extra TaskDone: %v", err)
	}
}

func TestQueueShutdownWakesGetters(t *testing.T) {
	q := NewQueue(0)
	const getters = 3
	errs := make(chan error, getters)
	var parked sync.WaitGroup
	parked.Add(getters)
	for range getters {
		go func() {
			parked.Done()
			_, err := q.Get(context.Background())
			errs <- err
		}()
	}
	parked.Wait()
	q.Shutdown(false)
	for range getters {
		if err := <-errs; !errors.Is(err, ErrQueueShutDown) {
			t.Fatalf("getter woke with %v", err)
		}
	}
	if err := q.Put(context.Background(), 1); !errors.Is(err, ErrQueueShutDown) {
		t.Fatalf("Put after Shutdown: %v", err)
	}
}

func TestQueueShutdownDrainsThenFails(t *testing.T) {
	q := NewQueue(0)
	putAll(t, q, 1, 2)
	q.Shutdown(false)
	if v, err := q.Get(context.Background()); v != 1 || err != nil {
		t.Fatalf("got %v, %v; want 1 before shut-down error", v, err)
	}
	if err := q.TaskDone(); err != nil {
		t.Fatal(err)
	}
	q.Shutdown(true)
	if _, err := q.Get(context.Background()); !errors.Is(err, ErrQueueShutDown) {
		t.Fatalf("Get after immediate shutdown: %v", err)
	}
	if err := q.Join(context.Background()); err != nil {
		t.Fatalf("Join after immediate shutdown: %v", err)
	}
}

func TestQueueCancelledGetterPassesWakeUp(t *testing.T) {
	q := NewQueue(0)
	q.mu.Lock()
	w := q.getters.add() // a getter that will be picked, then abandon
	q.mu.Unlock()
	got := make(chan any)
	go func() {
		v, _ := q.Get(context.Background())
		got <- v
	}()
	for q.waitingGetters() < 2 {
		goruntime.Gosched()
	}
	putAll(t, q, "x")
	q.mu.Lock()
	q.getters.cancel(w)
	q.mu.Unlock()
	if v := <-got; v != "x" {
		t.Fatalf("second getter got %v", v)
	}
}

func (q *Queue) waitingGetters() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.getters.len()
}

func TestQueueManyProducersConsumers(t *testing.T) {
	q := NewQueue(4)
	const producers, per = 4, 500
	var wg sync.WaitGroup
	for p := range producers {
		wg.Go(func() {
			for i := range per {
				if err := q.Put(context.Background(), p*per+i); err != nil {
					t.Error(err)
				}
			}
		})
	}
	sums := make(chan int, 2)
	for range 2 {
		go func() {
			s := 0
			for {
				v, err := q.Get(context.Background())
				if err != nil {
					sums <- s
					return
				}
				s += v.(int)
			}
		}()
	}
	wg.Wait()
	q.Shutdown(false)
	total := <-sums + <-sums
	if n := producers * per; total != n*(n-1)/2 {
		t.Fatalf("sum %d, want %d", total, n*(n-1)/2)
	}
}

// Dropped items never count as unfinished: Join returns once the kept
// items are done.
func TestQueueDroppedItemsDoNotBlockJoin(t *testing.T) {
	for _, mode := range []Overflow{OverflowDropNewest, OverflowDropOldest} {
		q := NewQueueWith(QueueOptions{MaxSize: 1, Overflow: mode})
		putAll(t, q, 1, 2, 3)
		if _, err := q.GetNowait(); err != nil {
			t.Fatal(err)
		}
		if err := q.TaskDone(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // Join must not need to wait at all
		if err := q.Join(ctx); err != nil {
			t.Fatalf("mode %d: Join: %v", mode, err)
		}
	}
}
