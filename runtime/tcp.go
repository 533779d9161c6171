package runtime

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
)

// Stream is a TCP connection with asyncio's StreamReader/StreamWriter
// methods: line, exact-size and delimiter reads, buffered writes and Drain.
// Every read and Drain takes a context: its deadline is the I/O deadline
// and cancelling it ends the call with ctx's error. They wait as blocking
// regions.
//
// Use OpenConnection, NewStream, or the Stream a Server hands its
// handler; the zero value is not usable. A Stream starts no goroutines.
// One goroutine may read while another writes; reads must not run
// concurrently with each other, nor Write/Drain with each other.
type Stream struct {
	conn net.Conn
	r    *bufio.Reader
	wbuf bytes.Buffer
}

// OpenConnection dials addr ("host:port") over TCP, like
// asyncio.open_connection, waiting as a blocking region bounded by ctx.
func OpenConnection(ctx context.Context, addr string) (*Stream, error) {
	var conn net.Conn
	err := blockingWait(ctx, func() error {
		var d net.Dialer
		c, err := d.DialContext(ctx, "tcp", addr)
		conn = c
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("runtime: open connection: %w", err)
	}
	return NewStream(conn), nil
}

// NewStream wraps an established connection; the Stream then owns it.
func NewStream(conn net.Conn) *Stream {
	return &Stream{conn: conn, r: bufio.NewReader(conn)}
}

// read runs op on the read side within ctx.
func (s *Stream) read(ctx context.Context, op func() error) error {
	return withDeadline(ctx, s.conn.SetReadDeadline, op)
}

// ReadLine returns the next line without its "\n" or "\r\n". A last line
// without newline is returned as is; after it, io.EOF.
func (s *Stream) ReadLine(ctx context.Context) (string, error) {
	var line string
	err := s.read(ctx, func() error {
		var err error
		line, err = s.r.ReadString('\n')
		if err == io.EOF && line != "" {
			err = nil
		}
		return err
	})
	return strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"), err
}

// ReadN reads exactly n bytes, like readexactly; a stream that ends
// sooner gives io.ErrUnexpectedEOF (io.EOF if nothing was read).
func (s *Stream) ReadN(ctx context.Context, n int) ([]byte, error) {
	buf := make([]byte, n)
	var got int
	err := s.read(ctx, func() error {
		var err error
		got, err = io.ReadFull(s.r, buf)
		return err
	})
	return buf[:got], err
}

// ReadUntil reads up to and including sep, like readuntil; a stream that
// ends first gives what was read and io.ErrUnexpectedEOF (io.EOF if
// nothing was read).
func (s *Stream) ReadUntil(ctx context.Context, sep string) ([]byte, error) {
	if sep == "" {
		return nil, fmt.Errorf("runtime: ReadUntil with empty separator")
	}
	var out []byte
	last := sep[len(sep)-1]
	err := s.read(ctx, func() error {
		for {
			chunk, err := s.r.ReadSlice(last)
			out = append(out, chunk...)
			if err == nil && bytes.HasSuffix(out, []byte(sep)) {
				return nil
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF && len(out) > 0 {
				return io.ErrUnexpectedEOF
			}
			if err != nil {
				return err
			}
		}
	})
	return out, err
}

// Read returns what is available, at most max bytes, waiting for at least
// one; io.EOF at the end.
func (s *Stream) Read(ctx context.Context, max int) ([]byte, error) {
	buf := make([]byte, max)
	var n int
	err := s.read(ctx, func() error {
		var err error
		n, err = s.r.Read(buf)
		return err
	})
	return buf[:n], err
}

// Write adds b to the write buffer without waiting, like
// StreamWriter.write; Drain sends it.
func (s *Stream) Write(b []byte) (int, error) { return s.wbuf.Write(b) }

// WriteString adds str to the write buffer; see Write.
func (s *Stream) WriteString(str string) (int, error) { return s.wbuf.WriteString(str) }

// Buffered reports how many written bytes Drain has not sent yet.
func (s *Stream) Buffered() int { return s.wbuf.Len() }

// Drain sends the write buffer, waiting until the connection has taken it
// all (or ctx ends: what was sent is removed from the buffer).
func (s *Stream) Drain(ctx context.Context) error {
	return withDeadline(ctx, s.conn.SetWriteDeadline, func() error {
		_, err := s.wbuf.WriteTo(s.conn)
		return err
	})
}

// CloseWrite shuts down the sending side, so the peer reads end of file,
// while reading goes on. It does not drain the write buffer.
func (s *Stream) CloseWrite() error {
	if cw, ok := s.conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return fmt.Errorf("runtime: CloseWrite: %T cannot half-close", s.conn)
}

// Close closes the connection; unsent buffered data is dropped.
func (s *Stream) Close() error { return s.conn.Close() }

// LocalAddr reports the local address.
func (s *Stream) LocalAddr() string { return s.conn.LocalAddr().String() }

// RemoteAddr reports the peer's address.
func (s *Stream) RemoteAddr() string { return s.conn.RemoteAddr().String() }
