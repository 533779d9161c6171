package runtime

import (
	"slices"
	"time"
)

// TaskInfo describes a task for Loop.Tasks and Loop.NeverAwaited.
type TaskInfo struct {
	Name  string
	State TaskState
	Age   time.Duration // time since the task was created
	Where string        // where it was created ("file:line"), in debug mode
}

// Info returns a description of t as it is now.
func (t *Task) Info() TaskInfo {
	return TaskInfo{Name: t.Name(), State: t.State(), Age: time.Since(t.created), Where: t.where}
}

// Tasks lists l's tasks that have not finished, oldest first, with their
// state and age, like asyncio.all_tasks. It may be called from any
// goroutine, during a run or between runs.
func (l *Loop) Tasks() []TaskInfo {
	l.mu.Lock()
	ts := make([]*Task, 0, len(l.run.live))
	for t := range l.run.live {
		ts = append(ts, t)
	}
	l.mu.Unlock()
	slices.SortFunc(ts, func(a, b *Task) int { return int(a.id - b.id) })
	infos := make([]TaskInfo, len(ts))
	for i, t := range ts {
		infos[i] = t.Info()
	}
	return infos
}
