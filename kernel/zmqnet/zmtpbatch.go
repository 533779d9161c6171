package zmqnet

import "encoding/binary"

// flagMore marks a ZMTP frame that is followed by another of the same
// message.
const flagMore = 0x01

// maxBatch bounds the bytes a zmtpBatch holds back: a message larger than
// this goes out in several writes, which is only slower.
const maxBatch = 256 << 10

// zmtpBatch gathers the bytes zmq4 writes for one ZMTP message so that they
// go out in one write. zmq4 writes each frame's header and body separately:
// a 7-frame Jupyter message took 14 writes, each a TCP segment that woke the
// peer. zmtpBatch follows the outgoing stream as zmtpGuard follows the
// incoming one (the 64-byte greeting passes straight through, then frames)
// and says when the bytes held end a message or a command. The zero value is
// ready for a new connection. It is not safe for concurrent use.
type zmtpBatch struct {
	greeting int    // greeting bytes written
	header   []byte // bytes of the current frame header written so far
	body     uint64 // body bytes of the current frame still to come
	more     bool   // the current frame has more frames after it
	held     []byte // bytes not written yet
}

// add takes the next bytes written to the peer and returns what is to be
// written now: nothing while a message is incomplete, everything held once
// it ends (or once maxBatch bytes are held). The returned slice is valid
// until the next call.
func (b *zmtpBatch) add(p []byte) []byte {
	if b.greeting < greetingSize && len(b.held) == 0 {
		n := min(greetingSize-b.greeting, len(p))
		b.greeting += n
		if n == len(p) {
			return p
		}
		b.held = append(b.held, p[:n]...)
		p = p[n:]
	}
	b.held = append(b.held, p...)
	for len(p) > 0 {
		if b.body > 0 {
			n := min(b.body, uint64(len(p)))
			b.body -= n
			p = p[n:]
			continue
		}
		p = b.headerByte(p)
	}
	if (b.body == 0 && len(b.header) == 0 && !b.more) || len(b.held) >= maxBatch {
		out := b.held
		b.held = b.held[:0]
		return out
	}
	return nil
}

// headerByte consumes one byte of a frame header and returns the rest of p.
func (b *zmtpBatch) headerByte(p []byte) []byte {
	b.header = append(b.header, p[0])
	want := 2
	if b.header[0]&flagLong != 0 {
		want = 9
	}
	if len(b.header) < want {
		return p[1:]
	}
	size := uint64(b.header[1])
	if want == 9 {
		size = binary.BigEndian.Uint64(b.header[1:9])
	}
	b.more = b.header[0]&flagCommand == 0 && b.header[0]&flagMore != 0
	b.body = size
	b.header = b.header[:0]
	return p[1:]
}
