package zmqnet

import (
	"bytes"
	"fmt"
	"log"
	"net"
	"strings"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/security/null"
	"github.com/go-zeromq/zmq4/transport"
)

// SubscriberQueue is how many iopub messages may wait for one subscriber.
// Beyond that the subscriber is not keeping up and, as a ZeroMQ PUB socket
// does at its high-water mark, new messages for it are dropped (with a log
// line) rather than blocking the kernel or growing without bound.
const SubscriberQueue = 4096

// publisher is the iopub PUB socket. It speaks ZMTP through zmq4's
// connection type (zmq4.Open, Conn.SendMsg, Conn.RecvMsg) but manages
// subscribers itself, because zmq4's PUB socket never stops its writer
// goroutine, queues without bound, and writes to all subscribers from one
// goroutine, so that one stuck subscriber holds up the others.
//
// A publisher owns an accept goroutine (plus the guarded listener's) and,
// per connection, a reader goroutine (handshake, then subscriptions) and a
// writer goroutine (its queue). close stops them all and waits.
type publisher struct {
	ln        net.Listener
	id        zmq4.SocketIdentity
	logger    *log.Logger
	queueSize int // per subscriber

	mu    sync.Mutex
	conns map[net.Conn]*subscriber // every open connection; sub nil until the handshake is over

	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup
}

// subscriber is one connected SUB peer.
type subscriber struct {
	conn     *zmq4.Conn
	queue    chan zmq4.Msg
	gone     chan struct{} // closed when its reader returns
	mu       sync.Mutex
	topics   map[string]struct{}
	dropping bool // guarded by publisher.mu: messages are being dropped
}

// listenPublisher binds a publisher to endpoint ("tcp://host:port" or
// "ipc://path"); each subscriber may have queueSize messages waiting.
func listenPublisher(endpoint string, logger *log.Logger, queueSize int) (*publisher, error) {
	ln, err := listenGuarded(endpoint)
	if err != nil {
		return nil, err
	}
	p := &publisher{
		ln:        ln,
		id:        zmq4.SocketIdentity("gokernel-iopub"),
		logger:    logger,
		queueSize: queueSize,
		conns:     make(map[net.Conn]*subscriber),
		done:      make(chan struct{}),
	}
	p.wg.Add(1)
	go p.acceptLoop()
	return p, nil
}

// listenGuarded listens on a ZeroMQ tcp or ipc endpoint with a
// guardedListener.
func listenGuarded(endpoint string) (net.Listener, error) {
	scheme, addr, _ := strings.Cut(endpoint, "://")
	network := map[string]string{"tcp": "tcp", "ipc": "unix"}[scheme]
	if network == "" {
		return nil, fmt.Errorf("unsupported endpoint %q", endpoint)
	}
	addr, err := transport.New(network).Addr(addr)
	if err != nil {
		return nil, err
	}
	l, err := net.Listen(network, addr)
	if err != nil {
		return nil, fmt.Errorf("could not listen to %q: %w", endpoint, err)
	}
	return newGuardedListener(l), nil
}

// Addr is the address the publisher listens on.
func (p *publisher) Addr() net.Addr { return p.ln.Addr() }

func (p *publisher) acceptLoop() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return // guardedListener fails only once closed
		}
		if !p.track(c) {
			c.Close()
			return
		}
		p.wg.Add(1)
		go p.serve(c)
	}
}

// track records c as open, unless the publisher is closed.
func (p *publisher) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.done:
		return false
	default:
		p.conns[c] = nil
		return true
	}
}

// serve is a connection's reader goroutine: the ZMTP handshake, then
// subscription changes until the peer goes away or the publisher closes.
func (p *publisher) serve(c net.Conn) {
	defer p.wg.Done()
	defer p.forget(c)
	zc, err := zmq4.Open(c, null.Security(), zmq4.Pub, p.id, true, nil)
	if err != nil {
		select {
		case <-p.done: // closed under it
		default:
			p.logger.Printf("zmqnet: iopub: handshake with %s: %v", c.RemoteAddr(), err)
		}
		return
	}
	s := &subscriber{
		conn:   zc,
		queue:  make(chan zmq4.Msg, p.queueSize),
		gone:   make(chan struct{}),
		topics: make(map[string]struct{}),
	}
	defer close(s.gone)
	if !p.activate(c, s) {
		return
	}
	p.wg.Add(1)
	go p.write(s)
	for {
		msg, err := zc.RecvMsg()
		if err != nil {
			return
		}
		s.update(msg)
	}
}

// activate makes s eligible for messages, unless the publisher is closed.
func (p *publisher) activate(c net.Conn, s *subscriber) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, open := p.conns[c]; !open {
		return false
	}
	p.conns[c] = s
	return true
}

// forget closes c and stops publishing to it.
func (p *publisher) forget(c net.Conn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
	c.Close()
}

// write is a subscriber's writer goroutine: it sends the subscriber's
// queue in order until the subscriber or the publisher goes away.
func (p *publisher) write(s *subscriber) {
	defer p.wg.Done()
	for {
		select {
		case msg := <-s.queue:
			if err := s.conn.SendMsg(msg); err != nil {
				s.conn.Close() // the reader then returns and forgets it
				return
			}
		case <-s.gone:
			return
		case <-p.done:
			return
		}
	}
}

// update applies a subscription message: 0x01 then a topic prefix to
// subscribe, 0x00 then a topic prefix to unsubscribe (ZMTP 3.0). Anything
// else from a subscriber is ignored.
func (s *subscriber) update(msg zmq4.Msg) {
	if msg.Type == zmq4.CmdMsg || len(msg.Frames) != 1 || len(msg.Frames[0]) == 0 {
		return
	}
	f := msg.Frames[0]
	s.mu.Lock()
	defer s.mu.Unlock()
	switch f[0] {
	case 1:
		s.topics[string(f[1:])] = struct{}{}
	case 0:
		delete(s.topics, string(f[1:]))
	}
}

// wants reports whether s subscribed to a prefix of topic.
func (s *subscriber) wants(topic []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for prefix := range s.topics {
		if bytes.HasPrefix(topic, []byte(prefix)) {
			return true
		}
	}
	return false
}

// publish queues frames for every subscriber whose subscriptions match the
// first frame. It never blocks: a subscriber whose queue is full misses the
// message. The frames must not be modified afterwards.
func (p *publisher) publish(frames [][]byte) {
	msg := zmq4.NewMsgFrom(frames...)
	p.mu.Lock()
	defer p.mu.Unlock()
	for c, s := range p.conns {
		if s == nil || !s.wants(frames[0]) {
			continue
		}
		select {
		case s.queue <- msg:
			s.dropping = false
		default:
			if !s.dropping {
				p.logger.Printf("zmqnet: iopub: subscriber %s is %d messages behind; dropping messages for it", c.RemoteAddr(), p.queueSize)
			}
			s.dropping = true
		}
	}
}

// close stops accepting, closes every connection and waits for the
// publisher's goroutines.
func (p *publisher) close() error {
	var err error
	p.closeOnce.Do(func() {
		close(p.done)
		err = p.ln.Close()
		p.mu.Lock()
		for c := range p.conns {
			c.Close()
		}
		p.mu.Unlock()
		p.wg.Wait()
	})
	return err
}
