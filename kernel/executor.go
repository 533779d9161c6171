package kernel

import "context"

// ExecuteRequest is one cell as the executor sees it.
type ExecuteRequest struct {
	// CellID identifies the cell for output routing; the kernel uses the
	// execute_request's msg_id.
	CellID     string
	Code       string
	AllowStdin bool
	// Sent, if not nil, is called by Execute once the cell is on its way,
	// so that the kernel announces the cell while it runs. The kernel makes
	// sure the announcement precedes the cell's output, whether Sent is
	// called or not.
	Sent func()
}

// Bundle is a MIME bundle ("text/plain", "text/html", ...) with metadata.
type Bundle struct {
	Data     map[string]any
	Metadata map[string]any
}

// CellError is a failed cell as Jupyter shows it. Traceback is never nil.
type CellError struct {
	Name      string
	Value     string
	Traceback []string
}

// ExecuteReply is the outcome of one cell: Err on failure, otherwise Result
// holds the value of a final expression (nil when there is none).
type ExecuteReply struct {
	Result *Bundle
	Err    *CellError
}

// Output is one output event of a cell. Kind is "stream" (Name, Text),
// "display_data" or "update_display_data" (Data, Metadata, DisplayID) or
// "clear_output" (Wait). CellID names the cell that produced it, also for
// output of goroutines that outlive their cell.
type Output struct {
	CellID    string
	Kind      string
	Name      string
	Text      string
	Data      map[string]any
	Metadata  map[string]any
	DisplayID string
	Wait      bool
}

// Host is the kernel side that an Executor reports to. Kernel implements it.
type Host interface {
	// Output publishes one output event. Executors call it in the order the
	// events happened, and for a cell's own output before Execute returns.
	Output(o Output)
	// Input asks the user that sent cell cellID for one line of text.
	Input(ctx context.Context, cellID, prompt string, password bool) (string, error)
	// Restarted tells the kernel that the session's state is gone (the
	// worker was replaced), so that what it knows of the session is reset.
	Restarted()
}

// Executor runs cells; in gokernel it is the link to the worker process.
type Executor interface {
	// Execute runs one cell and waits for its outcome or ctx's end.
	Execute(ctx context.Context, req ExecuteRequest) ExecuteReply
	// Interrupt asks the running cell, if any, to stop. It does not wait.
	Interrupt()
	// Close stops the executor and everything it started, and waits for it.
	Close() error
}

// Language answers the questions a client asks about code without running
// it. The kernel calls it from several goroutines at once, also while a cell
// runs, so implementations must be safe for concurrent use and fast.
type Language interface {
	// Complete returns completions at cursor (in Unicode code points).
	Complete(code string, cursor int) Completion
	// Inspect returns a MIME bundle describing the name at cursor.
	Inspect(code string, cursor, detailLevel int) (found bool, data map[string]any)
	// IsComplete reports "complete", "incomplete" (with indent) or "invalid".
	IsComplete(code string) (status, indent string)
	// Record remembers the declarations of a cell that ran successfully.
	Record(code string)
	// Reset forgets the session's declarations (the worker restarted).
	Reset()
}

// Completion is the content of a complete_reply.
type Completion struct {
	Matches     []string
	CursorStart int
	CursorEnd   int
	Metadata    map[string]any
}
