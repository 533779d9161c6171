package zmqnet

import (
	"context"
	"testing"

	"github.com/go-zeromq/zmq4"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// rawDealer connects a bare DEALER to addr, for sending arbitrary frames.
func rawDealer(t *testing.T, addr string) zmq4.Socket {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	d := zmq4.NewDealer(ctx)
	t.Cleanup(func() {
		cancel()
		if err := closeSocket(d); err != nil {
			t.Errorf("close dealer: %v", err)
		}
	})
	if err := d.Dial(addr); err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	return d
}

// TestMalformedMessagesAreDropped sends every kind of broken message the
// protocol notes list, then a valid one. The transport must log and drop
// each broken one, keep running, and return only the valid message.
func TestMalformedMessagesAreDropped(t *testing.T) {
	tr, logs := listen(t, testKey)
	signer := wire.NewSigner([]byte(testKey))
	header := []byte(`{"msg_id":"m1","msg_type":"execute_request","session":"s","username":"u","date":"","version":"5.4"}`)
	signed := func(dicts ...string) [][]byte {
		parts := make([][]byte, len(dicts))
		for i, d := range dicts {
			parts[i] = []byte(d)
		}
		return append([][]byte{[]byte(wire.Delimiter), []byte(signer.Sign(parts...))}, parts...)
	}
	valid := wire.Encode(&wire.Message{Header: wire.NewHeader("kernel_info_request", "s", "u")}, signer)
	badSig := wire.Encode(&wire.Message{Header: wire.NewHeader("kernel_info_request", "s", "u")}, wire.NewSigner([]byte("wrong")))
	unsigned := wire.Encode(&wire.Message{Header: wire.NewHeader("kernel_info_request", "s", "u")}, wire.Signer{})
	broken := map[string][][]byte{
		"bad signature":     badSig,
		"unsigned":          unsigned,
		"garbage":           {[]byte("\x00\xffgarbage")},
		"no delimiter":      valid[1:],
		"too few frames":    valid[:4],
		"invalid JSON":      signed(string(header), `{}`, `{}`, `{"code":`),
		"content not dict":  signed(string(header), `{}`, `{}`, `[1,2]`),
		"header no type":    signed(`{"msg_id":"m1"}`, `{}`, `{}`, `{}`),
		"empty message":     {[]byte{}},
		"huge garbage":      {make([]byte, 1<<20)},
		"only delimiter":    {[]byte(wire.Delimiter)},
		"signature not hex": append(append([][]byte{}, valid[0], []byte("not-hex")), valid[2:]...),
	}
	for _, ch := range []kernel.Channel{kernel.Shell, kernel.Control, kernel.Stdin} {
		d := rawDealer(t, tr.Info().Addr(portOf(tr.Info(), ch)))
		before := len(logs.lines("dropped"))
		for name, frames := range broken {
			if err := d.Send(zmq4.NewMsgFrom(frames...)); err != nil {
				t.Fatalf("%s: send %s: %v", ch, name, err)
			}
		}
		if err := d.Send(zmq4.NewMsgFrom(valid...)); err != nil {
			t.Fatal(err)
		}
		gotCh, m := receive(t, tr)
		if gotCh != ch || m.Header.MsgType != "kernel_info_request" {
			t.Fatalf("got %s on %s, want the valid kernel_info_request on %s", m.Header.MsgType, gotCh, ch)
		}
		// The reader logs each drop before it reads the next message, so
		// all drops are logged by the time the valid message arrives.
		if got := len(logs.lines("dropped")) - before; got != len(broken) {
			t.Fatalf("%s: %d drops logged, want %d:\n%v", ch, got, len(broken), logs.lines("dropped"))
		}
	}
	// The heartbeat must survive garbage too: a DEALER without the REQ
	// envelope is not a valid REP request.
	hb := rawDealer(t, tr.Info().Addr(tr.Info().HBPort))
	if err := hb.Send(zmq4.NewMsgString("no envelope")); err != nil {
		t.Fatal(err)
	}
	c := dial(t, tr)
	if got, err := c.Heartbeat(testContext(t), []byte("still alive")); err != nil || string(got) != "still alive" {
		t.Fatalf("heartbeat after garbage: %q, %v", got, err)
	}
}

func portOf(info wire.ConnectionInfo, ch kernel.Channel) int {
	switch ch {
	case kernel.Shell:
		return info.ShellPort
	case kernel.Control:
		return info.ControlPort
	case kernel.Stdin:
		return info.StdinPort
	case kernel.IOPub:
		return info.IOPubPort
	}
	panic("portOf: unknown channel " + string(ch))
}
