package runtime

import (
	"context"
	"errors"
	"os"
	"strings"
)

// Communicate writes input (if any) to standard input and closes it, waits
// for the process to exit, and returns its whole output, like
// Process.communicate: each stream's lines joined, each ended by "\n".
// Lines already read with ReadLine or given to OnLine are not included.
// It must be called after Start, instead of Wait.
func (p *Subprocess) Communicate(ctx context.Context, input []byte) (stdout, stderr string, code int, err error) {
	if p.done == nil {
		return "", "", -1, ErrNotStarted
	}
	if len(input) > 0 {
		if _, err := p.Write(ctx, input); err != nil {
			return "", "", -1, err
		}
	}
	if err := p.CloseStdin(); err != nil && !errors.Is(err, os.ErrClosed) {
		return "", "", -1, err
	}
	code, err = p.Wait(ctx)
	if !p.isDone() { // ctx ended before the process
		return "", "", code, err
	}
	return p.stdout.rest(), p.stderr.rest(), code, err
}

// rest returns the lines not yet read, each ended by "\n". Call it once
// the stream has ended.
func (s *lineStream) rest() string {
	var b strings.Builder
	for {
		v, err := s.lines.GetNowait()
		if err != nil {
			return b.String()
		}
		b.WriteString(v.(string))
		b.WriteByte('\n')
	}
}

func (p *Subprocess) isDone() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}
