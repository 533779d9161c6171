package zmqnet

import (
	"fmt"

	"github.com/go-zeromq/zmq4"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// Send signs m and sends it on ch. On shell, control and stdin the first of
// m.Identities names the client to send to (the request's identities, kept
// by Decode); m without identities is an error there. On iopub the
// identities are the subscription topic; without identities the topic is
// m's msg_type. Send is safe for concurrent use; sends on one socket are
// serialized. It does not wait for delivery: a message for a client that has
// gone away is dropped by ZeroMQ.
func (t *Transport) Send(ch kernel.Channel, m *wire.Message) error {
	s, ok := t.sockets[ch]
	if !ok {
		return fmt.Errorf("zmqnet: send on unknown channel %q", ch)
	}
	if t.closing() {
		return ErrClosed
	}
	if ch == kernel.IOPub && len(m.Identities) == 0 {
		withTopic := *m
		withTopic.Identities = [][]byte{[]byte(m.Header.MsgType)}
		m = &withTopic
	}
	if len(m.Identities) == 0 {
		return fmt.Errorf("zmqnet: send %s on %s: message has no identities to route it", m.Header.MsgType, ch)
	}
	if err := s.send(wire.Encode(m, t.signer)); err != nil {
		if t.closing() {
			return ErrClosed
		}
		return fmt.Errorf("zmqnet: send %s on %s: %w", m.Header.MsgType, ch, err)
	}
	return nil
}

// send sends frames as one multipart message, one sender at a time.
func (s *socket) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sock.Send(zmq4.NewMsgFrom(frames...))
}
