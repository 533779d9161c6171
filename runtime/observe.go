package runtime

import (
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
	t.mu.Lock()
	where := ""
	if t.x != nil {
		where = t.x.where
	}
	t.mu.Unlock()
	age := time.Since(taskEpoch) - time.Duration(t.created)
	return TaskInfo{Name: t.Name(), State: t.State(), Age: age, Where: where}
}

// Tasks lists l's tasks that have not finished, oldest first, with their
// state and age, like asyncio.all_tasks. It may be called from any
// goroutine, during a run or between runs.
func (l *Loop) Tasks() []TaskInfo {
	l.mu.Lock()
	ts := make([]*Task, 0, l.run.live.n)
	for t := l.run.live.head; t != nil; t = t.next {
		ts = append(ts, t)
	}
	l.mu.Unlock()
	infos := make([]TaskInfo, len(ts))
	for i, t := range ts {
		infos[i] = t.Info()
	}
	return infos
}

// String describes the task as "Task(name, state)", for printing in cells.
func (t *Task) String() string { return "Task(" + t.Name() + ", " + t.State().String() + ")" }

// String describes the task as "name state age".
func (i TaskInfo) String() string {
	return i.Name + " " + i.State.String() + " " + i.Age.Round(time.Millisecond).String()
}
