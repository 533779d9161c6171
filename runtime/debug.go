package runtime

import (
	"errors"
	"fmt"
	"slices"
)

// NeverAwaited lists the tasks of l's last run (in debug mode) whose
// outcome nobody asked for: never awaited, gathered, waited on, nor read
// with Result or Err. That is Go's answer to asyncio's "coroutine was never
// awaited": a task whose error, if it failed, would go unseen.
func (l *Loop) NeverAwaited() []TaskInfo {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.run.neverSeen)
}

// reportRun reports the finished tasks whose outcome nobody observed: all
// of them in debug mode, only the failed ones otherwise.
func (l *Loop) reportRun(finished []*Task) {
	slices.SortFunc(finished, func(a, b *Task) int { return int(a.id - b.id) })
	var never []TaskInfo
	for _, t := range finished {
		if t.fut.observed.Load() {
			continue
		}
		if l.cfg.debug {
			never = append(never, t.Info())
			l.cfg.report(neverAwaitedMessage(t))
		} else if !errors.Is(t.fut.err, ErrCancelled) {
			l.cfg.report(fmt.Sprintf("runtime: task %q failed and its error was never retrieved: %v",
				t.Name(), t.fut.err))
		}
	}
	l.mu.Lock()
	l.run.neverSeen = never
	l.mu.Unlock()
}

// neverAwaitedMessage says what happened to a task nobody awaited.
func neverAwaitedMessage(t *Task) string {
	msg := fmt.Sprintf("runtime: task %q was never awaited", t.Name())
	if where := t.Info().Where; where != "" {
		msg += " (created at " + where + ")"
	}
	switch err := t.fut.err; {
	case errors.Is(err, ErrCancelled):
		msg += "; it was cancelled"
	case err != nil:
		msg += "; its error: " + err.Error()
	}
	return msg
}
