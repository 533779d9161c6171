package runtime

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"strings"
)

// lineStream reads one output pipe of a subprocess line by line on its own
// goroutine, keeping the lines in an unbounded queue (or handing them to
// OnLine) so the child never blocks on a full pipe.
type lineStream struct {
	name  string
	f     *os.File
	lines *Queue
	done  chan struct{}
}

func newLineStream(name string, f *os.File) *lineStream {
	return &lineStream{name: name, f: f, lines: NewQueue(0), done: make(chan struct{})}
}

func (s *lineStream) start(onLine func(stream, line string)) { go s.read(onLine) }

// read runs until the end of the stream, then closes it and the queue.
func (s *lineStream) read(onLine func(stream, line string)) {
	defer close(s.done)
	defer s.lines.Shutdown(false)
	defer s.f.Close()
	r := bufio.NewReader(s.f)
	for {
		line, err := r.ReadString('\n')
		if line != "" {
			s.deliver(onLine, strings.TrimRight(line, "\r\n"))
		}
		if err != nil {
			return
		}
	}
}

func (s *lineStream) deliver(onLine func(stream, line string), line string) {
	if onLine != nil {
		onLine(s.name, line)
		return
	}
	_ = s.lines.PutNowait(line)
}

// readLine returns the next line, or io.EOF after the last one.
func (s *lineStream) readLine(ctx context.Context) (string, error) {
	v, err := s.lines.Get(ctx)
	if errors.Is(err, ErrQueueShutDown) {
		return "", io.EOF
	}
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

// ReadLine returns the next line of standard output, without its line
// ending, waiting for it as a blocking region; io.EOF after the last one.
// Lines are kept from Start on, so none is lost if reading starts late.
func (p *Subprocess) ReadLine(ctx context.Context) (string, error) {
	if p.stdout == nil {
		return "", ErrNotStarted
	}
	return p.stdout.readLine(ctx)
}

// ReadErrLine is ReadLine for standard error.
func (p *Subprocess) ReadErrLine(ctx context.Context) (string, error) {
	if p.stderr == nil {
		return "", ErrNotStarted
	}
	return p.stderr.readLine(ctx)
}

// Write writes b to the process's standard input, waiting (as a blocking
// region, bounded by ctx) while the pipe is full.
func (p *Subprocess) Write(ctx context.Context, b []byte) (int, error) {
	if p.stdin == nil {
		return 0, ErrNotStarted
	}
	var n int
	err := withDeadline(ctx, p.stdin.SetWriteDeadline, func() error {
		var werr error
		n, werr = p.stdin.Write(b)
		return werr
	})
	return n, err
}

// WriteString writes s to standard input; see Write.
func (p *Subprocess) WriteString(ctx context.Context, s string) (int, error) {
	return p.Write(ctx, []byte(s))
}

// CloseStdin closes standard input, so the process reads end of file.
func (p *Subprocess) CloseStdin() error {
	if p.stdin == nil {
		return ErrNotStarted
	}
	return p.stdin.Close()
}
