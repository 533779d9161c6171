package zmqnet

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// retryInterval is how long a test waits before repeating an action whose
// effect may have been lost (a publish before the subscription arrived).
const retryInterval = 20 * time.Millisecond

// hangGuard bounds a test that would otherwise hang on a lost message; it
// is not a performance threshold.
const hangGuard = 30 * time.Second

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), hangGuard)
	t.Cleanup(cancel)
	return ctx
}

// logBuffer is a goroutine-safe log destination.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) lines(substr string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if strings.Contains(l, substr) {
			out = append(out, l)
		}
	}
	return out
}

// listen starts a Transport on OS-chosen loopback ports, closed at cleanup.
func listen(t *testing.T, key string) (*Transport, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	info := wire.ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: key, SignatureScheme: wire.SignatureScheme}
	tr, err := Listen(testContext(t), info, log.New(logs, "", 0))
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	t.Cleanup(func() {
		if err := tr.Close(); err != nil {
			t.Errorf("Transport.Close: %v", err)
		}
	})
	return tr, logs
}

// dial connects a Client to tr, closed at cleanup.
func dial(t *testing.T, tr *Transport) *Client {
	t.Helper()
	c, err := Dial(testContext(t), tr.Info())
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("Client.Close: %v", err)
		}
	})
	return c
}

func newMessage(t *testing.T, c *Client, msgType string, content any) *wire.Message {
	t.Helper()
	m, err := c.NewMessage(msgType, content)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// receive calls tr.Receive and fails the test on error.
func receive(t *testing.T, tr *Transport) (kernel.Channel, *wire.Message) {
	t.Helper()
	ch, m, err := tr.Receive(testContext(t))
	if err != nil {
		t.Fatalf("Receive: %v", err)
	}
	return ch, m
}

// reply builds a reply to req that carries req's identities and parent.
func reply(t *testing.T, req *wire.Message, msgType string) *wire.Message {
	t.Helper()
	parent, err := json.Marshal(req.Header)
	if err != nil {
		t.Fatal(err)
	}
	return &wire.Message{
		Identities:   req.Identities,
		Header:       wire.NewHeader(msgType, req.Header.Session, "kernel"),
		ParentHeader: parent,
		Content:      []byte(`{"status":"ok"}`),
	}
}

// waitSubscribed publishes probes on iopub until c's subscriber receives one,
// which ends ZeroMQ's slow-joiner window: the subscription has reached the
// publisher. The short per-attempt timeout is the retry interval, not a
// synchronization: the loop only ends when a probe arrives.
func waitSubscribed(t *testing.T, tr *Transport, c *Client) {
	t.Helper()
	ctx := testContext(t)
	probe := &wire.Message{Header: wire.NewHeader("probe", "test", "kernel")}
	for {
		if err := tr.Send(kernel.IOPub, probe); err != nil {
			t.Fatalf("publish probe: %v", err)
		}
		attempt, cancel := context.WithTimeout(ctx, retryInterval)
		m, err := c.Recv(attempt, kernel.IOPub)
		cancel()
		if err == nil && m.Header.MsgType == "probe" {
			return
		}
		if ctx.Err() != nil {
			t.Fatal("iopub subscriber never received a probe")
		}
	}
}

// recvSkippingProbes returns the next iopub message that is not a probe.
func recvSkippingProbes(t *testing.T, c *Client) *wire.Message {
	t.Helper()
	for {
		m, err := c.Recv(testContext(t), kernel.IOPub)
		if err != nil {
			t.Fatalf("Recv iopub: %v", err)
		}
		if m.Header.MsgType != "probe" {
			return m
		}
	}
}
