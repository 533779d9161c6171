package zmqnet

import (
	"errors"
	"io"
	"net"
	"sync"
	"time"
)

// signatureSize is the ZMTP greeting's signature, which every peer (libzmq
// and zmq4) sends as soon as it connects.
const signatureSize = 10

// guardedListener hands zmq4 only connections whose peer has started the
// ZMTP greeting. zmq4 runs each handshake inside its single accept loop, so
// a peer that connects and stays silent would block everyone else; here each
// new connection waits for its signature in its own goroutine, for at most
// HandshakeTimeout.
//
// The listener owns an accept goroutine and one goroutine per connection
// being vetted; Close stops them and waits for them.
type guardedListener struct {
	net.Listener
	ready chan net.Conn
	done  chan struct{}

	mu      sync.Mutex
	pending map[net.Conn]struct{} // connections being vetted

	closeOnce sync.Once
	closeErr  error
	wg        sync.WaitGroup
}

func newGuardedListener(l net.Listener) *guardedListener {
	g := &guardedListener{
		Listener: l,
		ready:    make(chan net.Conn),
		done:     make(chan struct{}),
		pending:  make(map[net.Conn]struct{}),
	}
	g.wg.Add(1)
	go g.acceptLoop()
	return g
}

// Accept returns the next connection whose peer has sent the ZMTP
// signature, wrapped in a guardedConn.
func (g *guardedListener) Accept() (net.Conn, error) {
	select {
	case c := <-g.ready:
		return c, nil
	case <-g.done:
		return nil, net.ErrClosed
	}
}

// Close closes the listener and the connections being vetted, and waits for
// the listener's goroutines.
func (g *guardedListener) Close() error {
	g.closeOnce.Do(func() {
		close(g.done)
		g.closeErr = g.Listener.Close()
		g.mu.Lock()
		for c := range g.pending {
			c.Close()
		}
		g.mu.Unlock()
		g.wg.Wait()
	})
	return g.closeErr
}

// acceptLoop accepts connections and starts vetting each one. On errors
// other than closing it backs off, as net/http's server does.
func (g *guardedListener) acceptLoop() {
	defer g.wg.Done()
	backoff := 5 * time.Millisecond
	for {
		c, err := g.Listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			select {
			case <-time.After(backoff):
				backoff = min(2*backoff, time.Second)
				continue
			case <-g.done:
				return
			}
		}
		backoff = 5 * time.Millisecond
		if !g.track(c) {
			c.Close()
			return
		}
		g.wg.Add(1)
		go g.vet(c)
	}
}

// track records c as pending, unless the listener is closed.
func (g *guardedListener) track(c net.Conn) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.done:
		return false
	default:
		g.pending[c] = struct{}{}
		return true
	}
}

// vet waits for c's ZMTP signature and hands c to Accept, or closes it.
func (g *guardedListener) vet(c net.Conn) {
	defer g.wg.Done()
	var sig [signatureSize]byte
	_ = c.SetReadDeadline(time.Now().Add(HandshakeTimeout))
	_, err := io.ReadFull(c, sig[:])
	g.mu.Lock()
	delete(g.pending, c)
	g.mu.Unlock()
	if err != nil {
		c.Close()
		return
	}
	gc := newGuardedConn(&replayConn{Conn: c, prefix: sig[:]})
	select {
	case g.ready <- gc:
	case <-g.done:
		c.Close()
	}
}

// replayConn returns prefix, bytes already read from Conn, before reading
// Conn itself.
type replayConn struct {
	net.Conn
	prefix []byte
}

func (r *replayConn) Read(p []byte) (int, error) {
	if len(r.prefix) > 0 {
		n := copy(p, r.prefix)
		r.prefix = r.prefix[n:]
		return n, nil
	}
	return r.Conn.Read(p)
}
