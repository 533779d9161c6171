package kernel

import (
	"context"
	"fmt"
	"sync"

	"github.com/gokernel/gokernel/kernel/wire"
)

// inputTable holds the input_requests waiting for their input_reply, by the
// request's msg_id. Safe for concurrent use.
type inputTable struct {
	mu      sync.Mutex
	waiting map[string]chan *wire.Message
}

func newInputTable() *inputTable {
	return &inputTable{waiting: make(map[string]chan *wire.Message)}
}

func (t *inputTable) wait(id string) chan *wire.Message {
	ch := make(chan *wire.Message, 1)
	t.mu.Lock()
	t.waiting[id] = ch
	t.mu.Unlock()
	return ch
}

func (t *inputTable) cancel(id string) {
	t.mu.Lock()
	delete(t.waiting, id)
	t.mu.Unlock()
}

// deliver hands an input_reply to the request it answers. jupyter_client
// sends input_reply without a parent header, so a reply that names no
// pending request goes to the one pending request, if exactly one waits
// (cells run one at a time, so that is the usual case). Other replies
// are dropped.
func (t *inputTable) deliver(m *wire.Message) bool {
	var parent struct {
		MsgID string `json:"msg_id"`
	}
	_ = decodeRaw(m.ParentHeader, &parent)
	t.mu.Lock()
	id := parent.MsgID
	if _, ok := t.waiting[id]; !ok && len(t.waiting) == 1 {
		for only := range t.waiting {
			id = only
		}
	}
	ch, ok := t.waiting[id]
	delete(t.waiting, id)
	t.mu.Unlock()
	if ok {
		ch <- m
	}
	return ok
}

// Input sends an input_request on stdin to the client that sent cell
// cellID and waits for its input_reply or ctx's end (see Host).
func (k *Kernel) Input(ctx context.Context, cellID, prompt string, password bool) (string, error) {
	k.announced()
	parent := k.cells.get(cellID)
	if parent == nil {
		return "", fmt.Errorf("kernel: input requested by unknown cell %s", cellID)
	}
	m := k.message("input_request", parent, map[string]any{"prompt": prompt, "password": password})
	m.Identities = parent.Identities
	ch := k.inputs.wait(m.Header.MsgID)
	defer k.inputs.cancel(m.Header.MsgID)
	if err := k.t.Send(Stdin, m); err != nil {
		return "", fmt.Errorf("kernel: send input_request: %w", err)
	}
	select {
	case reply := <-ch:
		var c struct {
			Value string `json:"value"`
		}
		if err := decode(reply, &c); err != nil {
			return "", err
		}
		return c.Value, nil
	case <-ctx.Done():
		return "", fmt.Errorf("kernel: waiting for input: %w", ctx.Err())
	}
}
