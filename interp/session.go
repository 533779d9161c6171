package interp

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gokernel/gokernel/interp/rewrite"
	"github.com/gokernel/gokernel/interp/symbols"
	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/syscall"
)

// Options configure a Session.
type Options struct {
	// Emit receives every output event of every cell, in order, from any
	// goroutine (the Session serialises calls). Required.
	Emit func(Event)
	// Input asks the user for one line of text (Jupyter input_request). The
	// Session calls it only for cells whose AllowStdin is true; otherwise the
	// cell's read fails at once with a clear error. May be nil (then input
	// always fails with a clear error).
	Input func(ctx context.Context, cellID, prompt string, password bool) (string, error)
	// CaptureProcessOutput redirects the process's own file descriptors 1
	// and 2 (dup2 onto pipes read by the Session) so that everything written
	// to stdout/stderr becomes Stream events. Only the worker process sets
	// it. Before redirecting, the Session hands a dup of the original fd 2 to
	// runtime/debug.SetCrashOutput, so fatal errors still reach the parent.
	CaptureProcessOutput bool
	// ModuleDir is a directory inside a module that requires gokernel (or
	// gokernel's own source), where the type checker runs `go list -export`
	// to load the packages cells import. Empty = the gokernel source this
	// binary was built from, if it is still there, else the working
	// directory. Without it, cells importing gokernel's packages run
	// unchecked (yaegi's errors only).
	ModuleDir string
}

// A Session is one long-lived interpreter that runs cells one at a time.
// Create it with New; the zero value is not usable.
//
// The Session owns these goroutines: one reader per output stream, the
// importer warm-up, the goroutine of each evaluation (Execute waits for it;
// after an interrupt, for at most interruptGrace, and the next evaluation
// waits for it), and the goroutines cells start with go statements (tracked
// spawns). Close stops and waits for all of them (spawned ones for at most
// closeGrace).
type Session struct {
	opts    Options
	yi      *yaegi.Interpreter
	route   router
	traces  traces
	out     *stream
	err     *stream
	stdin   *os.File
	capture *fdCapture
	fset    *token.FileSet
	checker checker
	callers callers

	emitMu sync.Mutex

	execMu sync.Mutex // one cell at a time
	cells  int        // cells run so far

	stateMu   sync.Mutex
	interrupt chan struct{} // closed by the next interrupt
	// interruptFired: interrupt is closed and waits for refreshInterrupt.
	interruptFired bool
	// interruptCtx is cancelled by the next interrupt (and Close): the
	// context of the processes cells start with exec.Command
	interruptCtx    context.Context
	interruptCancel context.CancelFunc
	allowStdin      map[string]bool
	cellCtx         context.Context
	cellCancel      context.CancelCauseFunc // of the running cell, with a *goroutinePanic
	cellID          string                  // the running cell
	final           *hostResult             // set by the final-value hook during a cell
	types           []types.Type            // cell types named by rewritten display calls
	deferred        []func()                // the running cell's top-level defers
	tasks           map[int64]TaskInfo
	nextTask        int64

	ev     *evaluator
	wg     sync.WaitGroup // spawned goroutines
	warmWG sync.WaitGroup
	closed bool
}

// closeGrace bounds how long Close waits for goroutines cells started.
const closeGrace = 2 * time.Second

// New starts an interpreter session (yaegi, stdlib, os/exec, net, net/http,
// httptest, gokernel's runtime and display/input packages). Close releases
// it.
func New(opts Options) (*Session, error) {
	if opts.Emit == nil {
		return nil, errors.New("interp: Options.Emit is required")
	}
	s := &Session{
		opts:       opts,
		fset:       token.NewFileSet(),
		interrupt:  make(chan struct{}),
		allowStdin: make(map[string]bool),
	}
	s.interruptCtx, s.interruptCancel = context.WithCancel(context.Background())
	var err error
	if s.out, err = newStream("stdout", &s.route, s.emit); err != nil {
		return nil, err
	}
	if s.err, err = newStream("stderr", &s.route, s.emit); err != nil {
		s.out.close()
		return nil, err
	}
	if s.stdin, err = os.Open(os.DevNull); err != nil {
		s.closeStreams()
		return nil, fmt.Errorf("interp: open stdin: %w", err)
	}
	if opts.CaptureProcessOutput {
		if s.capture, err = captureFDs(s.out.w, s.err.w); err != nil {
			s.closeStreams()
			return nil, err
		}
	}
	s.checker = checker{fset: s.fset, imp: newExportImporter(s.fset, opts.ModuleDir)}
	s.warmWG.Add(1)
	go func() {
		defer s.warmWG.Done()
		s.checker.imp.warm(warmPackages)
	}()
	if err := s.initInterpreter(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// initInterpreter creates the yaegi interpreter and loads the symbols.
func (s *Session) initInterpreter() error {
	s.yi = yaegi.New(yaegi.Options{
		Stdout: cellWriter{s.out},
		Stderr: traceWriter{s},
		Stdin:  &scanReader{s: s},
		Args:   []string{"gokernel"},
	})
	for _, ex := range []yaegi.Exports{stdlib.Symbols, syscall.Symbols, symbols.Symbols, rewrite.Symbols, s.overrides(), s.hostSymbols()} {
		if err := s.yi.Use(ex); err != nil {
			return fmt.Errorf("interp: load symbols: %w", err)
		}
	}
	var err error
	if s.ev, err = newEvaluator(s.yi); err != nil {
		return err
	}
	s.ev.beforeRun = s.refreshInterrupt
	for _, src := range []string{rewrite.Prelude, `import ` + hostName + ` "` + hostPath + `"`} {
		if _, err := s.yi.Eval(src); err != nil {
			return fmt.Errorf("interp: prelude: %w", err)
		}
	}
	return nil
}

// emit serialises calls of Options.Emit. A panic in Emit is reported on the
// process's stderr and the event dropped: the stream readers must survive
// it, or every later Execute would wait for them forever.
func (s *Session) emit(e Event) {
	s.emitMu.Lock()
	defer s.emitMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.ProcessStderr(), "interp: Options.Emit panicked: %v\n", r)
		}
	}()
	s.opts.Emit(e)
}

// Execute runs one cell and waits for it. It returns (nil, nil) when the
// cell has no value to show (statements only, or a final call that returns
// nothing or several values), (result, nil) for a final expression with
// exactly one value, and (nil, *Error) on failure. All output the cell's own
// goroutine wrote before Execute returns has been emitted when it returns.
// Cancelling ctx interrupts the cell; Execute then returns an *Error named
// "Interrupted" at once.
func (s *Session) Execute(ctx context.Context, c Cell) (*Result, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	if s.closed {
		return nil, newError("RuntimeError", "interp: session is closed")
	}
	s.cells++
	s.route.begin(c.ID)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	s.stateMu.Lock()
	s.allowStdin[c.ID] = c.AllowStdin
	s.cellCtx = ctx
	s.cellCancel = cancel
	s.cellID = c.ID
	s.final = nil
	s.deferred = nil
	s.stateMu.Unlock()
	s.traces.takeUnbound(&s.route)

	res, err := s.run(ctx, c)

	s.out.sync()
	s.err.sync()
	s.route.end()
	s.stateMu.Lock()
	s.cellCtx = nil
	s.cellCancel = nil
	s.cellID = ""
	s.final = nil
	s.stateMu.Unlock()
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Stuck reports whether the last interrupted cell is still running inside
// a compiled call that no interrupt can stop (a second mu.Lock(), a host
// function that ignores cancellation). Such a session cannot run cells any
// more: the worker gives it up and the front replaces the worker. It does
// not wait.
func (s *Session) Stuck() bool {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	if s.ev == nil || s.ev.pending == nil {
		return false
	}
	select {
	case <-s.ev.pending:
		s.ev.pending = nil
		return false
	default:
		return true
	}
}

// ProcessStderr returns the process's original standard error: with
// CaptureProcessOutput, fd 2 and os.Stderr lead into the session, so a
// worker that must still write to its parent's stderr writes here (the
// runtime's crash output goes there too). Without capture it is os.Stderr.
// The session owns the file; it is closed by Close.
func (s *Session) ProcessStderr() io.Writer {
	if s.capture != nil && s.capture.stderr != nil {
		return s.capture.stderr
	}
	return os.Stderr
}

// Close stops the interpreter's goroutines, restores the process's file
// descriptors and releases the session. It waits for goroutines cells
// started for at most closeGrace, and reports those still running.
func (s *Session) Close() error {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var errs []error
	if s.ev != nil {
		if err := s.ev.awaitPending(pendingWait); err != nil {
			errs = append(errs, err)
		}
		s.ev.stop()
		s.wakeSleepers()
	}
	if err := s.waitTasks(closeGrace); err != nil {
		errs = append(errs, err)
	}
	s.warmWG.Wait()
	if s.capture != nil {
		s.out.sync()
		s.err.sync()
		if err := s.capture.restore(); err != nil {
			errs = append(errs, err)
		}
	}
	errs = append(errs, s.closeStreams())
	s.interruptCancel()
	return errors.Join(errs...)
}

// closeStreams closes the output streams and stdin.
func (s *Session) closeStreams() error {
	var errs []error
	for _, st := range []*stream{s.out, s.err} {
		if st != nil {
			errs = append(errs, st.close())
		}
	}
	if s.stdin != nil {
		errs = append(errs, s.stdin.Close())
	}
	return errors.Join(errs...)
}

// wakeSleepers closes the interrupt channel (waking sleeps and rewritten
// selects of stopped goroutines) and cancels the context of the processes
// cells started. It leaves them closed until the next evaluation starts
// (refreshInterrupt): a stopped goroutine that reaches time.Sleep or
// exec.Command only after the interrupt must still find it closed, or it
// would sleep or run on with nobody left to stop it.
func (s *Session) wakeSleepers() {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	if s.interruptFired {
		return
	}
	s.interruptFired = true
	close(s.interrupt)
	s.interruptCancel()
}

// refreshInterrupt installs a fresh interrupt channel and process context
// after an interrupt, once the interrupted evaluation has ended; the
// evaluator calls it before each evaluation.
func (s *Session) refreshInterrupt() {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	if !s.interruptFired {
		return
	}
	s.interruptFired = false
	s.interrupt = make(chan struct{})
	s.interruptCtx, s.interruptCancel = context.WithCancel(context.Background())
}

// waitTasks waits for spawned goroutines for at most d.
func (s *Session) waitTasks(d time.Duration) error {
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
		return nil
	case <-t.C:
		return fmt.Errorf("interp: %d goroutines started by cells did not stop", len(s.Background()))
	}
}
