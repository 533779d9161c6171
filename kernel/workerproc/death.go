package workerproc

import (
	"fmt"
	"strings"

	"github.com/gokernel/gokernel/kernel"
)

// resetNote ends every report of a worker death.
const resetNote = "The session state was reset: a fresh worker is running, and earlier cells' declarations are gone. Re-run the cells you need."

// maxStackLines bounds the stack excerpt shown from a crash.
const maxStackLines = 8

// describeDeath turns how w ended into a cell error: the Go runtime's own
// reason when it printed one (panic, fatal error, stack overflow), the exit
// status for os.Exit, the signal otherwise. hard says that an unanswered
// interrupt killed it.
func describeDeath(w *worker, hard bool) kernel.CellError {
	reason, stack := crashReason(w.crash.String())
	code, signaled, sig := w.exitStatus()
	var name, value string
	switch {
	case hard:
		name = "HardInterrupt"
		value = "the cell did not stop within the interrupt grace period, so its worker process was killed"
	case reason != "":
		name = "WorkerCrashed"
		value = "the worker process died: " + reason
	case signaled:
		name = "WorkerKilled"
		value = fmt.Sprintf("the worker process was killed by signal %v", sig)
	default:
		name = "WorkerExited"
		value = fmt.Sprintf("the worker process exited with status %d (os.Exit or log.Fatal in a cell ends the worker)", code)
	}
	tb := append([]string{name + ": " + value}, stack...)
	tb = append(tb, resetNote)
	return kernel.CellError{Name: name, Value: value + ". " + resetNote, Traceback: tb}
}

// crashReason finds the Go runtime's crash report in the worker's stderr:
// the "panic: ..." or "fatal error: ..." line (with the lines that belong
// to it) and an excerpt of the crashing goroutine's stack.
func crashReason(stderr string) (reason string, stack []string) {
	lines := strings.Split(stderr, "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			start = i
			break
		}
	}
	if start < 0 {
		return "", nil
	}
	var head []string
	i := start
	for ; i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "goroutine "); i++ {
		head = append(head, lines[i])
	}
	if start > 0 && strings.HasPrefix(lines[start-1], "runtime: ") {
		head = append([]string{lines[start-1]}, head...)
	}
	for ; i < len(lines) && len(stack) < maxStackLines; i++ {
		if lines[i] != "" {
			stack = append(stack, lines[i])
		}
	}
	if rest := len(lines) - i; rest > 1 {
		stack = append(stack, fmt.Sprintf("... (%d more lines of the worker's crash report)", rest))
	}
	return strings.Join(head, "; "), stack
}
