package runtime

import "container/heap"

// timerHeap orders scheduled callbacks by due time, then by scheduling
// order. It is not safe for concurrent use (Loop.mu guards it).
type timerHeap struct {
	hs  []*Handle
	seq []uint64
	n   uint64
}

func (t *timerHeap) Len() int { return len(t.hs) }

func (t *timerHeap) Less(i, j int) bool {
	if t.hs[i].when != t.hs[j].when {
		return t.hs[i].when < t.hs[j].when
	}
	return t.seq[i] < t.seq[j]
}

func (t *timerHeap) Swap(i, j int) {
	t.hs[i], t.hs[j] = t.hs[j], t.hs[i]
	t.seq[i], t.seq[j] = t.seq[j], t.seq[i]
	t.hs[i].index, t.hs[j].index = i, j
}

func (t *timerHeap) Push(x any) {
	h := x.(*Handle)
	h.index = len(t.hs)
	t.hs = append(t.hs, h)
	t.seq = append(t.seq, t.n)
	t.n++
}

func (t *timerHeap) Pop() any {
	n := len(t.hs) - 1
	h := t.hs[n]
	t.hs[n], h.index = nil, -1
	t.hs, t.seq = t.hs[:n], t.seq[:n]
	return h
}

func (t *timerHeap) pushHandle(h *Handle) { heap.Push(t, h) }

// peek returns the earliest handle, or nil.
func (t *timerHeap) peek() *Handle {
	if len(t.hs) == 0 {
		return nil
	}
	return t.hs[0]
}

func (t *timerHeap) popHandle() *Handle { return heap.Pop(t).(*Handle) }
