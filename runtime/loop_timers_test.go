package runtime

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestTimerHeapOrder checks the timer heap against a sorted list: entries
// come out by due time, equal due times in the order they were pushed,
// also after removals from the middle.
func TestTimerHeapOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var th timerHeap
	var live []*Handle // in push order
	for i := range 2000 {
		h := &Handle{when: time.Duration(r.IntN(50)), index: -1}
		th.pushHandle(h)
		live = append(live, h)
		if i%3 == 0 { // remove a random live entry
			k := r.IntN(len(live))
			if got := th.remove(live[k].index); got.h != live[k] || live[k].index != -1 {
				t.Fatalf("remove returned %p, want %p (index %d)", got.h, live[k], live[k].index)
			}
			live = slices.Delete(live, k, k+1)
		}
	}
	slices.SortStableFunc(live, func(a, b *Handle) int { return int(a.when - b.when) })
	for i, want := range live {
		if got := th.remove(0).h; got != want {
			t.Fatalf("entry %d: got when=%v, want when=%v (or another of the same time)", i, got.when, want.when)
		}
	}
	if th.Len() != 0 {
		t.Fatalf("%d entries left", th.Len())
	}
}

// TestTimerHeapStaleTasks checks the task entries of the timer heap: an
// invalidated entry is never popped, live ones come out in order, and
// stale entries are compacted away once they are half of the heap.
func TestTimerHeapStaleTasks(t *testing.T) {
	var th timerHeap
	ts := make([]*Task, 300)
	for i := range ts {
		ts[i] = &Task{x: &taskExtra{}}
		th.pushTask(ts[i], time.Duration(i/3)) // three per due time
	}
	var cancelled []int
	for i := 0; i < len(ts); i += 2 {
		if !th.unlistTask(ts[i]) {
			t.Fatalf("task %d was not listed", i)
		}
		if th.unlistTask(ts[i]) {
			t.Fatalf("task %d unlisted twice", i)
		}
		cancelled = append(cancelled, i)
	}
	if len(th.es) > 200 {
		t.Errorf("%d entries after cancelling %d of %d: not compacted", len(th.es), len(cancelled), len(ts))
	}
	var got []int
	for {
		e, _, ok := th.popDue(time.Hour)
		if !ok {
			break
		}
		got = append(got, slices.Index(ts, e.t))
	}
	var want []int
	for i := 1; i < len(ts); i += 2 {
		want = append(want, i)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("popped %v, want %v", got, want)
	}
	if th.Len() != 0 || th.stale != 0 {
		t.Fatalf("%d entries, %d stale left", th.Len(), th.stale)
	}
	if _, wait, ok := th.popDue(0); ok || wait != -1 {
		t.Fatalf("empty heap: popDue = %v, %v", wait, ok)
	}
}
