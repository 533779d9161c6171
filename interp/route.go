package interp

import (
	"bytes"
	goruntime "runtime"
	"strconv"
	"sync"
)

// router maps goroutines to the cell that owns them. A goroutine started by a
// tracked spawn (a rewritten go statement) is bound to its parent's cell for
// its whole life; any other goroutine (the cell's own evaluation goroutine,
// host goroutines calling cell closures) belongs to the running cell or, when
// none runs, to the last one. The zero value is ready to use.
type router struct {
	mu      sync.Mutex
	current string            // id of the running cell, "" between cells
	last    string            // id of the last cell that ran
	bound   map[uint64]string // goroutine id -> cell id
}

// begin marks cell id as running.
func (r *router) begin(id string) {
	r.mu.Lock()
	r.current, r.last = id, id
	r.mu.Unlock()
}

// end marks that no cell runs.
func (r *router) end() {
	r.mu.Lock()
	r.current = ""
	r.mu.Unlock()
}

// running returns the running cell's id, or the last cell's when none runs.
func (r *router) running() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.current != "" {
		return r.current
	}
	return r.last
}

// cellOf returns the cell that owns goroutine gid.
func (r *router) cellOf(gid uint64) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.bound[gid]; ok {
		return c
	}
	if r.current != "" {
		return r.current
	}
	return r.last
}

// isBound reports whether gid was started by a tracked spawn.
func (r *router) isBound(gid uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.bound[gid]
	return ok
}

// caller returns the cell that owns the calling goroutine.
func (r *router) caller() string { return r.cellOf(goid()) }

// bind ties goroutine gid to cell until unbind.
func (r *router) bind(gid uint64, cell string) {
	r.mu.Lock()
	if r.bound == nil {
		r.bound = make(map[uint64]string)
	}
	r.bound[gid] = cell
	r.mu.Unlock()
}

// unbind forgets goroutine gid.
func (r *router) unbind(gid uint64) {
	r.mu.Lock()
	delete(r.bound, gid)
	r.mu.Unlock()
}

// goid returns the calling goroutine's id, parsed from the first line of its
// stack trace ("goroutine 123 [running]:"). It costs about a microsecond.
func goid() uint64 {
	var buf [64]byte
	b := buf[:goruntime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	n, _ := strconv.ParseUint(string(b), 10, 64)
	return n
}
