package zmqnet

import (
	"encoding/binary"
	"fmt"
)

// MaxFrameSize is the largest ZMTP frame a connection may announce. zmq4
// allocates a frame's whole announced size before reading it and panics,
// killing the process, on lengths beyond what make accepts; zmtpGuard
// refuses such frames first and the connection is dropped.
const MaxFrameSize = 256 << 20

// ZMTP 3.x framing (https://rfc.zeromq.org/spec/23/).
const (
	greetingSize = 64
	flagLong     = 0x02
	flagCommand  = 0x04
)

// zmtpGuard follows the bytes a peer sends over one connection: the 64-byte
// greeting, then frames (a flags byte, a 1- or 8-byte length, the body). It
// reports frames longer than MaxFrameSize, and when the peer's first command
// (READY, for the NULL mechanism) has been read, that is, when the handshake
// is over. The zero value is ready for a new connection. It is not safe for
// concurrent use; a connection is read by one goroutine at a time.
type zmtpGuard struct {
	greeting  int    // greeting bytes seen
	header    []byte // bytes of the current frame header seen so far
	body      uint64 // body bytes of the current frame still to come
	inCommand bool   // the current frame is a command
	handshake bool   // the peer's first command is complete
}

// feed inspects the next bytes received from the peer.
func (g *zmtpGuard) feed(p []byte) error {
	for len(p) > 0 {
		switch {
		case g.greeting < greetingSize:
			n := min(greetingSize-g.greeting, len(p))
			g.greeting += n
			p = p[n:]
		case g.body > 0:
			n := min(g.body, uint64(len(p)))
			g.body -= n
			p = p[n:]
			g.frameDone()
		default:
			if err := g.headerByte(p[0]); err != nil {
				return err
			}
			p = p[1:]
		}
	}
	return nil
}

// headerByte adds one byte of a frame header.
func (g *zmtpGuard) headerByte(b byte) error {
	g.header = append(g.header, b)
	flags := g.header[0]
	want := 2
	if flags&flagLong != 0 {
		want = 9
	}
	if len(g.header) < want {
		return nil
	}
	size := uint64(g.header[1])
	if want == 9 {
		size = binary.BigEndian.Uint64(g.header[1:9])
	}
	g.header = g.header[:0]
	if size > MaxFrameSize {
		return fmt.Errorf("zmqnet: peer announced a %d-byte frame (limit %d)", size, MaxFrameSize)
	}
	g.body, g.inCommand = size, flags&flagCommand != 0
	g.frameDone()
	return nil
}

// frameDone notes the end of the handshake when a command frame is complete.
func (g *zmtpGuard) frameDone() {
	if g.body == 0 && g.inCommand {
		g.handshake = true
	}
}
