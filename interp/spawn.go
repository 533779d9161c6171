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

// goroutinePanic is the cause with which a cell is cancelled when a
// goroutine it started panics while the cell still runs.
type goroutinePanic struct{ err *Error }

func (g *goroutinePanic) Error() string { return g.err.Error() }

// reportTaskPanic handles a recovered goroutine panic. In Go it would end
// the program; here it ends the cell that started the goroutine if that
// cell still runs (the cell fails with the panic, as a program would), and
// otherwise it is written to that cell's stderr.
func (s *Session) reportTaskPanic(t TaskInfo, gid uint64, r any) {
	value := fmt.Sprint(panicValue(r))
	tb := append([]string{fmt.Sprintf("panic in goroutine %d started by this cell: %s", t.ID, value)}, formatTrace(s.traces.take(gid))...)
	s.stateMu.Lock()
	cancel := s.cellCancel
	running := s.cellID == t.CellID
	s.stateMu.Unlock()
	if running && cancel != nil {
		cancel(&goroutinePanic{&Error{Name: "panic", Value: value, Traceback: tb}})
		return
	}
	_, _ = s.err.writeCell(t.CellID, []byte(strings.Join(tb, "\n")+"\n"))
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
