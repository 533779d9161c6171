package zmqnet

import (
	"context"
	"fmt"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

// Receive blocks until a verified request arrives on shell, control or
// stdin, ctx is done (it returns ctx's error) or the Transport is closed
// (ErrClosed). When several requests are waiting, control goes first, so an
// interrupt or shutdown is not queued behind shell traffic.
func (t *Transport) Receive(ctx context.Context) (kernel.Channel, *wire.Message, error) {
	if t.closing() {
		return "", nil, ErrClosed
	}
	select {
	case r := <-t.control:
		return r.ch, r.msg, nil
	default:
	}
	select {
	case r := <-t.control:
		return r.ch, r.msg, nil
	case r := <-t.other:
		return r.ch, r.msg, nil
	case <-ctx.Done():
		return "", nil, ctx.Err()
	case <-t.done:
		return "", nil, ErrClosed
	}
}

// read is the reader goroutine of channel ch: it receives multipart messages,
// decodes and verifies them, drops (with a log line) whatever fails, and
// hands the rest to Receive through out. It returns when the Transport
// closes.
func (t *Transport) read(ch kernel.Channel, out chan<- received) {
	defer t.wg.Done()
	sock := t.sockets[ch].sock
	defer drain(sock) // runs after Close cancelled the socket
	for {
		zm, err := sock.Recv()
		if err != nil {
			if t.closing() {
				return
			}
			t.logger.Printf("zmqnet: %s: receive: %v", ch, err)
			continue
		}
		m, err := wire.Decode(zm.Frames, t.signer)
		if err != nil {
			t.logger.Printf("zmqnet: %s: dropped message from %s: %v", ch, sender(zm.Frames), err)
			continue
		}
		select {
		case out <- received{ch, m}:
		case <-t.done:
			return
		}
	}
}

// sender describes the routing identity of a raw ROUTER message for logs.
func sender(frames [][]byte) string {
	if len(frames) == 0 {
		return "an unknown peer"
	}
	return fmt.Sprintf("%q", frames[0])
}
