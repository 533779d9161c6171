package runtime

// readyItem is one unit of work waiting for the baton: a task to start or
// resume, or a callback to call.
type readyItem struct {
	task *Task
	call *Handle
}

// readyChunkLen is the number of items in one chunk of a readyQueue.
const readyChunkLen = 128

// readyChunk is a fixed-size piece of a readyQueue.
type readyChunk struct {
	items [readyChunkLen]readyItem
	next  *readyChunk
}

// readyQueue is a FIFO of ready items, a list of fixed-size chunks, so that
// a burst of tasks never copies the queue; the zero value is empty. It is
// not safe for concurrent use (Loop.mu guards it).
type readyQueue struct {
	head, tail *readyChunk
	hi, ti     int         // next index to pop in head, to push in tail
	n          int         // items queued
	spare      *readyChunk // one emptied chunk kept for reuse
}

func (q *readyQueue) len() int { return q.n }

func (q *readyQueue) push(it readyItem) {
	if q.tail == nil || q.ti == readyChunkLen {
		c := q.spare
		if c == nil {
			c = new(readyChunk)
		}
		q.spare = nil
		if q.tail == nil {
			q.head, q.hi = c, 0
		} else {
			q.tail.next = c
		}
		q.tail, q.ti = c, 0
	}
	q.tail.items[q.ti] = it
	q.ti++
	q.n++
}

// pop removes and returns the oldest item; the queue must not be empty.
func (q *readyQueue) pop() readyItem {
	c := q.head
	it := c.items[q.hi]
	c.items[q.hi] = readyItem{}
	q.hi++
	q.n--
	switch {
	case q.n == 0: // keep the chunk, start over
		q.hi, q.ti = 0, 0
		q.head, q.tail = c, c
	case q.hi == readyChunkLen:
		q.head, q.hi = c.next, 0
		c.next = nil
		q.spare = c
	}
	return it
}
