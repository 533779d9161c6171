package runtime

// TaskState is where a task is in its life.
type TaskState int32

const (
	TaskPending TaskState = iota // created, waiting for the loop to start it
	TaskRunning                  // running: on the loop, holding the baton
	TaskWaiting                  // awaiting something, the loop given away
	TaskDone                     // finished: result, error or cancelled
)

// String returns "pending", "running", "waiting" or "done".
func (s TaskState) String() string {
	switch s {
	case TaskPending:
		return "pending"
	case TaskRunning:
		return "running"
	case TaskWaiting:
		return "waiting"
	case TaskDone:
		return "done"
	}
	return "unknown"
}
