package zmqnet

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

func shortFrame(flags byte, body string) []byte {
	return append([]byte{flags, byte(len(body))}, body...)
}

func longFrame(flags byte, size uint64, body string) []byte {
	hdr := make([]byte, 9)
	hdr[0] = flags | flagLong
	binary.BigEndian.PutUint64(hdr[1:], size)
	return append(hdr, body...)
}

func TestZMTPGuard(t *testing.T) {
	greeting := bytes.Repeat([]byte{0x7f}, greetingSize)
	ready := shortFrame(flagCommand, "\x05READY")
	cases := []struct {
		name      string
		stream    [][]byte
		handshake bool
		errPart   string
	}{
		{"greeting only", [][]byte{greeting}, false, ""},
		{"greeting and READY", [][]byte{greeting, ready}, true, ""},
		{"READY body incomplete", [][]byte{greeting, ready[:len(ready)-1]}, false, ""},
		{"message before any command", [][]byte{greeting, shortFrame(0, "hi")}, false, ""},
		{"long frame under the limit", [][]byte{greeting, ready, longFrame(0, 3, "abc")}, true, ""},
		{"long frame at the limit", [][]byte{greeting, ready, longFrame(0, MaxFrameSize, "")}, true, ""},
		{"long frame over the limit", [][]byte{greeting, ready, longFrame(0, MaxFrameSize+1, "")}, true, "limit"},
		{"absurd length in handshake", [][]byte{greeting, longFrame(flagCommand, 1<<62, "")}, false, "limit"},
		{"empty command", [][]byte{greeting, shortFrame(flagCommand, "")}, true, ""},
	}
	for _, c := range cases {
		for _, split := range []string{"whole", "bytewise"} {
			var g zmtpGuard
			var err error
			stream := bytes.Join(c.stream, nil)
			if split == "whole" {
				err = g.feed(stream)
			} else {
				for i := 0; i < len(stream) && err == nil; i++ {
					err = g.feed(stream[i : i+1])
				}
			}
			if (err != nil) != (c.errPart != "") || (err != nil && !strings.Contains(err.Error(), c.errPart)) {
				t.Errorf("%s (%s): err = %v, want error containing %q", c.name, split, err, c.errPart)
			}
			if g.handshake != c.handshake {
				t.Errorf("%s (%s): handshake = %v, want %v", c.name, split, g.handshake, c.handshake)
			}
		}
	}
}

// FuzzZMTPGuard checks that the guard never panics and that splitting the
// stream differently never changes its verdict.
func FuzzZMTPGuard(f *testing.F) {
	f.Add(append(bytes.Repeat([]byte{0x7f}, greetingSize), shortFrame(flagCommand, "\x05READY")...), uint8(3))
	f.Add(append(bytes.Repeat([]byte{0}, greetingSize), longFrame(0, 1<<40, "")...), uint8(1))
	f.Fuzz(func(t *testing.T, stream []byte, chunk uint8) {
		var whole, split zmtpGuard
		errWhole := whole.feed(stream)
		var errSplit error
		step := int(chunk%16) + 1
		for i := 0; i < len(stream) && errSplit == nil; i += step {
			errSplit = split.feed(stream[i:min(i+step, len(stream))])
		}
		if (errWhole == nil) != (errSplit == nil) || whole.handshake != split.handshake {
			t.Fatalf("verdict depends on chunking: %v/%v handshake %v/%v", errWhole, errSplit, whole.handshake, split.handshake)
		}
	})
}
