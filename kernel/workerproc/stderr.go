package workerproc

import (
	"bytes"
	"strings"
)

// SyncMarker is what a worker writes to its stderr after each cell, right
// before it sends the cell's Done frame: SyncMarker + cell id + "\x00\n".
// Everything the cell wrote to stderr precedes it, so once the front has
// read the marker it has all of the cell's stderr output. A write of the
// marker is one write(2) under PIPE_BUF bytes, so it is never split.
const SyncMarker = "\x00gokernel-sync:"

// stderrSplitter turns the byte stream of a worker's stderr into text for
// the running cell, sync markers, and a held-back crash report. Text from
// a line that starts like a Go runtime crash report ("panic: ",
// "fatal error: ", "runtime: ") is held until the next sync marker: if the
// worker dies first it is the cause of death, otherwise it was ordinary
// output and is released. Not safe for concurrent use: one reader owns it.
type stderrSplitter struct {
	pending []byte // bytes that may start a marker or a crash line
	midLine bool   // the last byte passed on was not a newline
	held    strings.Builder
	text    func(string)
	sync    func(cell string)
}

// write consumes one chunk read from the pipe.
func (s *stderrSplitter) write(p []byte) {
	s.pending = append(s.pending, p...)
	for {
		i := bytes.Index(s.pending, []byte(SyncMarker))
		if i < 0 {
			break
		}
		end := bytes.Index(s.pending[i:], []byte("\x00\n"))
		if end < 0 {
			s.emit(s.pending[:i])
			s.pending = append(s.pending[:0], s.pending[i:]...)
			return
		}
		s.emit(s.pending[:i])
		cell := string(s.pending[i+len(SyncMarker) : i+end])
		s.pending = append(s.pending[:0], s.pending[i+end+2:]...)
		s.release()
		s.sync(cell)
	}
	keep := max(partialMarker(s.pending), s.partialCrashLine())
	s.emit(s.pending[:len(s.pending)-keep])
	s.pending = append(s.pending[:0], s.pending[len(s.pending)-keep:]...)
}

// partialCrashLine is the length of an unfinished last line of pending
// that could still become the first line of a crash report.
func (s *stderrSplitter) partialCrashLine() int {
	start := bytes.LastIndexByte(s.pending, '\n') + 1
	if start == 0 && s.midLine {
		return 0
	}
	tail := s.pending[start:]
	for _, m := range crashPrefixes {
		if len(tail) > 0 && len(tail) < len(m) && strings.HasPrefix(m, string(tail)) {
			return len(tail)
		}
	}
	return 0
}

// emit passes text on, or holds it once a crash report may have started.
func (s *stderrSplitter) emit(b []byte) {
	if len(b) == 0 {
		return
	}
	atStart := !s.midLine
	s.midLine = b[len(b)-1] != '\n'
	if s.held.Len() == 0 {
		i := crashLineStart(b, atStart)
		if i < 0 {
			s.text(string(b))
			return
		}
		if i > 0 {
			s.text(string(b[:i]))
		}
		b = b[i:]
	}
	s.held.Write(b)
}

// release passes held text on: the worker lived on, so it was output.
func (s *stderrSplitter) release() {
	if s.held.Len() > 0 {
		s.text(s.held.String())
		s.held.Reset()
	}
}

// partialMarker is how many trailing bytes of b could begin a marker.
func partialMarker(b []byte) int {
	for n := min(len(b), len(SyncMarker)-1); n > 0; n-- {
		if bytes.HasPrefix([]byte(SyncMarker), b[len(b)-n:]) {
			return n
		}
	}
	return 0
}

// crashPrefixes start the lines of a Go runtime crash report.
var crashPrefixes = []string{"panic: ", "fatal error: ", "runtime: "}

// crashLineStart finds the first line of b that starts like a crash
// report; b's first line counts only if atStart (it begins a line).
func crashLineStart(b []byte, atStart bool) int {
	for off := 0; off < len(b); {
		line := b[off:]
		for _, m := range crashPrefixes {
			if (off > 0 || atStart) && bytes.HasPrefix(line, []byte(m)) {
				return off
			}
		}
		nl := bytes.IndexByte(line, '\n')
		if nl < 0 {
			return -1
		}
		off += nl + 1
	}
	return -1
}
