package zmqnet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/google/uuid"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// Client is the frontend side of a kernel's sockets, for tests: DEALER
// sockets on shell, control and stdin (sharing one identity, as
// jupyter_client does, so input_request reaches the client that asked), a
// SUB socket on iopub subscribed to everything, and a REQ socket on
// heartbeat. Create it with Dial; the zero value is not usable.
//
// A Client owns one reader goroutine per shell, control, stdin and iopub
// socket; each decodes and verifies what arrives and queues it for Recv.
// Heartbeat starts one goroutine per call. Close stops and waits for all of
// them. Methods are safe for concurrent use.
type Client struct {
	// Session is the session id the Client puts in the headers NewMessage
	// makes; it is also the sockets' routing identity.
	Session string

	signer  wire.Signer
	cancel  context.CancelFunc
	sockets map[kernel.Channel]*socket
	inbox   map[kernel.Channel]chan inboxItem
	hb      socket

	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup
}

// inboxItem is one message, or the reason it could not be decoded.
type inboxItem struct {
	msg *wire.Message
	err error
}

// inboxSize is how many messages per channel wait for Recv before the reader
// stops reading that socket.
const inboxSize = 256

// Dial connects a Client to the kernel described by info and starts its
// reader goroutines. ctx bounds the connection setup only. The iopub
// subscription is sent during Dial but ZeroMQ applies it asynchronously: a
// message published right after Dial may be missed (the "slow joiner"), so
// wait for a message you caused, such as the status of a request.
func Dial(ctx context.Context, info wire.ConnectionInfo) (*Client, error) {
	if err := info.Validate(); err != nil {
		return nil, fmt.Errorf("zmqnet: %w", err)
	}
	life, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, cancel) // abandon dialing when ctx ends
	defer stop()
	c := newClient(life, cancel, info)
	if err := c.dialAll(info); err != nil {
		c.Close()
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return nil, fmt.Errorf("zmqnet: dial: %w", err)
	}
	if !stop() {
		c.Close()
		return nil, fmt.Errorf("zmqnet: dial: %w", ctx.Err())
	}
	for ch := range c.sockets {
		c.wg.Add(1)
		go c.read(ch)
	}
	return c, nil
}

func newClient(life context.Context, cancel context.CancelFunc, info wire.ConnectionInfo) *Client {
	session := uuid.NewString()
	id := zmq4.WithID(zmq4.SocketIdentity(session))
	c := &Client{
		Session: session,
		signer:  info.Signer(),
		cancel:  cancel,
		sockets: map[kernel.Channel]*socket{
			kernel.Shell:   {sock: zmq4.NewDealer(life, id)},
			kernel.Control: {sock: zmq4.NewDealer(life, id)},
			kernel.Stdin:   {sock: zmq4.NewDealer(life, id)},
			kernel.IOPub:   {sock: zmq4.NewSub(life)},
		},
		inbox: make(map[kernel.Channel]chan inboxItem),
		hb:    socket{sock: zmq4.NewReq(life)},
		done:  make(chan struct{}),
	}
	for ch := range c.sockets {
		c.inbox[ch] = make(chan inboxItem, inboxSize)
	}
	return c
}

func (c *Client) dialAll(info wire.ConnectionInfo) error {
	ports := map[kernel.Channel]int{
		kernel.Shell: info.ShellPort, kernel.Control: info.ControlPort,
		kernel.Stdin: info.StdinPort, kernel.IOPub: info.IOPubPort,
	}
	for ch, s := range c.sockets {
		if err := s.sock.Dial(guardedEndpoint(info.Addr(ports[ch]))); err != nil {
			return fmt.Errorf("%s: %w", ch, err)
		}
	}
	if err := c.sockets[kernel.IOPub].sock.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		return fmt.Errorf("iopub: subscribe: %w", err)
	}
	if err := c.hb.sock.Dial(guardedEndpoint(info.Addr(info.HBPort))); err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	return nil
}

// NewMessage returns a message of type msgType in the Client's session with
// content marshalled to JSON (nil content becomes {}).
func (c *Client) NewMessage(msgType string, content any) (*wire.Message, error) {
	m := &wire.Message{Header: wire.NewHeader(msgType, c.Session, "test")}
	if content != nil {
		raw, err := json.Marshal(content)
		if err != nil {
			return nil, fmt.Errorf("zmqnet: marshal %s content: %w", msgType, err)
		}
		m.Content = raw
	}
	return m, nil
}

// Send signs m and sends it to the kernel on ch (shell, control or stdin).
func (c *Client) Send(ch kernel.Channel, m *wire.Message) error {
	s, ok := c.sockets[ch]
	if !ok || ch == kernel.IOPub {
		return fmt.Errorf("zmqnet: client cannot send on %q", ch)
	}
	if c.closed() {
		return ErrClosed
	}
	if err := s.send(wire.Encode(m, c.signer)); err != nil {
		return fmt.Errorf("zmqnet: client send %s on %s: %w", m.Header.MsgType, ch, err)
	}
	return nil
}

// Recv returns the next message that arrived on ch, waiting until one does,
// ctx is done or the Client is closed. A message that fails to decode or
// verify is returned as an error wrapping wire's error.
func (c *Client) Recv(ctx context.Context, ch kernel.Channel) (*wire.Message, error) {
	in, ok := c.inbox[ch]
	if !ok {
		return nil, fmt.Errorf("zmqnet: client cannot receive on %q", ch)
	}
	if c.closed() {
		return nil, ErrClosed
	}
	select {
	case item := <-in:
		return item.msg, item.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, ErrClosed
	}
}

// read is the reader goroutine of ch; it returns when the Client closes.
func (c *Client) read(ch kernel.Channel) {
	defer c.wg.Done()
	sock := c.sockets[ch].sock
	defer drain(sock) // runs after Close cancelled the socket
	for {
		zm, err := sock.Recv()
		if c.closed() {
			return
		}
		var item inboxItem
		if err != nil {
			item.err = fmt.Errorf("zmqnet: client %s: %w", ch, err)
		} else {
			item.msg, item.err = wire.Decode(zm.Frames, c.signer)
		}
		select {
		case c.inbox[ch] <- item:
		case <-c.done:
			return
		}
	}
}

// Heartbeat sends payload on the heartbeat socket and returns the reply,
// waiting until it arrives, ctx is done or the Client is closed. Heartbeats
// are sent one at a time; after a ctx timeout the unanswered heartbeat
// still holds the socket until its reply arrives or Close.
func (c *Client) Heartbeat(ctx context.Context, payload []byte) ([]byte, error) {
	reply := make(chan pong, 1)
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		c.hb.mu.Lock()
		defer c.hb.mu.Unlock()
		reply <- c.ping(payload)
	}()
	select {
	case r := <-reply:
		return r.payload, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, ErrClosed
	}
}

// pong is the outcome of one heartbeat round trip.
type pong struct {
	payload []byte
	err     error
}

// ping does one REQ/REP round trip on the heartbeat socket.
func (c *Client) ping(payload []byte) pong {
	if err := c.hb.sock.Send(zmq4.NewMsg(payload)); err != nil {
		return pong{err: fmt.Errorf("zmqnet: heartbeat send: %w", err)}
	}
	zm, err := c.hb.sock.Recv()
	if err != nil {
		return pong{err: fmt.Errorf("zmqnet: heartbeat receive: %w", err)}
	}
	if len(zm.Frames) != 1 {
		return pong{err: fmt.Errorf("zmqnet: heartbeat reply has %d frames, want 1", len(zm.Frames))}
	}
	return pong{payload: zm.Frames[0]}
}

// Close closes the sockets and waits for the Client's goroutines to return.
// It is idempotent.
func (c *Client) Close() error {
	var err error
	c.closeOnce.Do(func() {
		close(c.done)
		c.cancel()
		var errs []error
		for _, s := range c.sockets {
			errs = append(errs, closeSocket(s.sock))
		}
		err = errors.Join(append(errs, closeSocket(c.hb.sock))...)
		c.wg.Wait()
	})
	if err != nil {
		return fmt.Errorf("zmqnet: client close: %w", err)
	}
	return nil
}

func (c *Client) closed() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}
