package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
	"github.com/gokernel/gokernel/kernel/zmqnet"
)

// cellRunner executes a notebook's code cells through a kernel client and
// records their outputs the way nbclient does: streams merged, displays
// updated by display_id, clear_output honoured (also with wait=true).
type cellRunner struct {
	c        *zmqnet.Client
	nb       *notebook
	timeout  time.Duration
	progress io.Writer

	byMsg     map[string]int              // execute msg_id → cell index
	displays  map[string][]map[string]any // display_id → outputs showing it
	clearNext map[int]bool                // cells with a pending clear_output(wait=true)
}

func newCellRunner(c *zmqnet.Client, nb *notebook, timeout time.Duration, progress io.Writer) *cellRunner {
	return &cellRunner{
		c: c, nb: nb, timeout: timeout, progress: progress,
		byMsg: map[string]int{}, displays: map[string][]map[string]any{}, clearNext: map[int]bool{},
	}
}

// runAll waits for the kernel, then runs every code cell in order. It
// returns an error at the first cell that fails unexpectedly.
func (r *cellRunner) runAll() error {
	if err := r.waitReady(); err != nil {
		return err
	}
	code := 0
	for _, c := range r.nb.cells {
		if c["cell_type"] == "code" {
			code++
		}
	}
	n := 0
	for i, cell := range r.nb.cells {
		if cell["cell_type"] != "code" {
			continue
		}
		n++
		if err := r.runCell(i, cell, n, code); err != nil {
			return err
		}
	}
	return nil
}

// waitReady sends kernel_info requests until one is answered and its
// status reaches iopub: only then is the iopub subscription live.
func (r *cellRunner) waitReady() error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		m, err := r.c.NewMessage("kernel_info_request", map[string]any{})
		if err != nil {
			return err
		}
		if err := r.c.Send(kernel.Shell, m); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		ok := r.awaitIOPubFrom(ctx, m.Header.MsgID)
		cancel()
		if ok {
			return nil
		}
	}
	return fmt.Errorf("gokernel: kernel did not become ready within 60s")
}

func (r *cellRunner) awaitIOPubFrom(ctx context.Context, msgID string) bool {
	for {
		m, err := r.c.Recv(ctx, kernel.IOPub)
		if err != nil {
			return false
		}
		if parentOf(m) == msgID {
			return true
		}
	}
}

// runCell executes one cell and records its outputs and execution count.
func (r *cellRunner) runCell(i int, cell map[string]any, n, total int) error {
	src := source(cell)
	cell["outputs"] = []any{}
	cell["execution_count"] = nil
	start := time.Now()
	m, err := r.c.NewMessage("execute_request", map[string]any{
		"code": src, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": false,
	})
	if err != nil {
		return err
	}
	r.byMsg[m.Header.MsgID] = i
	if err := r.c.Send(kernel.Shell, m); err != nil {
		return err
	}
	reply, err := r.await(m)
	if err != nil {
		return fmt.Errorf("cell %d: %w", n, err)
	}
	cell["execution_count"] = reply["execution_count"]
	status, _ := reply["status"].(string)
	fmt.Fprintf(r.progress, "[%d/%d] %-5s %6.2fs  %s\n", n, total, status, time.Since(start).Seconds(), firstLine(src))
	if status == "error" && !tagged(cell, "raises-exception") {
		return fmt.Errorf("cell %d failed: %v: %v", n, reply["ename"], reply["evalue"])
	}
	return nil
}

// await collects iopub output until the request's idle status and returns
// its execute_reply content. A cell over the time limit is interrupted.
func (r *cellRunner) await(req *wire.Message) (map[string]any, error) {
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	var reply map[string]any
	idle := false
	interrupted := false
	for reply == nil || !idle {
		if ctx.Err() != nil {
			if interrupted {
				return nil, fmt.Errorf("no reply after an interrupt at the %v time limit", r.timeout)
			}
			interrupted = true
			r.interrupt()
			ctx, cancel = context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
		}
		if reply == nil {
			if m, ok := r.poll(ctx, kernel.Shell); ok && parentOf(m) == req.Header.MsgID {
				reply = contentMap(m)
			}
		}
		if m, ok := r.poll(ctx, kernel.IOPub); ok {
			idle = r.record(m, req.Header.MsgID) || idle
		}
	}
	return reply, nil
}

// poll waits briefly for a message on ch, so shell and iopub are both read.
func (r *cellRunner) poll(ctx context.Context, ch kernel.Channel) (*wire.Message, bool) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	m, err := r.c.Recv(ctx, ch)
	return m, err == nil
}

func (r *cellRunner) interrupt() {
	if m, err := r.c.NewMessage("interrupt_request", map[string]any{}); err == nil {
		_ = r.c.Send(kernel.Control, m)
	}
}

func parentOf(m *wire.Message) string {
	var h wire.Header
	_ = json.Unmarshal(m.ParentHeader, &h)
	return h.MsgID
}

func contentMap(m *wire.Message) map[string]any {
	var c map[string]any
	_ = json.Unmarshal(m.Content, &c)
	if c == nil {
		c = map[string]any{}
	}
	return c
}
