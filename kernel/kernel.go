// Package kernel implements the Jupyter kernel protocol for gokernel: the
// dispatch of shell, control and stdin requests, status and iopub
// publishing, the execution counter, history, stdin requests and output
// routing. It never runs user code: cells go to an Executor (the worker
// process link), questions about code to a Language, and messages travel
// through a Transport (ZeroMQ in production, in memory in tests).
//
// # Concurrency
//
// Serve owns two goroutines: the receive loop, which answers every request
// but execute at once (kernel_info, complete, inspect, is_complete, history,
// comm_info, interrupt, shutdown), and the execute loop, which runs queued
// execute requests one at a time in arrival order. So a client gets answers
// about code and can interrupt while a cell runs.
package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"sync"
	"sync/atomic"

	"github.com/google/uuid"

	"github.com/gokernel/gokernel/kernel/wire"
)

// Config configures a Kernel. Transport and Language are required.
type Config struct {
	Transport Transport
	Language  Language
	// Logger receives one line per dropped or failed message; nil logs to
	// the standard logger.
	Logger *log.Logger
	// Info is the kernel_info_reply content; zero fields get defaults.
	Info Info
}

// Kernel answers Jupyter requests. Create it with New and run it with Serve;
// a Kernel serves once.
type Kernel struct {
	t       Transport
	lang    Language
	log     *log.Logger
	info    Info
	session string

	exec     Executor
	handlers map[string]handler
	queue    chan request
	cells    *cellTable
	inputs   *inputTable
	history  *history

	announcing atomic.Pointer[announcement] // the running request's, if any

	mu      sync.Mutex
	counter int
}

type request struct {
	ch  Channel
	msg *wire.Message
}

// handler answers one request type. It runs on the receive loop, so it must
// not wait for cells.
type handler func(ctx context.Context, r request) error

// ErrShutdown is returned by Serve after a shutdown_request was answered.
var ErrShutdown = errors.New("kernel: shutdown requested")

// New returns a Kernel that is not yet serving.
func New(cfg Config) *Kernel {
	k := &Kernel{
		t:       cfg.Transport,
		lang:    cfg.Language,
		log:     cfg.Logger,
		info:    cfg.Info.withDefaults(),
		session: uuid.NewString(),
		queue:   make(chan request, 4096),
		cells:   newCellTable(4096),
		inputs:  newInputTable(),
		history: newHistory(),
	}
	if k.log == nil {
		k.log = log.Default()
	}
	k.handlers = k.dispatchTable()
	return k
}

// Serve answers requests until ctx is done or a shutdown_request arrives
// (then it returns ErrShutdown). exec runs the cells; Serve does not close
// it. Serve waits for its goroutines before it returns.
func (k *Kernel) Serve(ctx context.Context, exec Executor) error {
	k.exec = exec
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		k.executeLoop(ctx)
	}()
	k.publish(IOPub, nil, "status", map[string]any{"execution_state": "starting"})
	err := k.receiveLoop(ctx)
	cancel()
	exec.Interrupt()
	wg.Wait()
	return err
}

func (k *Kernel) receiveLoop(ctx context.Context) error {
	for {
		ch, msg, err := k.t.Receive(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("kernel: receive: %w", err)
		}
		if err := k.dispatch(ctx, request{ch, msg}); err != nil {
			return err
		}
	}
}

func (k *Kernel) dispatch(ctx context.Context, r request) error {
	t := r.msg.Header.MsgType
	if r.ch == Stdin {
		if t != "input_reply" {
			k.log.Printf("kernel: dropped %q on stdin: only input_reply is expected there", t)
		} else if !k.inputs.deliver(r.msg) {
			k.log.Printf("kernel: dropped an input_reply that answers no pending input_request")
		}
		return nil
	}
	if t == "execute_request" {
		k.queue <- r
		return nil
	}
	h, ok := k.handlers[t]
	if !ok {
		k.log.Printf("kernel: dropped message of unknown type %q on %s", t, r.ch)
		return nil
	}
	k.status(r.msg, "busy")
	err := h(ctx, r)
	k.status(r.msg, "idle")
	return err
}

// decode unmarshals a request's content into v.
func decode(m *wire.Message, v any) error {
	if len(m.Content) == 0 {
		return nil
	}
	if err := json.Unmarshal(m.Content, v); err != nil {
		return fmt.Errorf("kernel: bad %s content: %w", m.Header.MsgType, err)
	}
	return nil
}

// decodeRaw unmarshals raw JSON into v.
func decodeRaw(raw []byte, v any) error {
	if len(raw) == 0 {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("kernel: bad json: %w", err)
	}
	return nil
}
