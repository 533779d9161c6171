package interp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"syscall"
	"unicode/utf8"
)

// A stream carries one output stream (stdout or stderr) of a Session through
// an OS pipe, so that every path that writes to it ends up in one ordered
// byte stream: framed writes from the interpreter's writers (fmt.Print*, log,
// tagged with the writing goroutine's cell), and raw writes from anything
// holding the pipe's descriptor (os.Stdout in cells, child processes, and in
// capture mode the whole process's fd 1 or 2), which belong to the running
// cell, or the last one when none runs.
//
// One reader goroutine, owned by the stream and ended by close, turns the
// bytes into Stream events. sync waits until everything written before it was
// emitted: it writes a marker frame and waits for the reader to reach it —
// unless the pipe is empty and the reader holds nothing, which it can tell
// because the reader takes bytes out of the pipe only under mu (see
// readSome), so that a cell that printed nothing does not pay for markers.
//
// A frame is written with a single write of at most pipeBuf bytes, which
// POSIX makes atomic on a pipe, so frames never interleave with other writes.
type stream struct {
	name  string
	r, w  *os.File
	rc    syscall.RawConn // r's descriptor, nil if unavailable
	route *router
	emit  func(Event)

	mu     sync.Mutex
	cond   *sync.Cond
	sent   uint64 // last marker written
	seen   uint64 // last marker the reader reached
	closed bool   // the reader has stopped
	held   bool   // the reader has bytes out of the pipe not emitted yet
	done   chan struct{}

	// owned by the reader goroutine: framed writes not yet emitted
	text     []byte
	textCell string
}

// Frame layout: magic, kind byte, 4 hex digits tag length, 4 hex digits
// payload length, tag, payload.
const (
	frameMagic  = "\x00GK\x1e"
	frameHeader = len(frameMagic) + 1 + 4 + 4
	pipeBuf     = 4096 // PIPE_BUF on Linux; POSIX guarantees at least 512
	maxTag      = 256
	frameWrite  = 'w'
	frameMarker = 'm'
)

// newStream opens the pipe and starts the reader goroutine.
func newStream(name string, route *router, emit func(Event)) (*stream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("interp: %s pipe: %w", name, err)
	}
	s := &stream{name: name, r: r, w: w, route: route, emit: emit, done: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	if rc, err := r.SyscallConn(); err == nil {
		s.rc = rc
	}
	go s.read()
	return s, nil
}

// writeFrame writes one frame (tag and payload must fit in pipeBuf).
func (s *stream) writeFrame(kind byte, tag string, payload []byte) error {
	buf := make([]byte, 0, frameHeader+len(tag)+len(payload))
	buf = append(buf, frameMagic...)
	buf = append(buf, kind)
	buf = fmt.Appendf(buf, "%04x%04x", len(tag), len(payload))
	buf = append(buf, tag...)
	buf = append(buf, payload...)
	_, err := s.w.Write(buf)
	return err
}

// writeCell writes p as output of cell, in frames cut at rune boundaries.
func (s *stream) writeCell(cell string, p []byte) (int, error) {
	if len(cell) > maxTag {
		cell = cell[:maxTag]
	}
	room := pipeBuf - frameHeader - len(cell)
	n := 0
	for len(p) > 0 {
		k := min(len(p), room)
		for k < len(p) && k > room-utf8.UTFMax && !utf8.RuneStart(p[k]) {
			k--
		}
		if err := s.writeFrame(frameWrite, cell, p[:k]); err != nil {
			return n, fmt.Errorf("interp: write %s: %w", s.name, err)
		}
		n += k
		p = p[k:]
	}
	return n, nil
}

// sync returns once the reader has emitted everything written to the pipe
// before sync was called, or the stream was closed.
func (s *stream) sync() {
	if s.drained() {
		return
	}
	s.mu.Lock()
	s.sent++
	token := s.sent
	s.mu.Unlock()
	if err := s.writeFrame(frameMarker, strconv.FormatUint(token, 10), nil); err != nil {
		return
	}
	s.mu.Lock()
	for s.seen < token && !s.closed {
		s.cond.Wait()
	}
	s.mu.Unlock()
}

// drained reports whether everything written to the pipe so far has been
// emitted: the pipe is empty and the reader holds no bytes (or has stopped).
// It is false when the pipe's fill level cannot be read.
func (s *stream) drained() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return true
	}
	if s.held || s.rc == nil {
		return false
	}
	n, ok := pipeBuffered(s.rc)
	return ok && n == 0
}

// close syncs, closes both ends of the pipe and waits for the reader.
func (s *stream) close() error {
	s.sync()
	errW := s.w.Close()
	errR := s.r.Close()
	<-s.done
	return errors.Join(errW, errR)
}

// read is the reader goroutine.
func (s *stream) read() {
	defer func() {
		s.mu.Lock()
		s.closed = true
		s.cond.Broadcast()
		s.mu.Unlock()
		close(s.done)
	}()
	buf := make([]byte, 64<<10)
	var pending []byte
	for {
		n, err := s.readSome(buf)
		pending = append(pending, buf[:n]...)
		pending = s.consume(pending)
		s.mu.Lock()
		s.held = len(pending) > 0
		s.mu.Unlock()
		if err != nil {
			if len(pending) > 0 {
				s.raw(pending)
			}
			return
		}
	}
}

// readSome reads from the pipe. With the pipe's raw descriptor it makes
// the read system call holding mu and marks the bytes as held, so that
// drained never sees bytes that left the pipe but are not emitted yet.
func (s *stream) readSome(buf []byte) (int, error) {
	if s.rc == nil {
		return s.r.Read(buf)
	}
	var n int
	var rerr error
	err := s.rc.Read(func(fd uintptr) bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		for {
			n, rerr = syscall.Read(int(fd), buf)
			if rerr != syscall.EINTR {
				break
			}
		}
		if rerr == syscall.EAGAIN {
			return false // wait until the pipe is readable
		}
		s.held = n > 0
		return true
	})
	switch {
	case err != nil:
		return 0, err
	case rerr != nil:
		return 0, rerr
	case n <= 0:
		return 0, io.EOF
	}
	return n, nil
}

// consume emits every complete frame and raw run in p and returns the rest.
// Consecutive writes of one cell that arrived in the same read are merged
// into one event (a loop printing lines makes a few events, not thousands).
func (s *stream) consume(p []byte) []byte {
	defer s.flushText()
	for len(p) > 0 {
		i := bytes.Index(p, []byte(frameMagic))
		if i < 0 {
			keep := partialMagic(p)
			s.raw(p[:len(p)-keep])
			return p[len(p)-keep:]
		}
		if i > 0 {
			s.raw(p[:i])
			p = p[i:]
		}
		if len(p) < frameHeader {
			return p
		}
		tl, err1 := strconv.ParseUint(string(p[len(frameMagic)+1:len(frameMagic)+5]), 16, 16)
		pl, err2 := strconv.ParseUint(string(p[len(frameMagic)+5:frameHeader]), 16, 16)
		if err1 != nil || err2 != nil { // not a frame after all
			s.raw(p[:1])
			p = p[1:]
			continue
		}
		end := frameHeader + int(tl) + int(pl)
		if len(p) < end {
			return p
		}
		s.frame(p[len(frameMagic)], string(p[frameHeader:frameHeader+int(tl)]), p[frameHeader+int(tl):end])
		p = p[end:]
	}
	return p
}

// frame handles one complete frame.
func (s *stream) frame(kind byte, tag string, payload []byte) {
	switch kind {
	case frameWrite:
		if s.textCell != tag {
			s.flushText()
			s.textCell = tag
		}
		s.text = append(s.text, payload...)
	case frameMarker:
		s.flushText()
		token, _ := strconv.ParseUint(tag, 10, 64)
		s.mu.Lock()
		s.seen = max(s.seen, token)
		s.cond.Broadcast()
		s.mu.Unlock()
	}
}

// flushText emits the merged writes of one cell.
func (s *stream) flushText() {
	if len(s.text) > 0 {
		s.emit(Event{Kind: Stream, CellID: s.textCell, Name: s.name, Text: string(s.text)})
	}
	s.text = s.text[:0]
	s.textCell = ""
}

// raw emits bytes that came from outside the framed writers.
func (s *stream) raw(p []byte) {
	s.flushText()
	if len(p) > 0 {
		s.emit(Event{Kind: Stream, CellID: s.route.running(), Name: s.name, Text: string(p)})
	}
}

// partialMagic returns the length of the longest suffix of p that is a proper
// prefix of frameMagic (the start of a frame cut by a read).
func partialMagic(p []byte) int {
	for k := min(len(p), len(frameMagic)-1); k > 0; k-- {
		if bytes.HasSuffix(p, []byte(frameMagic[:k])) {
			return k
		}
	}
	return 0
}

// cellWriter is the io.Writer the interpreter prints through: each write is
// tagged with the cell owning the writing goroutine.
type cellWriter struct{ s *stream }

func (w cellWriter) Write(p []byte) (int, error) { return w.s.writeCell(w.s.route.caller(), p) }
