package zmqnet

import (
	"context"
	"testing"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// BenchmarkShellRoundTrip measures one signed request from a Client to the
// Transport and its reply back, over loopback TCP.
func BenchmarkShellRoundTrip(b *testing.B) {
	tr, c := benchPair(b)
	req, err := c.NewMessage("kernel_info_request", nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	for b.Loop() {
		if err := c.Send(kernel.Shell, req); err != nil {
			b.Fatal(err)
		}
		_, got, err := tr.Receive(ctx)
		if err != nil {
			b.Fatal(err)
		}
		got.Header.MsgType = "kernel_info_reply"
		if err := tr.Send(kernel.Shell, got); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Recv(ctx, kernel.Shell); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIOPubToSubscriber measures publishing a stream message and its
// arrival at a Client, one at a time.
func BenchmarkIOPubToSubscriber(b *testing.B) {
	tr, c := benchPair(b)
	ctx := b.Context()
	m := &wire.Message{Header: wire.NewHeader("stream", "s", "k"), Content: []byte(`{"name":"stdout","text":"hello\n"}`)}
	for { // wait out the slow joiner
		if err := tr.Send(kernel.IOPub, m); err != nil {
			b.Fatal(err)
		}
		attempt, cancel := context.WithTimeout(ctx, retryInterval)
		_, err := c.Recv(attempt, kernel.IOPub)
		cancel()
		if err == nil {
			break
		}
	}
	for b.Loop() {
		if err := tr.Send(kernel.IOPub, m); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Recv(ctx, kernel.IOPub); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHeartbeat measures one heartbeat round trip.
func BenchmarkHeartbeat(b *testing.B) {
	_, c := benchPair(b)
	for b.Loop() {
		if _, err := c.Heartbeat(b.Context(), []byte("ping")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeDecode measures signing and verifying a typical message.
func BenchmarkEncodeDecode(b *testing.B) {
	s := wire.NewSigner([]byte(testKey))
	m := &wire.Message{
		Identities: [][]byte{[]byte("client")},
		Header:     wire.NewHeader("execute_request", "session", "user"),
		Content:    []byte(`{"code":"fmt.Println(1)","silent":false,"store_history":true}`),
	}
	for b.Loop() {
		if _, err := wire.Decode(wire.Encode(m, s), s); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPair(b *testing.B) (*Transport, *Client) {
	info := wire.ConnectionInfo{IP: "127.0.0.1", Key: testKey}
	tr, err := Listen(b.Context(), info, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	c, err := Dial(b.Context(), tr.Info())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	return tr, c
}
