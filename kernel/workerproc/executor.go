// Package workerproc runs gokernel's cells in a worker process and
// implements kernel.Executor over the link to it.
//
// The front process never runs user code. Whatever kills the worker — an
// unrecovered panic in a goroutine, a fatal runtime error, a stack
// overflow, os.Exit — ends only the worker: the running cell gets an error
// naming the cause, and a fresh worker takes its place at once. An
// interrupt that the worker does not honour within the grace period kills
// it (with every process its cells started) and replaces it.
package workerproc

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/link"
)

// Options configure an Executor.
type Options struct {
	// Command starts a worker, e.g. {"/usr/bin/gokernel", "worker"}.
	Command []string
	// Env is the worker's environment; nil means the front's.
	Env []string
	// Grace is how long an interrupted cell may take to stop before the
	// worker is killed and replaced; zero means 3 seconds.
	Grace time.Duration
	// Logger receives worker problems; nil means the standard logger.
	Logger *log.Logger
}

// Executor runs cells in a worker process. It owns the worker and the
// goroutines that read it; Close stops them all. Use Start; the zero value
// is not usable.
type Executor struct {
	opts Options
	host kernel.Host

	mu      sync.Mutex
	w       *worker
	running *cellRun // the cell being executed, if any
	closed  bool
	lastCel string // the last cell executed, for output of a dying idle worker
}

// cellRun is one Execute in flight.
type cellRun struct {
	id       string
	w        *worker
	done     chan *link.Frame
	hardKill chan struct{} // closed when an unanswered interrupt killed w
	once     sync.Once
	ctx      context.Context
}

// Start starts the first worker. host receives output and input requests.
func Start(opts Options, host kernel.Host) (*Executor, error) {
	if opts.Grace <= 0 {
		opts.Grace = 3 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = log.Default()
	}
	if opts.Env == nil {
		opts.Env = os.Environ()
	}
	e := &Executor{opts: opts, host: host}
	w, err := spawn(opts.Command, opts.Env, e.onFrame, e.onStderr)
	if err != nil {
		return nil, err
	}
	e.w = w
	go e.watch(w)
	return e, nil
}

// Execute runs one cell in the worker and waits for its outcome (see
// kernel.Executor). If the worker dies, the reply names the cause.
func (e *Executor) Execute(ctx context.Context, req kernel.ExecuteRequest) kernel.ExecuteReply {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	run, err := e.begin(ctx, req.CellID)
	if err != nil {
		return failure("WorkerUnavailable", err.Error())
	}
	defer e.end(run)
	if err := run.w.send(&link.Frame{Kind: link.Execute, Cell: req.CellID, Code: req.Code, AllowStdin: req.AllowStdin}); err != nil {
		<-run.w.dead
		return e.deathReply(run)
	}
	if req.Sent != nil {
		req.Sent()
	}
	select {
	case f := <-run.done:
		if f.StderrRead {
			run.w.stderrRead()
		} else {
			run.w.awaitSync(req.CellID, syncLimit)
		}
		e.finished(run)
		if f.Retire {
			return e.retire(run, f)
		}
		return replyOf(f)
	case <-run.w.dead:
		return e.deathReply(run)
	case <-ctx.Done():
		return failure("Interrupted", "the kernel is shutting down")
	}
}

func (e *Executor) begin(ctx context.Context, cell string) (*cellRun, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, fmt.Errorf("workerproc: executor is closed")
	}
	if e.w != nil && isClosed(e.w.dead) {
		e.replaceLocked(e.w)
	}
	if e.w == nil {
		return nil, fmt.Errorf("workerproc: no worker is running")
	}
	e.w.inflight = cell
	e.running = &cellRun{id: cell, w: e.w, done: make(chan *link.Frame, 1), hardKill: make(chan struct{}), ctx: ctx}
	e.lastCel = cell
	return e.running, nil
}

// finished records that run's worker completed the cell normally, so a
// later death of the worker is not blamed on it.
func (e *Executor) finished(run *cellRun) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if run.w.inflight == run.id {
		run.w.inflight = ""
	}
}

func (e *Executor) end(run *cellRun) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.running == run {
		e.running = nil
	}
}

// Interrupt asks the worker to cancel the running cell and, if it has not
// stopped after the grace period, kills and replaces the worker. It does
// not wait.
func (e *Executor) Interrupt() {
	e.mu.Lock()
	run := e.running
	e.mu.Unlock()
	if run == nil {
		return
	}
	_ = run.w.send(&link.Frame{Kind: link.Interrupt, Cell: run.id})
	go e.escalate(run)
}

// escalate kills run's worker if run is still going after the grace period.
func (e *Executor) escalate(run *cellRun) {
	t := time.NewTimer(e.opts.Grace)
	defer t.Stop()
	select {
	case <-t.C:
	case <-run.ctx.Done():
		return
	case <-run.w.dead:
		return
	}
	run.once.Do(func() { close(run.hardKill) })
	run.w.kill()
}

// syncLimit bounds the wait for a cell's stderr sync marker.
const syncLimit = 5 * time.Second

// onStderr publishes what a worker wrote to its stderr (os.Stderr, log,
// child processes) as stderr output of the running cell, or of the last
// cell when none runs.
func (e *Executor) onStderr(text string) {
	e.mu.Lock()
	cell := e.lastCel
	e.mu.Unlock()
	e.host.Output(kernel.Output{CellID: cell, Kind: "stream", Name: "stderr", Text: text})
}

// onFrame handles one frame from worker w, on w's reader goroutine.
func (e *Executor) onFrame(w *worker, f *link.Frame) {
	switch f.Kind {
	case link.Output:
		if f.Event != nil {
			e.host.Output(outputOf(f.Cell, f.Event))
		}
	case link.InputRequest:
		go e.input(w, f)
	case link.Done:
		e.mu.Lock()
		run := e.running
		e.mu.Unlock()
		if run != nil && run.id == f.Cell && run.w == w {
			run.done <- f
		}
	default:
		e.opts.Logger.Printf("workerproc: dropped unexpected %q frame from the worker", f.Kind)
	}
}

// input asks the user on behalf of the worker and sends the answer back.
func (e *Executor) input(w *worker, f *link.Frame) {
	ctx := context.Background()
	e.mu.Lock()
	if e.running != nil && e.running.id == f.Cell {
		ctx = e.running.ctx
	}
	e.mu.Unlock()
	reply := &link.Frame{Kind: link.InputReply, Cell: f.Cell}
	v, err := e.host.Input(ctx, f.Cell, f.Prompt, f.Password)
	if err != nil {
		reply.Error = &link.Error{Name: "InputError", Value: err.Error(), Traceback: []string{}}
	}
	reply.Value = v
	_ = w.send(reply)
}

// watch replaces w with a fresh worker when it dies, unless the executor
// is closing or a newer worker already took its place.
func (e *Executor) watch(w *worker) {
	<-w.dead
	w.killGroup()
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.closed && e.w == w {
		e.replaceLocked(w)
	}
}

// replaceLocked starts a worker in place of the dead w and tells the host
// that the session was reset. A death while no cell ran is reported as
// stderr output of the last cell, since no reply can carry it. e.mu is held.
func (e *Executor) replaceLocked(w *worker) {
	idle := w.inflight == "" && !w.retiring
	nw, err := spawn(e.opts.Command, e.opts.Env, e.onFrame, e.onStderr)
	if err != nil {
		e.opts.Logger.Printf("workerproc: restart worker: %v", err)
		e.w = nil
	} else {
		e.w = nw
		go e.watch(nw)
	}
	go e.host.Restarted()
	if idle {
		d := describeDeath(w, false)
		go e.host.Output(kernel.Output{CellID: e.lastCel, Kind: "stream", Name: "stderr",
			Text: strings.Join(d.Traceback, "\n") + "\n"})
	}
}

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// retire replaces a worker that said it cannot go on, and answers its
// last cell with the worker's error and the reset note.
func (e *Executor) retire(run *cellRun, f *link.Frame) kernel.ExecuteReply {
	e.mu.Lock()
	run.w.retiring = true
	e.mu.Unlock()
	run.w.kill()
	<-run.w.dead
	rep := replyOf(f)
	if rep.Err == nil {
		rep.Err = &kernel.CellError{Name: "WorkerRetired", Value: "the worker process was replaced", Traceback: []string{}}
	}
	rep.Err.Value += ". " + resetNote
	rep.Err.Traceback = append(rep.Err.Traceback, resetNote)
	return rep
}

// deathReply is the reply of a cell whose worker died under it.
func (e *Executor) deathReply(run *cellRun) kernel.ExecuteReply {
	hard := false
	select {
	case <-run.hardKill:
		hard = true
	default:
	}
	d := describeDeath(run.w, hard)
	return kernel.ExecuteReply{Err: &d}
}

// closeGrace is how long Close lets the worker exit by itself before it
// kills it: the session's state is discarded anyway, so a restart should
// not wait on it.
const closeGrace = 300 * time.Millisecond

// Close stops the worker and every process of its process group (what its
// cells started), and waits for the worker.
func (e *Executor) Close() error {
	e.mu.Lock()
	e.closed = true
	w := e.w
	e.mu.Unlock()
	if w == nil {
		return nil
	}
	giveUp := make(chan struct{})
	t := time.AfterFunc(closeGrace, func() { close(giveUp) })
	defer t.Stop()
	w.stop(giveUp)
	return nil
}

func replyOf(f *link.Frame) kernel.ExecuteReply {
	if f.Error != nil {
		tb := f.Error.Traceback
		if tb == nil {
			tb = []string{}
		}
		return kernel.ExecuteReply{Err: &kernel.CellError{Name: f.Error.Name, Value: f.Error.Value, Traceback: tb}}
	}
	if f.Result != nil {
		return kernel.ExecuteReply{Result: &kernel.Bundle{Data: f.Result.Data, Metadata: f.Result.Metadata}}
	}
	return kernel.ExecuteReply{}
}

func failure(name, value string) kernel.ExecuteReply {
	return kernel.ExecuteReply{Err: &kernel.CellError{Name: name, Value: value, Traceback: []string{name + ": " + value}}}
}

func outputOf(cell string, ev *link.Event) kernel.Output {
	return kernel.Output{
		CellID: cell, Kind: ev.Kind, Name: ev.Name, Text: ev.Text,
		Data: ev.Data, Metadata: ev.Metadata, DisplayID: ev.DisplayID, Wait: ev.Wait,
	}
}
