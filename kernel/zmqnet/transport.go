package zmqnet

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"sync"

	"github.com/go-zeromq/zmq4"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// ErrClosed is returned by Receive and Send after Close.
var ErrClosed = errors.New("zmqnet: transport closed")

// Transport is the kernel side of the five Jupyter sockets. It implements
// kernel.Transport. Create it with Listen; the zero value is not usable.
//
// A Transport owns one goroutine per ROUTER socket, reading, verifying and
// queueing requests for Receive, one heartbeat goroutine that echoes every
// heartbeat message back, and the iopub publisher's goroutines (see
// SubscriberQueue). Close stops and waits for all of them. Send and Receive
// are safe for concurrent use.
type Transport struct {
	info   wire.ConnectionInfo
	signer wire.Signer
	logger *log.Logger

	cancel  context.CancelFunc         // ends the sockets' lifetime
	sockets map[kernel.Channel]*socket // shell, control, stdin
	pub     *publisher                 // iopub
	hb      zmq4.Socket

	control chan received // requests from the control socket
	other   chan received // requests from shell and stdin

	done      chan struct{} // closed by Close
	closeOnce sync.Once
	closeErr  error
	wg        sync.WaitGroup // the reader and heartbeat goroutines
}

// received is one verified request and the channel it came in on.
type received struct {
	ch  kernel.Channel
	msg *wire.Message
}

// socket is a zmq4 socket whose Sends are serialized: zmq4 sockets are not
// documented as safe for concurrent Send.
type socket struct {
	mu   sync.Mutex
	sock zmq4.Socket
}

// Listen binds the five sockets on info's address and ports (port 0 lets the
// operating system choose; Info reports the chosen ports) and starts the
// reader and heartbeat goroutines. Like net.ListenConfig.Listen, ctx only
// bounds the setup: cancelling it later does not affect the Transport; Close
// does. A nil logger means log.Default().
func Listen(ctx context.Context, info wire.ConnectionInfo, logger *log.Logger) (*Transport, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("zmqnet: listen: %w", err)
	}
	if err := info.Validate(); err != nil {
		return nil, fmt.Errorf("zmqnet: %w", err)
	}
	if logger == nil {
		logger = log.Default()
	}
	life, cancel := context.WithCancel(context.WithoutCancel(ctx))
	t := &Transport{
		info:    info,
		signer:  info.Signer(),
		logger:  logger,
		cancel:  cancel,
		sockets: make(map[kernel.Channel]*socket),
		control: make(chan received),
		other:   make(chan received),
		done:    make(chan struct{}),
	}
	if err := t.bindAll(life); err != nil {
		t.closeSockets()
		cancel()
		return nil, err
	}
	t.start()
	return t, nil
}

// heartbeatChannel names the heartbeat socket in errors; the kernel never
// sees it, so it is not one of kernel's channels.
const heartbeatChannel kernel.Channel = "heartbeat"

// bindAll creates and binds every socket, recording the bound ports.
func (t *Transport) bindAll(life context.Context) error {
	opt := zmq4.WithLogger(t.logger)
	binds := []struct {
		ch   kernel.Channel
		sock zmq4.Socket
		port *int
	}{
		{kernel.Shell, zmq4.NewRouter(life, opt), &t.info.ShellPort},
		{kernel.Control, zmq4.NewRouter(life, opt), &t.info.ControlPort},
		{kernel.Stdin, zmq4.NewRouter(life, opt), &t.info.StdinPort},
		{heartbeatChannel, zmq4.NewRep(life, opt), &t.info.HBPort},
	}
	for _, b := range binds {
		if b.ch == heartbeatChannel {
			t.hb = b.sock
		} else {
			t.sockets[b.ch] = &socket{sock: b.sock}
		}
	}
	for _, b := range binds {
		port, err := bind(b.sock, t.info, *b.port)
		if err != nil {
			return fmt.Errorf("zmqnet: %s: %w", b.ch, err)
		}
		*b.port = port
	}
	pub, err := listenPublisher(t.info.Addr(t.info.IOPubPort), t.logger, SubscriberQueue)
	if err != nil {
		return fmt.Errorf("zmqnet: %s: %w", kernel.IOPub, err)
	}
	t.pub = pub
	t.info.IOPubPort = boundPort(pub.Addr(), t.info.IOPubPort)
	return nil
}

// boundPort is addr's port for TCP, or port for other networks.
func boundPort(addr net.Addr, port int) int {
	if a, ok := addr.(*net.TCPAddr); ok {
		return a.Port
	}
	return port
}

// bind listens on info's address at port and returns the bound port.
func bind(sock zmq4.Socket, info wire.ConnectionInfo, port int) (int, error) {
	if err := sock.Listen(guardedEndpoint(info.Addr(port))); err != nil {
		return 0, err
	}
	return boundPort(sock.Addr(), port), nil
}

// start launches the reader and heartbeat goroutines.
func (t *Transport) start() {
	t.wg.Add(4)
	go t.read(kernel.Shell, t.other)
	go t.read(kernel.Stdin, t.other)
	go t.read(kernel.Control, t.control)
	go t.heartbeat()
}

// Info returns the connection info the Transport listens on, with the ports
// the operating system chose in place of 0.
func (t *Transport) Info() wire.ConnectionInfo { return t.info }

// Close stops the reader and heartbeat goroutines, closes the sockets and
// waits for the goroutines to return. Receive and Send then return
// ErrClosed. Close is idempotent; later calls return the first call's error.
func (t *Transport) Close() error {
	t.closeOnce.Do(func() {
		close(t.done)
		t.cancel()
		t.closeErr = t.closeSockets()
		t.wg.Wait()
	})
	return t.closeErr
}

// closeSockets closes every socket that was created and returns the first
// error.
func (t *Transport) closeSockets() error {
	var errs []error
	for _, s := range t.sockets {
		errs = append(errs, closeSocket(s.sock))
	}
	if t.hb != nil {
		errs = append(errs, closeSocket(t.hb))
	}
	if t.pub != nil {
		errs = append(errs, t.pub.close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("zmqnet: close: %w", err)
	}
	return nil
}

// closeSocket closes sock. zmq4 closes a socket's connections from several
// goroutines and reports "use of closed network connection" when it gets
// there second; that is not a failure.
func closeSocket(sock zmq4.Socket) error {
	if err := sock.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}

// closing reports whether Close has been called.
func (t *Transport) closing() bool {
	select {
	case <-t.done:
		return true
	default:
		return false
	}
}

var _ kernel.Transport = (*Transport)(nil)
