package zmqnet

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// HandshakeTimeout bounds the ZMTP handshake on every connection. zmq4
// performs the handshake of an accepted connection in its accept loop, with
// no deadline: without one, a peer that connects and stays silent would
// stop the socket from accepting anyone else.
const HandshakeTimeout = 5 * time.Second

// Guarded endpoints: zmq4 transports registered by this package that wrap
// every connection in a guardedConn.
const (
	guardedTCP = "gokernel-tcp"
	guardedIPC = "gokernel-ipc"
)

// registerOnce registers the guarded transports with zmq4. It is
// package-level because zmq4's transport registry is process-wide and
// rejects a second registration of a name.
var registerOnce sync.Once

func registerGuardedTransports() {
	registerOnce.Do(func() {
		// Errors are impossible: the names are ours and registered once.
		_ = zmq4.RegisterTransport(guardedTCP, guardedTransport{network: "tcp", base: transport.New("tcp")})
		_ = zmq4.RegisterTransport(guardedIPC, guardedTransport{network: "unix", base: transport.New("unix")})
	})
}

// guardedEndpoint turns a "tcp://..." or "ipc://..." endpoint into its
// guarded equivalent.
func guardedEndpoint(ep string) string {
	registerGuardedTransports()
	switch {
	case strings.HasPrefix(ep, "tcp://"):
		return guardedTCP + ep[len("tcp"):]
	case strings.HasPrefix(ep, "ipc://"):
		return guardedIPC + ep[len("ipc"):]
	}
	return ep
}

// guardedTransport is a zmq4 transport over network whose connections are
// guardedConns.
type guardedTransport struct {
	network string
	base    transport.Transport
}

func (g guardedTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	c, err := g.base.Dial(ctx, d, addr)
	if err != nil {
		return nil, err
	}
	return newGuardedConn(c), nil
}

func (g guardedTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := g.base.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return newGuardedListener(l), nil
}

func (g guardedTransport) Addr(ep string) (string, error) { return g.base.Addr(ep) }

// guardedConn is a connection whose incoming ZMTP stream is checked by a
// zmtpGuard: an oversized frame closes it, and reads time out until the
// handshake is over. Its outgoing stream goes through a zmtpBatch: each
// message is written at once. Reads are buffered: zmq4 reads each frame's
// header and body separately, which would be two system calls per frame.
type guardedConn struct {
	net.Conn
	guard zmtpGuard
	rbuf  *bufio.Reader // over guardedReader

	wmu   sync.Mutex
	batch zmtpBatch
}

func newGuardedConn(c net.Conn) *guardedConn {
	_ = c.SetReadDeadline(time.Now().Add(HandshakeTimeout))
	gc := &guardedConn{Conn: c}
	gc.rbuf = bufio.NewReaderSize(guardedReader{gc}, 32<<10)
	return gc
}

// Write holds p back until it completes a ZMTP message, then writes the
// whole message; it reports len(p) written when p was only held.
func (c *guardedConn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	out := c.batch.add(p)
	if len(out) == 0 {
		return len(p), nil
	}
	if _, err := c.Conn.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (c *guardedConn) Read(p []byte) (int, error) { return c.rbuf.Read(p) }

// guardedReader reads from the network for a guardedConn's buffer, passing
// every byte through the guard.
type guardedReader struct{ c *guardedConn }

func (r guardedReader) Read(p []byte) (int, error) {
	c := r.c
	n, err := c.Conn.Read(p)
	shaking := !c.guard.handshake
	if gerr := c.guard.feed(p[:n]); gerr != nil {
		c.Conn.Close()
		return 0, gerr
	}
	if shaking && c.guard.handshake {
		_ = c.Conn.SetReadDeadline(time.Time{})
	}
	return n, err
}
