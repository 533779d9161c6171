package runtime

import "testing"

// TestReadyQueueFIFO checks order across chunks, emptying and refilling.
func TestReadyQueueFIFO(t *testing.T) {
	var q readyQueue
	tasks := make([]*Task, 3*readyChunkLen+7)
	for i := range tasks {
		tasks[i] = &Task{id: int64(i)}
	}
	next := 0
	for round, n := range []int{5, readyChunkLen, 3*readyChunkLen + 7, 1} {
		for i := range n {
			q.push(readyItem{task: tasks[i]})
		}
		if q.len() != n {
			t.Fatalf("round %d: len %d, want %d", round, q.len(), n)
		}
		for i := range n {
			if got := q.pop().task; got != tasks[i] {
				t.Fatalf("round %d: item %d is task %d", round, i, got.id)
			}
			next++
		}
		if q.len() != 0 {
			t.Fatalf("round %d: %d left", round, q.len())
		}
	}
	// interleaved pushes and pops
	for i := range 2 * readyChunkLen {
		q.push(readyItem{task: tasks[i%len(tasks)]})
		if i%3 == 0 {
			q.pop()
		}
	}
	if want := 2*readyChunkLen - (2*readyChunkLen+2)/3; q.len() != want {
		t.Fatalf("len %d, want %d", q.len(), want)
	}
}
