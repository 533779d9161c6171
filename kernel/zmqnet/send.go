package zmqnet

import (
	"bytes"
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
// serialized. Send does not keep m or its slices. It does not wait for
// delivery: a message for a client that has gone away is dropped by ZeroMQ,
// and iopub messages are queued by the publisher.
func (t *Transport) Send(ch kernel.Channel, m *wire.Message) error {
	if t.closing() {
		return ErrClosed
	}
	if ch == kernel.IOPub {
		t.publish(m)
		return nil
	}
	s, ok := t.sockets[ch]
	if !ok {
		return fmt.Errorf("zmqnet: send on unknown channel %q", ch)
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

// publish signs m and queues it for every iopub subscriber. The frames are
// copied, since subscribers' writer goroutines send them after Send returns.
func (t *Transport) publish(m *wire.Message) {
	if len(m.Identities) == 0 {
		withTopic := *m
		withTopic.Identities = [][]byte{[]byte(m.Header.MsgType)}
		m = &withTopic
	}
	t.pub.publish(cloneFrames(wire.Encode(m, t.signer)))
}

func cloneFrames(frames [][]byte) [][]byte {
	out := make([][]byte, len(frames))
	for i, f := range frames {
		out[i] = bytes.Clone(f)
	}
	return out
}

// send sends frames as one multipart message, one sender at a time.
func (s *socket) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sock.Send(zmq4.NewMsgFrom(frames...))
}
