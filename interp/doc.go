// Package interp runs notebook cells: the worker side of gokernel's cell
// pipeline over the yaegi interpreter (v0.16.1).
//
// A Session is one long-lived interpreter. Execute runs one cell at a time:
//
//  1. Parse: the cell is cut into top-level items (imports, func/method/type
//     declarations, statements) and parsed as one Go file; imports already in
//     the session are dropped, so re-importing is harmless.
//  2. Check: go/types checks the cell against what earlier cells declared
//     (see prelude.go), so errors are the Go compiler's, at the cell's own
//     line:col. Two errors are dropped on purpose, because notebooks need
//     them gone: "declared and not used" for the cell's top-level
//     variables (not for those of functions and blocks) and "imported and
//     not used". A cell's final expression may be unused: it is the
//     cell's value.
//  3. Rewrite: package interp/rewrite works around yaegi's bugs, and every
//     go statement becomes a tracked spawn (see spawn.go). The pipeline
//     itself handles what concerns top-level statements: defers (run once,
//     at the end of the cell, see toplevel.go), type switches, compound
//     statements (run in a function literal, toplevelblock.go),
//     multi-value declarations (multidecl.go), func main
//     (mainfunc.go), the final value and display calls of cell types
//     (final.go, showrich.go), and callers of redefined functions
//     (redefine.go).
//  4. Evaluate: the rewritten cell is printed back to source with line
//     directives and evaluated in cell order (imports, then declarations,
//     then statements), under the context of Execute.
//  5. Map: errors and panics are reported with cell positions; the value of
//     a final expression with exactly one value becomes the Result.
//
// # Output
//
// Every path that writes output ends in one of two OS pipes (stdout,
// stderr) read by the session: fmt.Print* and log go through writers that
// tag each write with the cell owning the writing goroutine; os.Stdout and
// os.Stderr in cells are the pipes themselves; with
// Options.CaptureProcessOutput the process's fds 1 and 2 are too (child
// processes, compiled packages). Execute returns only after the readers have
// emitted everything written before it returned. Goroutines started by a
// cell's go statements belong to that cell for their whole life; other
// writes belong to the running cell, or the last one when none runs.
//
// # Redefinition
//
// A later cell may redefine a func, var or const. It may repeat a type or
// method declaration unchanged (re-running a cell), but changing one is an
// error that asks for a restart: yaegi keeps the first definition of a type
// or method forever, and a silently stale definition is worse than an error.
//
// # Interrupts
//
// Cancelling Execute's context stops every interpreted goroutine (the
// current cell's and the background goroutines of earlier cells: yaegi's
// interrupt is global), wakes time.Sleep, kills the processes cells started
// with exec.Command, and returns an *Error named
// "Interrupted" whose traceback lists the background goroutines it stopped.
// A goroutine blocked inside a compiled function cannot be stopped.
//
// # Process
//
// os.Exit in a cell ends the worker process (after its output is emitted);
// the kernel reports it. log.Fatal panics instead (yaegi's restricted log).
// fmt.Scan* in a cell asks the user for a line, like input.Line; os.Stdin is
// an empty file.
//
// # Known yaegi limits
//
// yaegi's global frame is not synchronised: a goroutine that reads or
// writes a top-level variable while a later cell is evaluated races with it
// (go test -race sees it inside yaegi). Tests therefore start goroutines
// whose arguments carry what they use and wait until they run; golden files
// that cannot are marked racy. A top-level defer runs when the cell's
// statements end, but a deferred recover cannot stop the cell's own panic.
// Goroutines that compiled code starts (the runtime's workers, HTTP
// handlers) are not tracked spawns: their output goes to the running cell.
package interp
