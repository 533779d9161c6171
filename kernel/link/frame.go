// Package link is the small framed protocol between gokernel's front process
// and its worker process: length-prefixed JSON frames over a pair of pipes.
//
// The front sends Execute, InputReply and Interrupt frames; the worker sends
// Ready, Output, InputRequest and Done frames. Frames of one direction travel
// in order on one pipe, so a cell's Output frames always precede its Done.
package link

// Kind names a frame type.
type Kind string

// Frame kinds, front → worker.
const (
	// Execute asks the worker to run Cell with Code.
	Execute Kind = "execute"
	// InputReply answers an InputRequest with Value, or Error when the user
	// could not be asked.
	InputReply Kind = "input_reply"
	// Interrupt asks the worker to cancel the running cell.
	Interrupt Kind = "interrupt"
)

// Frame kinds, worker → front.
const (
	// Ready is the worker's first frame: its interpreter is up.
	Ready Kind = "ready"
	// Output carries one output event of Cell (stream, display, clear).
	Output Kind = "output"
	// InputRequest asks the front to ask the user for a line for Cell.
	InputRequest Kind = "input_request"
	// Done ends Cell: Result holds a final value, Error a failure.
	Done Kind = "done"
)

// Frame is one message on the link. Only the fields of its Kind are set.
type Frame struct {
	Kind Kind   `json:"kind"`
	Cell string `json:"cell,omitempty"`

	// Execute.
	Code       string `json:"code,omitempty"`
	AllowStdin bool   `json:"allow_stdin,omitempty"`

	// InputRequest and InputReply.
	Prompt   string `json:"prompt,omitempty"`
	Password bool   `json:"password,omitempty"`
	Value    string `json:"value,omitempty"`

	// Output.
	Event *Event `json:"event,omitempty"`

	// Done.
	Result *Bundle `json:"result,omitempty"`
	Error  *Error  `json:"error,omitempty"`
	// Retire, on Done, says the worker cannot run more cells (an
	// interrupted cell is stuck in a compiled call): the front replaces it.
	Retire bool `json:"retire,omitempty"`
	// StderrRead, on Done, says the worker found its stderr pipe empty: the
	// front has read everything the cell wrote there, and no sync marker
	// follows (see workerproc.SyncMarker).
	StderrRead bool `json:"stderr_read,omitempty"`
}

// Event is one output event: a stream write, display data, a display update
// or a clear_output, tagged with the cell that produced it.
type Event struct {
	Kind      string         `json:"kind"`
	Name      string         `json:"name,omitempty"`
	Text      string         `json:"text,omitempty"`
	Data      map[string]any `json:"data,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
	DisplayID string         `json:"display_id,omitempty"`
	Wait      bool           `json:"wait,omitempty"`
}

// Bundle is a MIME bundle with its metadata.
type Bundle struct {
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata,omitempty"`
}

// Error is a failure as Jupyter shows it.
type Error struct {
	Name      string   `json:"ename"`
	Value     string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}
