package zmqnet

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// frame encodes one ZMTP frame with the given flags.
func frame(flags byte, body []byte) []byte {
	if len(body) > 255 {
		hdr := make([]byte, 9)
		hdr[0] = flags | flagLong
		binary.BigEndian.PutUint64(hdr[1:], uint64(len(body)))
		return append(hdr, body...)
	}
	return append([]byte{flags, byte(len(body))}, body...)
}

// message encodes a multipart message of n frames with random sizes.
func message(r *rand.Rand, n int) []byte {
	var out []byte
	for i := range n {
		var flags byte
		if i < n-1 {
			flags = flagMore
		}
		size := r.IntN(300)
		if r.IntN(10) == 0 {
			size = 0
		}
		body := bytes.Repeat([]byte{byte('a' + i%26)}, size)
		out = append(out, frame(flags, body)...)
	}
	return out
}

// TestZMTPBatchFlushesAtMessageEnds feeds a stream (greeting, a command,
// messages) to a zmtpBatch in random pieces, as zmq4 writes it, and checks
// that the bytes come out unchanged and only at the end of the greeting, a
// command or a message.
func TestZMTPBatchFlushesAtMessageEnds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		greeting := bytes.Repeat([]byte{0xff}, greetingSize)
		units := [][]byte{frame(flagCommand, []byte("\x05READY....")), frame(flagCommand, bytes.Repeat([]byte("x"), 400))}
		for range 1 + r.IntN(5) {
			units = append(units, message(r, 1+r.IntN(8)))
		}
		var stream []byte
		ends := map[int]bool{}
		// The greeting may pass through in any pieces.
		stream = append(stream, greeting...)
		for _, u := range units {
			stream = append(stream, u...)
			ends[len(stream)] = true
		}
		var b zmtpBatch
		var out []byte
		for at := 0; at < len(stream); {
			n := 1 + r.IntN(40)
			if round%3 == 0 {
				n = len(stream) // everything in one write
			}
			n = min(n, len(stream)-at)
			got := b.add(stream[at : at+n])
			at += n
			if len(got) > 0 {
				out = append(out, got...)
				if len(out) > greetingSize && !ends[len(out)] {
					t.Fatalf("round %d: flushed %d bytes, not at a message end", round, len(out))
				}
			}
		}
		if !bytes.Equal(out, stream) {
			t.Fatalf("round %d: %d bytes out of %d, or changed", round, len(out), len(stream))
		}
	}
}

// TestZMTPBatchBoundsWhatItHolds checks that a message larger than maxBatch
// is written before it is complete rather than held whole.
func TestZMTPBatchBoundsWhatItHolds(t *testing.T) {
	var b zmtpBatch
	if got := b.add(bytes.Repeat([]byte{0}, greetingSize)); len(got) != greetingSize {
		t.Fatalf("greeting: got %d bytes back", len(got))
	}
	big := frame(flagMore, bytes.Repeat([]byte("y"), maxBatch))
	if got := b.add(big); len(got) != len(big) {
		t.Fatalf("a %d-byte frame was held back (%d bytes written)", len(big), len(got))
	}
	if got := b.add(frame(0, []byte("end"))); len(got) != 5 {
		t.Fatalf("last frame: got %d bytes, want 5", len(got))
	}
}
