package runtime

// readyItem is one unit of work waiting for the baton: a task to start or
// resume, or a callback to call.
type readyItem struct {
	task *Task
	call *Handle
}

// readyQueue is a FIFO of ready items; the zero value is empty. It is not
// safe for concurrent use (Loop.mu guards it).
type readyQueue struct {
	items []readyItem
	head  int
}

func (q *readyQueue) len() int { return len(q.items) - q.head }

func (q *readyQueue) push(it readyItem) { q.items = append(q.items, it) }

func (q *readyQueue) pop() readyItem {
	it := q.items[q.head]
	q.items[q.head] = readyItem{}
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	} else if q.head > 1024 && q.head*2 > len(q.items) {
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	return it
}
