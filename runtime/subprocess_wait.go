package runtime

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"syscall"
	"time"
)

// reap waits for the process (so no zombie is left), then for its output
// readers, at most WaitDelay after the exit if WaitDelay is set, and
// publishes the outcome.
func (p *Subprocess) reap() {
	defer close(p.done)
	err := p.cmd.Wait()
	p.stdin.Close()
	p.drainOutput()
	p.code, p.err = p.outcome(err)
}

// drainOutput waits for both readers to reach the end of their streams,
// closing the streams after WaitDelay if processes outside the group hold
// them open.
func (p *Subprocess) drainOutput() {
	var timeout <-chan time.Time
	if p.WaitDelay > 0 {
		t := time.NewTimer(p.WaitDelay)
		defer t.Stop()
		timeout = t.C
	}
	for _, s := range []*lineStream{p.stdout, p.stderr} {
		select {
		case <-s.done:
		case <-timeout:
			p.stdout.f.Close()
			p.stderr.f.Close()
			<-s.done
		}
	}
}

// outcome turns exec's error into Python's returncode convention: the exit
// status, or minus the signal number; an exit status is not an error, a
// kill caused by the context ending is ctx's error.
func (p *Subprocess) outcome(err error) (int, error) {
	st := p.cmd.ProcessState
	if st == nil {
		return -1, fmt.Errorf("runtime: subprocess wait: %w", err)
	}
	code := st.ExitCode()
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		code = -int(ws.Signal())
	}
	var ee *exec.ExitError
	switch {
	case code < 0 && p.ctx.Err() != nil:
		return code, fmt.Errorf("runtime: subprocess killed: %w", p.ctx.Err())
	case err == nil || errors.As(err, &ee):
		return code, nil
	}
	return code, fmt.Errorf("runtime: subprocess wait: %w", err)
}

// Wait waits until the process has exited and its output has been read,
// and returns its exit code (minus the signal number if a signal ended
// it). A non-zero exit is not an error; a kill because the Command context
// ended returns that context's error. If ctx ends first, Wait returns
// ctx's error and the process keeps running; call Wait again. Wait waits
// as a blocking region.
func (p *Subprocess) Wait(ctx context.Context) (int, error) {
	if p.done == nil {
		return -1, ErrNotStarted
	}
	err := blockingWait(ctx, func() error {
		select {
		case <-p.done:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	if err != nil {
		return -1, err
	}
	return p.code, p.err
}

// Done returns a channel closed when Wait's outcome is ready (nil before
// Start).
func (p *Subprocess) Done() <-chan struct{} { return p.done }
