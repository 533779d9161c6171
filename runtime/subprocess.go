package runtime

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// ErrNotStarted is returned by Subprocess methods that need a running
// process before Start.
var ErrNotStarted = errors.New("runtime: subprocess not started")

// Subprocess is a child process whose output is streamed line by line as
// it comes, like asyncio.create_subprocess_exec; its fields are those of
// exec.Cmd. The process is started in its own process group, and when the
// context given to Command ends, Cancel (by default: SIGKILL to the whole
// group, children of children included) stops it.
//
// Use Command; set fields before Start. After Start, the Subprocess owns
// four goroutines (an output reader per stream, a reaper, and exec's context
// watcher); they end when the process has exited and its output is
// drained, which Wait waits for: always call Wait. No zombie is left.
type Subprocess struct {
	Path string   // program to run
	Args []string // command line, Args[0] included
	Env  []string // environment; nil means the current process's
	Dir  string   // working directory; "" means the current one

	// Cancel stops the process when the context ends; nil means SIGKILL to
	// the process group. Like exec.Cmd.Cancel.
	Cancel func() error
	// WaitDelay bounds how long, after the process exits, Wait keeps
	// reading output that processes outside the group (which the group kill
	// cannot reach) hold open; 0 means read to the end. Like
	// exec.Cmd.WaitDelay, it also bounds the wait after Cancel.
	WaitDelay time.Duration
	// OnLine, if set, gets every output line (stream is "stdout" or
	// "stderr") as it arrives, on that stream's reader goroutine, instead
	// of the lines being kept for ReadLine and ReadErrLine.
	OnLine func(stream, line string)

	ctx    context.Context
	cmd    *exec.Cmd
	stdin  *os.File
	stdout *lineStream
	stderr *lineStream
	done   chan struct{}
	code   int
	err    error
}

// Command returns a Subprocess that will run name with args; name is
// looked up in PATH as by exec.Command. ctx bounds the process's life.
func Command(ctx context.Context, name string, args ...string) *Subprocess {
	path := name
	if lp, err := exec.LookPath(name); err == nil {
		path = lp
	}
	return &Subprocess{Path: path, Args: append([]string{name}, args...), ctx: ctx}
}

// Start starts the process and its output readers; it does not wait for
// the process.
func (p *Subprocess) Start() error {
	if p.cmd != nil {
		return errors.New("runtime: subprocess already started")
	}
	files, err := p.pipes()
	if err != nil {
		return err
	}
	p.cmd = p.newCmd(files)
	err = p.cmd.Start()
	for _, f := range files {
		f.Close() // the child's ends
	}
	if err != nil {
		p.closeParentEnds()
		return fmt.Errorf("runtime: subprocess start: %w", err)
	}
	p.done = make(chan struct{})
	p.stdout.start(p.OnLine)
	p.stderr.start(p.OnLine)
	go p.reap()
	return nil
}

// newCmd builds the exec.Cmd with the child's ends of the pipes.
func (p *Subprocess) newCmd(files [3]*os.File) *exec.Cmd {
	cmd := exec.CommandContext(p.ctx, p.Path)
	cmd.Args, cmd.Env, cmd.Dir = p.Args, p.Env, p.Dir
	cmd.Stdin, cmd.Stdout, cmd.Stderr = files[0], files[1], files[2]
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = p.Cancel
	if cmd.Cancel == nil {
		cmd.Cancel = p.killGroup
	}
	cmd.WaitDelay = p.WaitDelay
	return cmd
}

// pipes makes the three pipes and returns the child's ends.
func (p *Subprocess) pipes() (child [3]*os.File, err error) {
	var ends [3][2]*os.File
	for i := range ends {
		r, w, err := os.Pipe()
		if err != nil {
			for _, e := range ends[:i] {
				e[0].Close()
				e[1].Close()
			}
			return child, fmt.Errorf("runtime: subprocess pipe: %w", err)
		}
		ends[i] = [2]*os.File{r, w}
	}
	p.stdin = ends[0][1]
	p.stdout = newLineStream("stdout", ends[1][0])
	p.stderr = newLineStream("stderr", ends[2][0])
	return [3]*os.File{ends[0][0], ends[1][1], ends[2][1]}, nil
}

func (p *Subprocess) closeParentEnds() {
	p.stdin.Close()
	p.stdout.f.Close()
	p.stderr.f.Close()
}

// killGroup sends SIGKILL to the process group.
func (p *Subprocess) killGroup() error { return p.signalGroup(syscall.SIGKILL) }

func (p *Subprocess) signalGroup(sig syscall.Signal) error {
	if p.cmd == nil || p.cmd.Process == nil {
		return ErrNotStarted
	}
	if err := syscall.Kill(-p.cmd.Process.Pid, sig); err != nil {
		return fmt.Errorf("runtime: subprocess signal: %w", err)
	}
	return nil
}

// Kill sends SIGKILL to the process group now. It does not wait: call Wait.
func (p *Subprocess) Kill() error { return p.signalGroup(syscall.SIGKILL) }

// Terminate sends SIGTERM to the process group. It does not wait.
func (p *Subprocess) Terminate() error { return p.signalGroup(syscall.SIGTERM) }

// Pid reports the process id (and process group id), or 0 before Start.
func (p *Subprocess) Pid() int {
	if p.cmd == nil || p.cmd.Process == nil {
		return 0
	}
	return p.cmd.Process.Pid
}
