package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"sync"
)

// Errors returned by Queue methods.
var (
	ErrQueueFull     = errors.New("runtime: queue full")
	ErrQueueEmpty    = errors.New("runtime: queue empty")
	ErrQueueShutDown = errors.New("runtime: queue shut down")
)

// QueueKind says in which order a Queue hands out its items.
type QueueKind int

const (
	QueueFIFO     QueueKind = iota // first in, first out (asyncio.Queue)
	QueueLIFO                      // last in, first out (asyncio.LifoQueue)
	QueuePriority                  // smallest first (asyncio.PriorityQueue)
)

// Overflow says what Put does when a bounded Queue is full.
type Overflow int

const (
	OverflowBlock      Overflow = iota // wait for room (asyncio's behaviour)
	OverflowDropNewest                 // discard the new item, return nil
	OverflowDropOldest                 // discard the item that waited longest, add the new one
	OverflowFail                       // return ErrQueueFull
)

// QueueOptions configures NewQueueWith. The zero value is an unbounded FIFO.
type QueueOptions struct {
	MaxSize  int       // largest number of items held; <= 0 means unbounded
	Kind     QueueKind // hand-out order
	Overflow Overflow  // what a full queue does with Put
	// Less orders a QueuePriority queue: the item for which Less is true
	// against all others comes out first; equal items come out in the
	// order they were put. Nil means DefaultLess.
	Less func(a, b any) bool
}

// Queue is a queue of any values for producers and consumers in tasks and
// goroutines, like asyncio.Queue: bounded or not, FIFO, LIFO or priority,
// with task-done/join accounting, shutdown, and a choice of backpressure.
//
// Use NewQueue, NewLifoQueue, NewPriorityQueue or NewQueueWith; the zero
// value is not usable. A Queue starts no goroutines. Put and Get wait (for
// room or for an item) as blocking regions: waiting on the event loop lets
// other loop tasks run, and waiting in a GIL executor worker releases the GIL.
type Queue struct {
	mu         sync.Mutex
	opts       QueueOptions
	store      queueStore
	getters    waiterList
	putters    waiterList
	unfinished int
	joinCh     chan struct{}
	shutdown   bool
	dropped    int
}

// NewQueue returns a FIFO queue holding at most maxsize items (<= 0: no
// limit) whose Put waits while it is full.
func NewQueue(maxsize int) *Queue { return NewQueueWith(QueueOptions{MaxSize: maxsize}) }

// NewLifoQueue returns a LIFO queue (a stack) holding at most maxsize items.
func NewLifoQueue(maxsize int) *Queue {
	return NewQueueWith(QueueOptions{MaxSize: maxsize, Kind: QueueLIFO})
}

// NewPriorityQueue returns a queue that hands out the smallest item first,
// by less (nil: DefaultLess), holding at most maxsize items.
func NewPriorityQueue(maxsize int, less func(a, b any) bool) *Queue {
	return NewQueueWith(QueueOptions{MaxSize: maxsize, Kind: QueuePriority, Less: less})
}

// NewQueueWith returns a queue configured by opts.
func NewQueueWith(opts QueueOptions) *Queue {
	return &Queue{opts: opts, store: newQueueStore(opts)}
}

// Put adds v, waiting for room while a bounded queue with OverflowBlock is
// full; the other Overflow modes never wait. It returns ctx's error if ctx
// ends first, and ErrQueueShutDown after Shutdown.
func (q *Queue) Put(ctx context.Context, v any) error {
	spin := 0
	q.mu.Lock()
	for {
		if q.shutdown {
			q.mu.Unlock()
			return ErrQueueShutDown
		}
		if !q.fullLocked() {
			q.pushLocked(v)
			q.mu.Unlock()
			return nil
		}
		if q.opts.Overflow != OverflowBlock {
			err := q.overflowLocked(v)
			q.mu.Unlock()
			return err
		}
		if spin < queueSpins && (spin > 0 || CurrentTask(ctx) == nil) {
			spin++
			q.spinLocked()
			continue
		}
		if err := q.putters.park(ctx, &q.mu, nil); err != nil {
			return err
		}
	}
}

// PutNowait adds v without waiting: a full queue in OverflowBlock mode
// returns ErrQueueFull; the other modes behave as in Put.
func (q *Queue) PutNowait(v any) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.shutdown:
		return ErrQueueShutDown
	case !q.fullLocked():
		q.pushLocked(v)
		return nil
	case q.opts.Overflow == OverflowBlock:
		return ErrQueueFull
	}
	return q.overflowLocked(v)
}

// Get removes and returns the next item, waiting while the queue is empty.
// It returns ctx's error if ctx ends first, and ErrQueueShutDown once the
// queue is shut down and empty.
func (q *Queue) Get(ctx context.Context) (any, error) {
	spin := 0
	q.mu.Lock()
	for {
		if q.store.len() > 0 {
			v := q.popLocked()
			q.mu.Unlock()
			return v, nil
		}
		if q.shutdown {
			q.mu.Unlock()
			return nil, ErrQueueShutDown
		}
		if spin < queueSpins && (spin > 0 || CurrentTask(ctx) == nil) {
			spin++
			q.spinLocked()
			continue
		}
		if err := q.getters.park(ctx, &q.mu, nil); err != nil {
			return nil, err
		}
	}
}

// GetNowait removes and returns the next item without waiting; it returns
// ErrQueueEmpty (or ErrQueueShutDown) when there is none.
func (q *Queue) GetNowait() (any, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.store.len() > 0 {
		return q.popLocked(), nil
	}
	if q.shutdown {
		return nil, ErrQueueShutDown
	}
	return nil, ErrQueueEmpty
}

func (q *Queue) fullLocked() bool {
	return q.opts.MaxSize > 0 && q.store.len() >= q.opts.MaxSize
}

func (q *Queue) pushLocked(v any) {
	q.store.push(v)
	q.unfinished++
	q.getters.wakeOne()
}

func (q *Queue) popLocked() any {
	v := q.store.pop()
	q.putters.wakeOne()
	return v
}

// overflowLocked applies a non-blocking Overflow mode to a full queue.
func (q *Queue) overflowLocked(v any) error {
	switch q.opts.Overflow {
	case OverflowFail:
		return ErrQueueFull
	case OverflowDropOldest:
		q.store.dropOldest()
		q.unfinished--
		q.pushLocked(v)
	}
	q.dropped++
	return nil
}

// queueSpins is how many times Put and Get yield the processor, re-checking
// the queue, before they park: with producer and consumer on different
// cores, the other side usually acts within that time, which saves two
// goroutine parks per item. Loop tasks do not spin: no other task of their
// loop can act while they hold it.
const queueSpins = 3

// spinLocked yields the processor once with q.mu released.
func (q *Queue) spinLocked() {
	q.mu.Unlock()
	goruntime.Gosched()
	q.mu.Lock()
}
