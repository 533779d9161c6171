package workerproc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"github.com/gokernel/gokernel/kernel/link"
)

// worker is one running worker process and the goroutines that read it.
type worker struct {
	cmd   *exec.Cmd
	out   *link.Writer // frames to the worker
	outF  *os.File
	crash *crashLog // the worker's stderr: the Go runtime's crash text lands here

	// stderrMu is held by the stderr reader from each read system call until
	// the bytes it read are handled, so holding it means that whatever left
	// the pipe has been passed on (see stderrRead).
	stderrMu sync.Mutex
	split    *stderrSplitter // guarded by stderrMu

	ready chan struct{} // closed by the Ready frame

	syncMu sync.Mutex
	synced map[string]chan struct{} // cell → closed when its sync marker was read
	dead   chan struct{}            // closed once the process exited and its frames were read
	err    error                    // how the process ended; read after dead is closed

	inflight string // the cell sent and not yet finished; guarded by Executor.mu
	retiring bool   // killed on its own request; guarded by Executor.mu

	readers sync.WaitGroup
}

// spawn starts the worker process with the link on its file descriptors 3
// (frames in) and 4 (frames out). Frames it sends go to onFrame, called on
// one goroutine in order.
// Text the worker writes to stderr goes to onStderr.
func spawn(command []string, env []string, onFrame func(*worker, *link.Frame), onStderr func(string)) (*worker, error) {
	toWorkerR, toWorkerW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("workerproc: pipe: %w", err)
	}
	fromWorkerR, fromWorkerW, err := os.Pipe()
	if err != nil {
		closeAll(toWorkerR, toWorkerW)
		return nil, fmt.Errorf("workerproc: pipe: %w", err)
	}
	stderrR, stderrW, err := os.Pipe()
	if err != nil {
		closeAll(toWorkerR, toWorkerW, fromWorkerR, fromWorkerW)
		return nil, fmt.Errorf("workerproc: pipe: %w", err)
	}
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stderrW, stderrW
	cmd.ExtraFiles = []*os.File{toWorkerR, fromWorkerW}
	cmd.SysProcAttr = procAttr()
	err = cmd.Start()
	closeAll(toWorkerR, fromWorkerW, stderrW)
	if err != nil {
		closeAll(toWorkerW, fromWorkerR, stderrR)
		return nil, fmt.Errorf("workerproc: start worker: %w", err)
	}
	w := &worker{
		cmd: cmd, out: link.NewWriter(toWorkerW), outF: toWorkerW,
		crash: new(crashLog), ready: make(chan struct{}), dead: make(chan struct{}),
		synced: map[string]chan struct{}{},
	}
	w.split = &stderrSplitter{text: onStderr, sync: func(cell string) { close(w.syncChan(cell)) }}
	w.readers.Add(2)
	go w.readFrames(fromWorkerR, onFrame)
	go w.readStderr(stderrR)
	go w.wait()
	return w, nil
}

func (w *worker) readFrames(r *os.File, onFrame func(*worker, *link.Frame)) {
	defer w.readers.Done()
	defer r.Close()
	lr := link.NewReader(r)
	for {
		f, err := lr.Read()
		if err != nil {
			return
		}
		if f.Kind == link.Ready {
			close(w.ready)
			continue
		}
		onFrame(w, f)
	}
}

func (w *worker) readStderr(r *os.File) {
	defer w.readers.Done()
	defer r.Close()
	rc, err := r.SyscallConn()
	if err != nil {
		return
	}
	// The read below must not block holding stderrMu: os.Pipe's ends are
	// non-blocking already, and this keeps it so.
	_ = rc.Control(func(fd uintptr) { _ = syscall.SetNonblock(int(fd), true) })
	buf := make([]byte, 32<<10)
	for {
		var n int
		var rerr error
		// The read system call runs holding stderrMu, which stays held
		// until the bytes are handled.
		if err := rc.Read(func(fd uintptr) bool {
			w.stderrMu.Lock()
			for {
				n, rerr = syscall.Read(int(fd), buf)
				if rerr != syscall.EINTR {
					break
				}
			}
			if rerr == syscall.EAGAIN {
				w.stderrMu.Unlock()
				return false // wait until the pipe is readable
			}
			return true
		}); err != nil {
			return
		}
		if n > 0 {
			_, _ = w.crash.Write(buf[:n])
			w.split.write(buf[:n])
		}
		w.stderrMu.Unlock()
		if n <= 0 || rerr != nil {
			return
		}
	}
}

// stderrRead finishes a cell whose worker found its stderr pipe empty
// (Frame.StderrRead): once the reader has handled what it read, the cell's
// stderr is complete, and text held back as a possible crash report is
// output, since the worker lives on.
func (w *worker) stderrRead() {
	w.stderrMu.Lock()
	w.split.release()
	w.stderrMu.Unlock()
}

// syncChan returns the channel closed when cell's sync marker is read.
func (w *worker) syncChan(cell string) chan struct{} {
	w.syncMu.Lock()
	defer w.syncMu.Unlock()
	ch, ok := w.synced[cell]
	if !ok {
		ch = make(chan struct{})
		w.synced[cell] = ch
	}
	return ch
}

// awaitSync waits until everything cell wrote to stderr was read: its sync
// marker arrived, the worker died, or (for a worker that writes no
// markers) limit passed.
func (w *worker) awaitSync(cell string, limit time.Duration) {
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-w.syncChan(cell):
	case <-w.dead:
	case <-t.C:
	}
	w.syncMu.Lock()
	delete(w.synced, cell)
	w.syncMu.Unlock()
}

// wait reaps the process, then waits for every frame and crash byte it
// wrote to be read before it declares the worker dead.
func (w *worker) wait() {
	err := w.cmd.Wait()
	w.readers.Wait()
	w.outF.Close()
	w.err = err
	close(w.dead)
}

// send writes a frame to the worker; it fails once the worker is gone.
func (w *worker) send(f *link.Frame) error { return w.out.Write(f) }

// kill ends the worker and every process of its process group at once.
func (w *worker) kill() {
	w.killGroup()
	if p := w.cmd.Process; p != nil {
		_ = p.Kill()
	}
}

// killGroup kills what is left of the worker's process group: children of
// cells that would otherwise outlive the worker.
func (w *worker) killGroup() {
	if p := w.cmd.Process; p != nil {
		_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
	}
}

// stop closes the worker's input, which makes it exit, and kills it if it
// has not exited when give-up is closed.
func (w *worker) stop(giveUp <-chan struct{}) {
	w.outF.Close()
	select {
	case <-w.dead:
	case <-giveUp:
		w.kill()
		<-w.dead
	}
	w.killGroup()
}

// exitStatus describes how the process ended.
func (w *worker) exitStatus() (code int, signaled bool, sig syscall.Signal) {
	var ee *exec.ExitError
	if !errors.As(w.err, &ee) {
		return 0, false, 0
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1, true, ws.Signal()
	}
	return ee.ExitCode(), false, 0
}

func closeAll(files ...*os.File) {
	for _, f := range files {
		f.Close()
	}
}
