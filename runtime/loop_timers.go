package runtime

import "time"

// timerEntry is one entry of a loop's timer heap: a callback scheduled by
// CallLater or CallAt (h), or a task sleeping on its own context (t, see
// Sleep), which the loop queues directly when it is due. A task's entry is
// live while its task's taskExtra.timerSeq is the entry's seq (truncated);
// a cancelled sleep leaves a stale entry behind, which the heap drops when
// it comes up, or sooner if stale entries make up half of it.
type timerEntry struct {
	when time.Duration // on the loop's clock
	seq  uint64        // scheduling order, for entries due at the same time
	h    *Handle
	t    *Task
}

// timerHeap orders a loop's timer entries by due time, then by scheduling
// order; a binary heap of values, so that an entry costs no allocation of
// its own. A callback's position is kept in its Handle (index), so that
// Cancel removes it; a task's entry is invalidated instead (see
// timerEntry), so that moving entries around never touches the tasks. The
// zero value is empty; it is not safe for concurrent use (Loop.mu guards
// it).
type timerHeap struct {
	es    []timerEntry
	n     uint64 // entries pushed so far
	stale int    // task entries invalidated but still in es
}

func (th *timerHeap) Len() int { return len(th.es) }

func (th *timerHeap) less(i, j int) bool {
	a, b := &th.es[i], &th.es[j]
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seq < b.seq
}

// place records that the entry at i is there, if it is a callback's.
func (th *timerHeap) place(i int) {
	if h := th.es[i].h; h != nil {
		h.index = i
	}
}

// timerSeq is the truncated seq that marks a task's entry as live; never 0,
// which marks a task without one.
func timerSeq(seq uint64) uint32 { return uint32(seq%(1<<32-1)) + 1 }

// live reports whether e is a callback's entry or a live task entry.
func (e *timerEntry) live() bool { return e.h != nil || e.t.x.timerSeq == timerSeq(e.seq) }

func (th *timerHeap) swap(i, j int) {
	th.es[i], th.es[j] = th.es[j], th.es[i]
	th.place(i)
	th.place(j)
}

func (th *timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !th.less(i, p) {
			return
		}
		th.swap(i, p)
		i = p
	}
}

func (th *timerHeap) down(i int) {
	n := len(th.es)
	for {
		c := 2*i + 1
		if c >= n {
			return
		}
		if r := c + 1; r < n && th.less(r, c) {
			c = r
		}
		if !th.less(c, i) {
			return
		}
		th.swap(i, c)
		i = c
	}
}

// push adds e, stamping it with the next scheduling order.
func (th *timerHeap) push(e timerEntry) {
	e.seq = th.n
	th.n++
	th.es = append(th.es, e)
	i := len(th.es) - 1
	th.place(i)
	th.up(i)
}

func (th *timerHeap) pushHandle(h *Handle) { th.push(timerEntry{when: h.when, h: h}) }

// pushTask adds an entry for t (whose taskExtra exists), due at when.
func (th *timerHeap) pushTask(t *Task, when time.Duration) {
	t.x.timerSeq = timerSeq(th.n)
	th.push(timerEntry{when: when, t: t})
}

// unlistTask invalidates t's entry and reports whether it was live (t was
// in the heap).
func (th *timerHeap) unlistTask(t *Task) bool {
	if t.x.timerSeq == 0 {
		return false
	}
	t.x.timerSeq = 0
	th.stale++
	if th.stale > 64 && 2*th.stale >= len(th.es) {
		th.compact()
	}
	return true
}

// compact drops the stale entries.
func (th *timerHeap) compact() {
	live := th.es[:0]
	for _, e := range th.es {
		if e.live() {
			live = append(live, e)
		}
	}
	clear(th.es[len(live):])
	th.es, th.stale = live, 0
	for i := range th.es {
		th.place(i)
	}
	for i := len(th.es)/2 - 1; i >= 0; i-- {
		th.down(i)
	}
}

// popDue removes and returns the earliest live entry if it is due at now
// (dropping the stale ones before it); otherwise it returns false and how
// long until the earliest is due (-1: the heap is empty).
func (th *timerHeap) popDue(now time.Duration) (timerEntry, time.Duration, bool) {
	for len(th.es) > 0 {
		if when := th.es[0].when; when > now {
			return timerEntry{}, when - now, false
		}
		e := th.remove(0)
		if e.h != nil {
			return e, 0, true
		}
		if e.t.x.timerSeq == timerSeq(e.seq) {
			e.t.x.timerSeq = 0
			return e, 0, true
		}
		th.stale--
	}
	return timerEntry{}, -1, false
}

// remove removes and returns the entry at i.
func (th *timerHeap) remove(i int) timerEntry {
	last := len(th.es) - 1
	e := th.es[i]
	if i != last {
		th.es[i] = th.es[last]
		th.place(i)
	}
	th.es[last] = timerEntry{}
	th.es = th.es[:last]
	if i != last {
		th.down(i)
		th.up(i)
	}
	if e.h != nil {
		e.h.index = -1
	}
	return e
}
