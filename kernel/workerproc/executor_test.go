package workerproc

import (
	"context"
	"fmt"
	"io"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"go.uber.org/goleak"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/link"
)

// The test binary doubles as a fake worker (the os/exec helper-process
// pattern): with GOKERNEL_FAKE_WORKER=1 it speaks the link protocol and
// runs cells written in a tiny command language.
func TestMain(m *testing.M) {
	if os.Getenv("GOKERNEL_FAKE_WORKER") == "1" {
		fakeWorker()
		os.Exit(0)
	}
	goleak.VerifyTestMain(m)
}

func fakeWorker() {
	in := link.NewReader(os.NewFile(3, "in"))
	out := link.NewWriter(os.NewFile(4, "out"))
	_ = out.Write(&link.Frame{Kind: link.Ready})
	cells := make(chan *link.Frame, 16)
	interrupts := make(chan struct{}, 16)
	inputs := make(chan *link.Frame, 16)
	go func() {
		for f := range cells {
			fakeRun(f, out, interrupts, inputs)
		}
	}()
	for {
		f, err := in.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			os.Exit(9)
		}
		switch f.Kind {
		case link.Execute:
			cells <- f
		case link.Interrupt:
			interrupts <- struct{}{}
		case link.InputReply:
			inputs <- f
		}
	}
}

func fakeRun(f *link.Frame, out *link.Writer, interrupts chan struct{}, inputs chan *link.Frame) {
	done := &link.Frame{Kind: link.Done, Cell: f.Cell}
	cmd, arg, _ := strings.Cut(f.Code, ":")
	switch cmd {
	case "stderr":
		fmt.Fprint(os.Stderr, arg)
	case "stderrread": // as gokernel's worker does when its stderr pipe is empty
		fmt.Fprint(os.Stderr, arg)
		for !stderrDrained() {
			goruntime.Gosched() // until the front's reader has taken the bytes
		}
		done.StderrRead = true
		_ = out.Write(done)
		return
	case "print":
		_ = out.Write(&link.Frame{Kind: link.Output, Cell: f.Cell, Event: &link.Event{Kind: "stream", Name: "stdout", Text: arg}})
	case "pid":
		done.Result = &link.Bundle{Data: map[string]any{"text/plain": strconv.Itoa(os.Getpid())}}
	case "exit":
		n, _ := strconv.Atoi(arg)
		os.Exit(n)
	case "panic":
		go panic(arg)
		select {}
	case "sleep":
		<-interrupts
		done.Error = &link.Error{Name: "Interrupted", Value: "interrupted", Traceback: []string{}}
	case "deaf":
		select {}
	case "retire":
		done.Retire = true
		done.Error = &link.Error{Name: "HardInterrupt", Value: "stuck", Traceback: []string{}}
	case "input":
		_ = out.Write(&link.Frame{Kind: link.InputRequest, Cell: f.Cell, Prompt: arg})
		r := <-inputs
		done.Result = &link.Bundle{Data: map[string]any{"text/plain": r.Value}}
	}
	fmt.Fprintf(os.Stderr, "%s%s\x00\n", SyncMarker, f.Cell)
	_ = out.Write(done)
}

// stderrDrained reports whether the pipe behind fd 2 is empty.
func stderrDrained() bool {
	var n int32
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, 2, syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	return errno == 0 && n == 0
}

// recorder is a kernel.Host that keeps what it is told.
type recorder struct {
	mu       sync.Mutex
	outputs  []kernel.Output
	restarts int
	answer   string
}

func (r *recorder) Output(o kernel.Output) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outputs = append(r.outputs, o)
}

func (r *recorder) Input(ctx context.Context, cell, prompt string, password bool) (string, error) {
	return r.answer + prompt, nil
}

func (r *recorder) Restarted() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.restarts++
}

func startFake(t *testing.T, grace time.Duration) (*Executor, *recorder) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{answer: "answer to "}
	e, err := Start(Options{
		Command: []string{exe},
		Env:     append(os.Environ(), "GOKERNEL_FAKE_WORKER=1"),
		Grace:   grace,
	}, rec)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, rec
}

func run(e *Executor, code string) kernel.ExecuteReply {
	return e.Execute(context.Background(), kernel.ExecuteRequest{CellID: code, Code: code})
}

func TestOutputBeforeDone(t *testing.T) {
	e, rec := startFake(t, time.Minute)
	rep := run(e, "print:hello")
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.outputs) != 1 || rec.outputs[0].Text != "hello" || rec.outputs[0].CellID != "print:hello" {
		t.Fatalf("outputs %+v", rec.outputs)
	}
}

func TestStderrBelongsToItsCell(t *testing.T) {
	e, rec := startFake(t, time.Minute)
	for i := 0; i < 20; i++ {
		code := fmt.Sprintf("stderr:line %d\n", i)
		if rep := run(e, code); rep.Err != nil {
			t.Fatal(rep.Err)
		}
		rec.mu.Lock()
		n := len(rec.outputs)
		last := rec.outputs[n-1]
		rec.mu.Unlock()
		if last.CellID != code || last.Name != "stderr" || last.Text != fmt.Sprintf("line %d\n", i) {
			t.Fatalf("cell %d: last output %+v", i, last)
		}
	}
}

// TestStderrReadWithoutMarker checks the path a worker takes when its
// stderr pipe is empty at the end of a cell: no sync marker, and still all
// of the cell's stderr (a line that looks like a crash report included,
// since the worker lives on) is out when Execute returns.
func TestStderrReadWithoutMarker(t *testing.T) {
	e, rec := startFake(t, time.Minute)
	for i := 0; i < 20; i++ {
		text := fmt.Sprintf("line %d\n", i)
		if i%2 == 1 {
			text = fmt.Sprintf("panic: only text %d\n", i)
		}
		code := "stderrread:" + text
		if rep := run(e, code); rep.Err != nil {
			t.Fatal(rep.Err)
		}
		rec.mu.Lock()
		var got strings.Builder
		for _, o := range rec.outputs {
			if o.CellID == code {
				got.WriteString(o.Text)
			}
		}
		rec.mu.Unlock()
		if got.String() != text {
			t.Fatalf("cell %d: stderr %q when Execute returned, want %q", i, got.String(), text)
		}
	}
}

func TestInputRoundTrip(t *testing.T) {
	e, _ := startFake(t, time.Minute)
	rep := run(e, "input:name?")
	if rep.Result == nil || rep.Result.Data["text/plain"] != "answer to name?" {
		t.Fatalf("reply %+v", rep)
	}
}

func TestDeathIsReportedAndWorkerReplaced(t *testing.T) {
	cases := []struct {
		code, name, mention string
	}{
		{"exit:3", "WorkerExited", "status 3"},
		{"panic:kaboom", "WorkerCrashed", "panic: kaboom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, rec := startFake(t, time.Minute)
			before := run(e, "pid").Result.Data["text/plain"]
			rep := run(e, c.code)
			if rep.Err == nil || rep.Err.Name != c.name || !strings.Contains(rep.Err.Value, c.mention) {
				t.Fatalf("reply %+v", rep.Err)
			}
			if !strings.Contains(rep.Err.Value, "session state was reset") {
				t.Errorf("reply does not say the state was reset: %q", rep.Err.Value)
			}
			after := run(e, "pid")
			if after.Err != nil || after.Result.Data["text/plain"] == before {
				t.Fatalf("next cell after death: %+v (pid before %v)", after, before)
			}
			rec.mu.Lock()
			defer rec.mu.Unlock()
			if rec.restarts != 1 {
				t.Errorf("host told of %d restarts, want 1", rec.restarts)
			}
		})
	}
}

func TestRetiringWorkerIsReplaced(t *testing.T) {
	e, rec := startFake(t, time.Minute)
	before := run(e, "pid").Result.Data["text/plain"]
	rep := run(e, "retire")
	if rep.Err == nil || rep.Err.Name != "HardInterrupt" || !strings.Contains(rep.Err.Value, "session state was reset") {
		t.Fatalf("reply %+v", rep.Err)
	}
	after := run(e, "pid")
	if after.Err != nil || after.Result.Data["text/plain"] == before {
		t.Fatalf("after retiring: %+v (pid before %v)", after, before)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, o := range rec.outputs {
		if o.Name == "stderr" {
			t.Errorf("retiring worker reported as a death: %q", o.Text)
		}
	}
}

func TestSoftInterrupt(t *testing.T) {
	e, _ := startFake(t, time.Minute)
	pid := run(e, "pid").Result.Data["text/plain"]
	res := make(chan kernel.ExecuteReply, 1)
	go func() { res <- run(e, "sleep") }()
	waitRunning(t, e)
	e.Interrupt()
	rep := <-res
	if rep.Err == nil || rep.Err.Name != "Interrupted" {
		t.Fatalf("reply %+v", rep)
	}
	if again := run(e, "pid").Result.Data["text/plain"]; again != pid {
		t.Errorf("soft interrupt replaced the worker: pid %v then %v", pid, again)
	}
}

func TestHardInterrupt(t *testing.T) {
	e, _ := startFake(t, 50*time.Millisecond)
	res := make(chan kernel.ExecuteReply, 1)
	go func() { res <- run(e, "deaf") }()
	waitRunning(t, e)
	e.Interrupt()
	rep := <-res
	if rep.Err == nil || rep.Err.Name != "HardInterrupt" {
		t.Fatalf("reply %+v", rep.Err)
	}
	if next := run(e, "print:x"); next.Err != nil {
		t.Errorf("cell after hard interrupt: %+v", next.Err)
	}
}

// waitRunning waits until e has a cell in flight (polling the executor's
// own state, not the clock).
func waitRunning(t *testing.T, e *Executor) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		e.mu.Lock()
		r := e.running != nil
		e.mu.Unlock()
		if r {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal(fmt.Errorf("no cell started"))
}

func TestCrashReason(t *testing.T) {
	stderr := "some output\nruntime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw()\n"
	reason, stack := crashReason(stderr)
	if reason != "runtime: goroutine stack exceeds 1000000000-byte limit; fatal error: stack overflow" {
		t.Errorf("reason %q", reason)
	}
	if len(stack) == 0 || stack[0] != "runtime stack:" {
		t.Errorf("stack %q", stack)
	}
	if r, _ := crashReason("just text\n"); r != "" {
		t.Errorf("reason from ordinary stderr: %q", r)
	}
}

func TestStderrSplitter(t *testing.T) {
	var text []string
	var syncs []string
	s := &stderrSplitter{text: func(x string) { text = append(text, x) }, sync: func(c string) { syncs = append(syncs, c) }}
	in := "a\nb" + SyncMarker + "c1\x00\npanic: not fatal\nmore\n" + SyncMarker + "c2\x00\nfatal error: x\n"
	for i := 0; i < len(in); i += 3 { // arrive in small chunks, splitting markers
		s.write([]byte(in[i:min(i+3, len(in))]))
	}
	if got := strings.Join(text, ""); got != "a\nbpanic: not fatal\nmore\n" {
		t.Errorf("text %q", got)
	}
	if strings.Join(syncs, ",") != "c1,c2" {
		t.Errorf("syncs %q", syncs)
	}
	if s.held.String() != "fatal error: x\n" {
		t.Errorf("held %q", s.held.String())
	}
}
