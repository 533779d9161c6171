package runtime

import "container/heap"

// queueStore holds a Queue's items in its hand-out order.
type queueStore interface {
	push(v any)
	pop() any    // the next item to hand out; len() > 0
	dropOldest() // discards the item that has waited longest; len() > 0
	len() int
	clear()
}

func newQueueStore(opts QueueOptions) queueStore {
	switch opts.Kind {
	case QueueLIFO:
		return &lifoStore{}
	case QueuePriority:
		less := opts.Less
		if less == nil {
			less = DefaultLess
		}
		return &priorityStore{less: less}
	}
	return &fifoStore{}
}

// fifoStore is a growable ring buffer.
type fifoStore struct {
	buf  []any
	head int
	n    int
}

func (s *fifoStore) push(v any) {
	if s.n == len(s.buf) {
		s.grow()
	}
	s.buf[(s.head+s.n)%len(s.buf)] = v
	s.n++
}

func (s *fifoStore) grow() {
	nb := make([]any, max(4, 2*len(s.buf)))
	for i := 0; i < s.n; i++ {
		nb[i] = s.buf[(s.head+i)%len(s.buf)]
	}
	s.buf, s.head = nb, 0
}

func (s *fifoStore) pop() any {
	v := s.buf[s.head]
	s.buf[s.head] = nil
	s.head = (s.head + 1) % len(s.buf)
	s.n--
	return v
}

func (s *fifoStore) dropOldest() { s.pop() }
func (s *fifoStore) len() int    { return s.n }
func (s *fifoStore) clear()      { *s = fifoStore{} }

// lifoStore is a stack.
type lifoStore struct{ items []any }

func (s *lifoStore) push(v any) { s.items = append(s.items, v) }

func (s *lifoStore) pop() any {
	n := len(s.items) - 1
	v := s.items[n]
	s.items[n] = nil
	s.items = s.items[:n]
	return v
}

func (s *lifoStore) dropOldest() {
	copy(s.items, s.items[1:])
	s.pop()
}

func (s *lifoStore) len() int { return len(s.items) }
func (s *lifoStore) clear()   { s.items = nil }

// priorityStore is a binary heap ordered by less, then by arrival.
type priorityStore struct {
	less  func(a, b any) bool
	items []prioItem
	seq   uint64
}

type prioItem struct {
	v   any
	seq uint64
}

func (s *priorityStore) push(v any) {
	s.seq++
	heap.Push((*prioHeap)(s), prioItem{v: v, seq: s.seq})
}

func (s *priorityStore) pop() any { return heap.Pop((*prioHeap)(s)).(prioItem).v }

func (s *priorityStore) dropOldest() {
	oldest := 0
	for i, it := range s.items {
		if it.seq < s.items[oldest].seq {
			oldest = i
		}
	}
	heap.Remove((*prioHeap)(s), oldest)
}

func (s *priorityStore) len() int { return len(s.items) }
func (s *priorityStore) clear()   { s.items = nil }

// prioHeap adapts priorityStore to container/heap.
type prioHeap priorityStore

func (h *prioHeap) Len() int      { return len(h.items) }
func (h *prioHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *prioHeap) Push(x any)    { h.items = append(h.items, x.(prioItem)) }

func (h *prioHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if h.less(a.v, b.v) {
		return true
	}
	if h.less(b.v, a.v) {
		return false
	}
	return a.seq < b.seq
}

func (h *prioHeap) Pop() any {
	n := len(h.items) - 1
	it := h.items[n]
	h.items[n] = prioItem{}
	h.items = h.items[:n]
	return it
}
