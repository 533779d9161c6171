package zmqnet

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/security/null"

	"github.com/gokernel/gokernel/kernel"
)

// TestSilentConnectionDoesNotBlockOthers holds a TCP connection to the shell
// port open without sending the ZMTP greeting; other clients must still
// connect and be served.
func TestSilentConnectionDoesNotBlockOthers(t *testing.T) {
	tr, _ := listen(t, testKey)
	silent, err := net.Dial("tcp", tr.Info().Addr(tr.Info().ShellPort)[len("tcp://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	c := dial(t, tr)
	if err := c.Send(kernel.Shell, newMessage(t, c, "kernel_info_request", nil)); err != nil {
		t.Fatal(err)
	}
	receive(t, tr)
}

// TestHugeFrameLengthIsRejected completes a ZMTP handshake, then announces a
// frame of 2^62 bytes. The transport must drop that connection and keep
// serving others.
func TestHugeFrameLengthIsRejected(t *testing.T) {
	tr, _ := listen(t, testKey)
	raw, err := net.Dial("tcp", tr.Info().Addr(tr.Info().ShellPort)[len("tcp://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := zmq4.Open(raw, null.Security(), zmq4.Dealer, zmq4.SocketIdentity("attacker"), false, nil); err != nil {
		t.Fatalf("handshake: %v", err)
	}
	var hdr [9]byte
	hdr[0] = 0x02 // long frame, no more
	binary.BigEndian.PutUint64(hdr[1:], 1<<62)
	if _, err := raw.Write(hdr[:]); err != nil {
		t.Fatal(err)
	}
	// The transport must hang up on the attacker. The deadline is a hang
	// guard only.
	if err := raw.SetReadDeadline(time.Now().Add(hangGuard)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, raw); errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatal("the transport kept the connection that announced a huge frame")
	}
	// The transport must hang up on the attacker. The deadline is a hang
	// guard only.
	if err := raw.SetReadDeadline(time.Now().Add(hangGuard)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, raw); errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatal("the transport kept the connection that announced a huge frame")
	}
	c := dial(t, tr)
	if err := c.Send(kernel.Shell, newMessage(t, c, "kernel_info_request", nil)); err != nil {
		t.Fatal(err)
	}
	receive(t, tr)
}
