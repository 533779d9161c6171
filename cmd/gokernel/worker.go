package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/gokernel/gokernel/interp"
	"github.com/gokernel/gokernel/kernel/link"
	"github.com/gokernel/gokernel/kernel/workerproc"
)

// stuckMessage explains a cell that an interrupt could not stop.
const stuckMessage = "the cell did not stop: it is blocked inside a compiled call that an interrupt cannot reach (for example a second mu.Lock() or a host function that ignores cancellation), so its worker process was replaced"

// runWorker is `gokernel worker`: the process that runs cells, started by
// the front with the link on file descriptors 3 (frames in) and 4 (frames
// out). It exits when the front closes the link, and never outlives the
// front (the front sets a parent-death signal).
func runWorker(stderr io.Writer) int {
	signal.Ignore(os.Interrupt)
	syscall.CloseOnExec(3)
	syscall.CloseOnExec(4)
	w := &workerLoop{
		out:    link.NewWriter(os.NewFile(4, "link-out")),
		inputs: map[string]chan *link.Frame{},
	}
	sess, err := interp.New(interp.Options{Emit: w.emit, Input: w.input, CaptureProcessOutput: true})
	if err != nil {
		fmt.Fprintf(stderr, "gokernel worker: %v\n", err)
		return 1
	}
	// No sess.Close at the end: the process exits when the front closes
	// the link, and the session's state dies with it; waiting for the
	// cells' goroutines would only slow down shutdown and restart.
	w.sess = sess
	if err := w.out.Write(&link.Frame{Kind: link.Ready}); err != nil {
		return 1
	}
	// Non-blocking, the link is read through Go's poller: the reader parks
	// and the cell it hands over starts at once on the same P, where a
	// reader blocked in read(2) kept it ~15 µs longer per cell (measured).
	_ = syscall.SetNonblock(3, true)
	if err := w.serve(link.NewReader(os.NewFile(3, "link-in"))); err != nil {
		fmt.Fprintf(stderr, "gokernel worker: %v\n", err)
		return 1
	}
	return 0
}

// workerLoop reads frames from the front; cells run one at a time on a
// goroutine of their own so that interrupts and input replies are read
// while a cell runs.
type workerLoop struct {
	sess *interp.Session
	out  *link.Writer

	mu      sync.Mutex
	cancel  context.CancelFunc // of the running cell
	running string
	inputs  map[string]chan *link.Frame
}

func (w *workerLoop) serve(in *link.Reader) error {
	cells := make(chan *link.Frame, 1024)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for f := range cells {
			w.execute(f)
		}
	}()
	defer func() { close(cells); w.interrupt(); <-done }()
	for {
		f, err := in.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch f.Kind {
		case link.Execute:
			cells <- f
		case link.Interrupt:
			w.interrupt()
		case link.InputReply:
			w.deliverInput(f)
		}
	}
}

func (w *workerLoop) execute(f *link.Frame) {
	ctx, cancel := context.WithCancel(context.Background())
	w.mu.Lock()
	w.cancel, w.running = cancel, f.Cell
	w.mu.Unlock()
	res, err := w.sess.Execute(ctx, interp.Cell{ID: f.Cell, Code: f.Code, AllowStdin: f.AllowStdin})
	w.mu.Lock()
	w.cancel, w.running = nil, ""
	w.mu.Unlock()
	cancel()
	done := &link.Frame{Kind: link.Done, Cell: f.Cell}
	var ie *interp.Error
	switch {
	case errors.As(err, &ie):
		done.Error = &link.Error{Name: ie.Name, Value: ie.Value, Traceback: ie.Traceback}
	case err != nil:
		done.Error = &link.Error{Name: "RuntimeError", Value: err.Error(), Traceback: []string{err.Error()}}
	case res != nil:
		done.Result = &link.Bundle{Data: res.Data, Metadata: res.Metadata}
	}
	if ie != nil && w.sess.Stuck() {
		done.Retire = true
		done.Error = &link.Error{Name: "HardInterrupt", Value: stuckMessage, Traceback: []string{"HardInterrupt: " + stuckMessage}}
	}
	// The front reads the worker's stderr (fd 2) itself. If the pipe is
	// empty, the front has read all of the cell's stderr already; otherwise
	// the marker tells it when it has (see workerproc).
	if stderrEmpty() {
		done.StderrRead = true
	} else {
		fmt.Fprintf(os.Stderr, "%s%s\x00\n", workerproc.SyncMarker, f.Cell)
	}
	_ = w.out.Write(done)
}

func (w *workerLoop) interrupt() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cancel != nil {
		w.cancel()
	}
}

func (w *workerLoop) emit(ev interp.Event) {
	_ = w.out.Write(&link.Frame{Kind: link.Output, Cell: ev.CellID, Event: &link.Event{
		Kind: string(ev.Kind), Name: ev.Name, Text: ev.Text, Data: ev.Data,
		Metadata: ev.Metadata, DisplayID: ev.DisplayID, Wait: ev.Wait,
	}})
}

// input asks the front for a line for cell and waits for the answer or
// the cell's interruption.
func (w *workerLoop) input(ctx context.Context, cell, prompt string, password bool) (string, error) {
	ch := make(chan *link.Frame, 1)
	w.mu.Lock()
	w.inputs[cell] = ch
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		delete(w.inputs, cell)
		w.mu.Unlock()
	}()
	if err := w.out.Write(&link.Frame{Kind: link.InputRequest, Cell: cell, Prompt: prompt, Password: password}); err != nil {
		return "", err
	}
	select {
	case f := <-ch:
		if f.Error != nil {
			return "", fmt.Errorf("gokernel: %s", f.Error.Value)
		}
		return f.Value, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func (w *workerLoop) deliverInput(f *link.Frame) {
	w.mu.Lock()
	ch := w.inputs[f.Cell]
	w.mu.Unlock()
	if ch != nil {
		select {
		case ch <- f:
		default:
		}
	}
}
