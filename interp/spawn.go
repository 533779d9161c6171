package interp

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// TaskInfo describes one background goroutine a cell started with a go
// statement and that is still running.
type TaskInfo struct {
	ID      int64     // unique in the session, in start order
	CellID  string    // the cell that started it (directly or through its goroutines)
	Started time.Time // when it was started
}

// spawn runs fn on a new goroutine owned by the session (rewritten go
// statements call it). The goroutine belongs to the caller's cell for its
// whole life: its output is routed there, it is listed by Background, and a
// panic in it is recovered and reported on that cell's stderr instead of
// killing the process. Close waits for spawned goroutines (bounded).
func (s *Session) spawn(fn func()) {
	cell := s.route.caller()
	s.stateMu.Lock()
	s.nextTask++
	t := TaskInfo{ID: s.nextTask, CellID: cell, Started: time.Now()}
	if s.tasks == nil {
		s.tasks = make(map[int64]TaskInfo)
	}
	s.tasks[t.ID] = t
	s.stateMu.Unlock()
	s.wg.Add(1)
	go s.runTask(t, fn)
}

// runTask is the body of a spawned goroutine.
func (s *Session) runTask(t TaskInfo, fn func()) {
	gid := goid()
	s.route.bind(gid, t.CellID)
	defer func() {
		if r := recover(); r != nil {
			s.reportTaskPanic(t, gid, r)
		}
		s.traces.take(gid)
		s.route.unbind(gid)
		s.stateMu.Lock()
		delete(s.tasks, t.ID)
		s.stateMu.Unlock()
		s.wg.Done()
	}()
	fn()
}

// reportTaskPanic writes a recovered goroutine panic to the cell's stderr.
func (s *Session) reportTaskPanic(t TaskInfo, gid uint64, r any) {
	var b strings.Builder
	fmt.Fprintf(&b, "panic in goroutine %d started by this cell: %v\n", t.ID, panicValue(r))
	for _, l := range formatTrace(s.traces.take(gid)) {
		b.WriteString(l + "\n")
	}
	_, _ = s.err.writeCell(t.CellID, []byte(b.String()))
}

// Background lists the background goroutines cells started that are still
// running, oldest first. It does not wait.
func (s *Session) Background() []TaskInfo {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	out := make([]TaskInfo, 0, len(s.tasks))
	for _, t := range s.tasks {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
