package runtime

import "context"

// Future returns the future that receives the task's outcome; it makes
// *Task an Awaitable. Cancelling that future cancels the task.
func (t *Task) Future() *Future { return t.fut }

// Await waits for the task to finish or for ctx to be done, and returns the
// task's outcome or ctx's error. In a loop task it gives the loop away while
// waiting. Giving up on ctx does not cancel t.
func (t *Task) Await(ctx context.Context) (any, error) { return t.fut.Await(ctx) }

// Result returns the task's outcome without waiting, or ErrNotDone.
func (t *Task) Result() (any, error) { return t.fut.Result() }

// Err returns the task's error without waiting: nil while running or on
// success.
func (t *Task) Err() error { return t.fut.Err() }

// Done returns a channel closed when the task has finished.
func (t *Task) Done() <-chan struct{} { return t.fut.Done() }

// IsDone reports whether the task has finished.
func (t *Task) IsDone() bool { return t.fut.IsDone() }

// Cancelled reports whether the task finished by cancellation.
func (t *Task) Cancelled() bool { return t.fut.Cancelled() }

// AddDoneCallback arranges for cb to be called with t once t has finished,
// on the goroutine that finishes it (at once if t is done already).
func (t *Task) AddDoneCallback(cb func(*Task)) {
	t.fut.AddDoneCallback(func(*Future) { cb(t) })
}
