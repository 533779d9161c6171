package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/gokernel/gokernel/kernel/wire"
)

// memTransport is an in-memory Transport: tests push requests with send
// and read what the kernel sent with next.
type memTransport struct {
	in  chan inbound
	out map[Channel]chan *wire.Message
}

type inbound struct {
	ch  Channel
	msg *wire.Message
}

func newMemTransport() *memTransport {
	t := &memTransport{in: make(chan inbound, 64), out: map[Channel]chan *wire.Message{}}
	for _, ch := range []Channel{Shell, Control, Stdin, IOPub} {
		t.out[ch] = make(chan *wire.Message, 1024)
	}
	return t
}

func (t *memTransport) Receive(ctx context.Context) (Channel, *wire.Message, error) {
	select {
	case m := <-t.in:
		return m.ch, m.msg, nil
	case <-ctx.Done():
		return "", nil, ctx.Err()
	}
}

func (t *memTransport) Send(ch Channel, m *wire.Message) error {
	t.out[ch] <- m
	return nil
}

// request builds a client request; its identity routes the reply.
func newRequest(msgType string, content any) *wire.Message {
	body, _ := json.Marshal(content)
	return &wire.Message{
		Identities:   [][]byte{[]byte("client-" + msgType)},
		Header:       wire.NewHeader(msgType, uuid.NewString(), "test"),
		ParentHeader: json.RawMessage("{}"),
		Metadata:     json.RawMessage("{}"),
		Content:      body,
	}
}

func (t *memTransport) send(ch Channel, m *wire.Message) *wire.Message {
	t.in <- inbound{ch, m}
	return m
}

// next returns the next message the kernel sent on ch, failing the test
// after a generous deadline (a hang, not a timing assertion).
func (t *memTransport) next(tb testing.TB, ch Channel) *wire.Message {
	tb.Helper()
	select {
	case m := <-t.out[ch]:
		return m
	case <-time.After(10 * time.Second):
		tb.Fatalf("no message on %s", ch)
		return nil
	}
}

// none checks that nothing is waiting on ch right now.
func (t *memTransport) none(tb testing.TB, ch Channel) {
	tb.Helper()
	select {
	case m := <-t.out[ch]:
		tb.Fatalf("unexpected %s on %s", m.Header.MsgType, ch)
	default:
	}
}

// iopubUntilIdle collects iopub messages parented by req up to its idle.
func (t *memTransport) iopubUntilIdle(tb testing.TB, req *wire.Message) []*wire.Message {
	tb.Helper()
	var got []*wire.Message
	for {
		m := t.next(tb, IOPub)
		if parentID(m) != req.Header.MsgID {
			continue
		}
		got = append(got, m)
		if m.Header.MsgType == "status" && content(tb, m)["execution_state"] == "idle" {
			return got
		}
	}
}

func parentID(m *wire.Message) string {
	var h struct {
		MsgID string `json:"msg_id"`
	}
	_ = json.Unmarshal(m.ParentHeader, &h)
	return h.MsgID
}

func content(tb testing.TB, m *wire.Message) map[string]any {
	tb.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.Content, &c); err != nil {
		tb.Fatalf("content of %s: %v", m.Header.MsgType, err)
	}
	return c
}

func types(ms []*wire.Message) string {
	s := ""
	for _, m := range ms {
		s += m.Header.MsgType
		if m.Header.MsgType == "status" {
			var c map[string]any
			_ = json.Unmarshal(m.Content, &c)
			s += fmt.Sprintf("(%v)", c["execution_state"])
		}
		s += " "
	}
	return s
}
