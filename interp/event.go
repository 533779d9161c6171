package interp

// EventKind names the Jupyter message an Event becomes.
type EventKind string

// The kinds of output events.
const (
	Stream        EventKind = "stream"              // Name "stdout"|"stderr", Text
	Display       EventKind = "display_data"        // Data, Metadata, DisplayID (optional)
	UpdateDisplay EventKind = "update_display_data" // Data, Metadata, DisplayID (required)
	ClearOutput   EventKind = "clear_output"        // Wait
)

// Event is one piece of output, tagged with the cell that produced it (for
// goroutines: the cell that started them, for their whole life).
type Event struct {
	Kind      EventKind
	CellID    string
	Name      string         // stream name
	Text      string         // stream text
	Data      map[string]any // MIME bundle: "text/plain", "text/html", "image/png" (base64 string), ...
	Metadata  map[string]any
	DisplayID string
	Wait      bool
}

// Cell is one execute request as the worker sees it.
type Cell struct {
	ID         string // unique per execute request (the lead uses the request's msg_id)
	Code       string
	AllowStdin bool
}

// Result is the value of a cell's final expression, as a MIME bundle
// (execute_result).
type Result struct {
	Data     map[string]any
	Metadata map[string]any
}

// Error is a cell's failure, as Jupyter shows it. Traceback is never nil.
//
// Name is one of "CompileError" (parse, go/types or yaegi compile error; Value
// is "cell:3:5: undefined: x"), "panic" (Value is the panic value, Traceback
// short, with cell line numbers), "Interrupted" (the context was cancelled;
// Traceback lists the background tasks the interrupt stopped) or
// "RuntimeError" (any other failure of the interpreter).
type Error struct {
	Name, Value string
	Traceback   []string
}

// Error returns "Name: Value".
func (e *Error) Error() string { return e.Name + ": " + e.Value }

// newError builds an *Error whose Traceback starts with "Name: Value" and
// continues with the given lines (never nil).
func newError(name, value string, lines ...string) *Error {
	tb := append([]string{name + ": " + value}, lines...)
	return &Error{Name: name, Value: value, Traceback: tb}
}

// compileError reports one or more compile errors: Value is the first,
// Traceback lists them all.
func compileError(msgs []string) *Error {
	return &Error{Name: "CompileError", Value: msgs[0], Traceback: append([]string(nil), msgs...)}
}
