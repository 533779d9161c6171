package kernel

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"

	"github.com/gokernel/gokernel/kernel/wire"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeExec runs cells written in a tiny command language:
// "print:T" prints T, "value:V" returns V, "fail" fails, "block" waits
// for release or an interrupt, "input:P" asks for a line and returns it.
type fakeExec struct {
	host       Host
	started    chan string
	release    chan struct{}
	interrupts atomic.Int32
	interrupt  chan struct{}
}

func newFakeExec() *fakeExec {
	return &fakeExec{started: make(chan string, 16), release: make(chan struct{}), interrupt: make(chan struct{}, 16)}
}

func (f *fakeExec) Execute(ctx context.Context, req ExecuteRequest) ExecuteReply {
	f.started <- req.Code
	cmd, arg, _ := strings.Cut(req.Code, ":")
	switch cmd {
	case "early": // output before the cell counts as sent
		f.host.Output(Output{CellID: req.CellID, Kind: "stream", Name: "stdout", Text: arg})
		return ExecuteReply{}
	case "racing": // output from another goroutine while Sent runs
		done := make(chan struct{})
		go func() {
			defer close(done)
			f.host.Output(Output{CellID: req.CellID, Kind: "stream", Name: "stdout", Text: arg})
		}()
		req.Sent()
		<-done
		return ExecuteReply{}
	}
	if req.Sent != nil {
		req.Sent()
	}
	switch cmd {
	case "print":
		f.host.Output(Output{CellID: req.CellID, Kind: "stream", Name: "stdout", Text: arg})
	case "value":
		return ExecuteReply{Result: &Bundle{Data: map[string]any{"text/plain": arg}}}
	case "fail":
		return ExecuteReply{Err: &CellError{Name: "panic", Value: "boom", Traceback: []string{"panic: boom"}}}
	case "block":
		select {
		case <-f.release:
		case <-f.interrupt:
			return ExecuteReply{Err: &CellError{Name: "Interrupted", Value: "interrupted"}}
		case <-ctx.Done():
		}
	case "input":
		v, err := f.host.Input(ctx, req.CellID, arg, false)
		if err != nil {
			return ExecuteReply{Err: &CellError{Name: "InputError", Value: err.Error()}}
		}
		return ExecuteReply{Result: &Bundle{Data: map[string]any{"text/plain": v}}}
	}
	return ExecuteReply{}
}

func (f *fakeExec) Interrupt() {
	f.interrupts.Add(1)
	f.interrupt <- struct{}{}
}

func (f *fakeExec) Close() error { return nil }

// fakeLang answers with fixed, recognisable values and records cells.
type fakeLang struct {
	recorded atomic.Int32
	resets   atomic.Int32
}

func (l *fakeLang) Complete(code string, cursor int) Completion {
	return Completion{Matches: []string{"Println", "Printf"}, CursorStart: cursor - 4, CursorEnd: cursor}
}
func (l *fakeLang) Inspect(code string, cursor, detail int) (bool, map[string]any) {
	return true, map[string]any{"text/plain": "func Println(a ...any)"}
}
func (l *fakeLang) IsComplete(code string) (string, string) {
	if strings.HasSuffix(code, "{") {
		return "incomplete", "\t"
	}
	return "complete", ""
}
func (l *fakeLang) Record(string) { l.recorded.Add(1) }
func (l *fakeLang) Reset()        { l.resets.Add(1) }

type harness struct {
	t    *memTransport
	exec *fakeExec
	lang *fakeLang
	k    *Kernel
	done chan error
	stop context.CancelFunc
}

func start(tb testing.TB) *harness {
	h := &harness{t: newMemTransport(), exec: newFakeExec(), lang: &fakeLang{}, done: make(chan error, 1)}
	h.k = New(Config{Transport: h.t, Language: h.lang})
	h.exec.host = h.k
	ctx, cancel := context.WithCancel(context.Background())
	h.stop = cancel
	go func() { h.done <- h.k.Serve(ctx, h.exec) }()
	tb.Cleanup(func() {
		cancel()
		if err := <-h.done; err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, ErrShutdown) {
			tb.Errorf("Serve: %v", err)
		}
	})
	starting := h.t.next(tb, IOPub)
	if content(tb, starting)["execution_state"] != "starting" {
		tb.Fatalf("first iopub message: %s", starting.Content)
	}
	return h
}

func (h *harness) execute(code string, extra map[string]any) *wire.Message {
	c := map[string]any{"code": code, "silent": false, "store_history": true, "allow_stdin": true, "stop_on_error": true}
	for k, v := range extra {
		c[k] = v
	}
	return h.t.send(Shell, newRequest("execute_request", c))
}

func TestKernelInfoOnShellAndControl(t *testing.T) {
	h := start(t)
	for _, ch := range []Channel{Shell, Control} {
		req := h.t.send(ch, newRequest("kernel_info_request", map[string]any{}))
		rep := h.t.next(t, ch)
		if rep.Header.MsgType != "kernel_info_reply" || parentID(rep) != req.Header.MsgID {
			t.Fatalf("%s: got %s parented by %s", ch, rep.Header.MsgType, parentID(rep))
		}
		if string(rep.Identities[0]) != "client-kernel_info_request" {
			t.Errorf("%s: reply routed to %q", ch, rep.Identities[0])
		}
		c := content(t, rep)
		li := c["language_info"].(map[string]any)
		if c["protocol_version"] != wire.ProtocolVersion || li["name"] != "go" || li["mimetype"] != "text/x-go" || li["file_extension"] != ".go" {
			t.Errorf("%s: content %v", ch, c)
		}
		if got := types(h.t.iopubUntilIdle(t, req)); got != "status(busy) status(idle) " {
			t.Errorf("%s: iopub %s", ch, got)
		}
	}
}

func TestExecutePublishesInOrder(t *testing.T) {
	h := start(t)
	req := h.execute("print:hi\n", nil)
	rep := h.t.next(t, Shell)
	c := content(t, rep)
	if c["status"] != "ok" || c["execution_count"] != float64(1) {
		t.Fatalf("reply %v", c)
	}
	got := types(h.t.iopubUntilIdle(t, req))
	if got != "status(busy) execute_input stream status(idle) " {
		t.Errorf("iopub: %s", got)
	}
	req = h.execute("value:42", nil)
	if c := content(t, h.t.next(t, Shell)); c["execution_count"] != float64(2) {
		t.Fatalf("second reply %v", c)
	}
	msgs := h.t.iopubUntilIdle(t, req)
	if got := types(msgs); got != "status(busy) execute_input execute_result status(idle) " {
		t.Fatalf("iopub: %s", got)
	}
	res := content(t, msgs[2])
	if res["data"].(map[string]any)["text/plain"] != "42" || res["execution_count"] != float64(2) {
		t.Errorf("execute_result %v", res)
	}
	if h.lang.recorded.Load() != 2 {
		t.Errorf("recorded %d cells, want 2", h.lang.recorded.Load())
	}
}

// TestAnnouncementPrecedesOutput checks that busy and execute_input come
// before a cell's output however the executor's output and its Sent call
// interleave (the kernel announces a cell while it already runs).
func TestAnnouncementPrecedesOutput(t *testing.T) {
	h := start(t)
	for i := range 50 {
		code := "racing:x"
		if i%2 == 1 {
			code = "early:x"
		}
		req := h.execute(code, nil)
		<-h.exec.started
		if c := content(t, h.t.next(t, Shell)); c["status"] != "ok" {
			t.Fatalf("%s: reply %v", code, c)
		}
		if got := types(h.t.iopubUntilIdle(t, req)); got != "status(busy) execute_input stream status(idle) " {
			t.Fatalf("%s, run %d: iopub %s", code, i, got)
		}
	}
}

func TestSilentExecute(t *testing.T) {
	h := start(t)
	h.execute("value:1", nil)
	h.t.next(t, Shell)
	req := h.execute("value:2", map[string]any{"silent": true})
	if c := content(t, h.t.next(t, Shell)); c["execution_count"] != float64(1) {
		t.Errorf("silent cell changed the count: %v", c)
	}
	if got := types(h.t.iopubUntilIdle(t, req)); got != "status(busy) status(idle) " {
		t.Errorf("silent iopub: %s", got)
	}
}

func TestStopOnErrorAbortsQueued(t *testing.T) {
	h := start(t)
	first := h.execute("block", nil)
	if code := <-h.exec.started; code != "block" {
		t.Fatalf("started %q", code)
	}
	h.execute("value:never", nil)
	h.execute("value:never", nil)
	// A request handled on the receive loop proves both executes were queued.
	h.t.send(Shell, newRequest("is_complete_request", map[string]any{"code": "x"}))
	if rep := h.t.next(t, Shell); rep.Header.MsgType != "is_complete_reply" {
		t.Fatalf("got %s", rep.Header.MsgType)
	}
	h.t.send(Control, newRequest("interrupt_request", map[string]any{}))
	h.t.next(t, Control)
	rep := h.t.next(t, Shell)
	if parentID(rep) != first.Header.MsgID || content(t, rep)["status"] != "error" {
		t.Fatalf("first reply %s", rep.Content)
	}
	for i := 0; i < 2; i++ {
		if c := content(t, h.t.next(t, Shell)); c["status"] != "aborted" {
			t.Errorf("queued reply %d: %v", i, c)
		}
	}
	select {
	case code := <-h.exec.started:
		t.Errorf("aborted cell %q ran", code)
	default:
	}
	h.execute("value:after", nil)
	if c := content(t, h.t.next(t, Shell)); c["status"] != "ok" {
		t.Errorf("cell after the aborted ones: %v", c)
	}
}

func TestErrorReplyAndMessage(t *testing.T) {
	h := start(t)
	req := h.execute("fail", map[string]any{"stop_on_error": false})
	c := content(t, h.t.next(t, Shell))
	if c["status"] != "error" || c["ename"] != "panic" || c["evalue"] != "boom" {
		t.Fatalf("reply %v", c)
	}
	msgs := h.t.iopubUntilIdle(t, req)
	if got := types(msgs); got != "status(busy) execute_input error status(idle) " {
		t.Fatalf("iopub %s", got)
	}
	if tb, ok := content(t, msgs[2])["traceback"].([]any); !ok || len(tb) != 1 {
		t.Errorf("traceback %v", content(t, msgs[2])["traceback"])
	}
}

func TestQuestionsAnsweredWhileCellRuns(t *testing.T) {
	h := start(t)
	h.execute("block", nil)
	<-h.exec.started
	for _, q := range []struct{ typ, reply string }{
		{"complete_request", "complete_reply"},
		{"inspect_request", "inspect_reply"},
		{"is_complete_request", "is_complete_reply"},
		{"kernel_info_request", "kernel_info_reply"},
		{"comm_info_request", "comm_info_reply"},
		{"history_request", "history_reply"},
	} {
		h.t.send(Shell, newRequest(q.typ, map[string]any{"code": "fmt.Prin", "cursor_pos": 8, "hist_access_type": "tail", "n": 1}))
		if rep := h.t.next(t, Shell); rep.Header.MsgType != q.reply {
			t.Errorf("%s: got %s", q.typ, rep.Header.MsgType)
		}
	}
	close(h.exec.release)
	if c := content(t, h.t.next(t, Shell)); c["status"] != "ok" {
		t.Errorf("blocked cell: %v", c)
	}
}

func TestCompleteInspectIsComplete(t *testing.T) {
	h := start(t)
	h.t.send(Shell, newRequest("complete_request", map[string]any{"code": "fmt.Prin", "cursor_pos": 8}))
	c := content(t, h.t.next(t, Shell))
	if c["cursor_start"] != float64(4) || c["cursor_end"] != float64(8) || len(c["matches"].([]any)) != 2 {
		t.Errorf("complete %v", c)
	}
	h.t.send(Shell, newRequest("inspect_request", map[string]any{"code": "fmt.Println", "cursor_pos": 5, "detail_level": 0}))
	if c := content(t, h.t.next(t, Shell)); c["found"] != true || c["status"] != "ok" {
		t.Errorf("inspect %v", c)
	}
	h.t.send(Shell, newRequest("is_complete_request", map[string]any{"code": "for {"}))
	if c := content(t, h.t.next(t, Shell)); c["status"] != "incomplete" || c["indent"] != "\t" {
		t.Errorf("is_complete %v", c)
	}
}

func TestHistory(t *testing.T) {
	h := start(t)
	for _, code := range []string{"value:a", "print:b", "value:a2"} {
		h.execute(code, nil)
		h.t.next(t, Shell)
	}
	ask := func(c map[string]any) []any {
		h.t.send(Shell, newRequest("history_request", c))
		return content(t, h.t.next(t, Shell))["history"].([]any)
	}
	if got := ask(map[string]any{"hist_access_type": "tail", "n": 2}); len(got) != 2 || got[1].([]any)[2] != "value:a2" {
		t.Errorf("tail: %v", got)
	}
	if got := ask(map[string]any{"hist_access_type": "range", "session": 0, "start": 2, "stop": 3}); len(got) != 1 || got[0].([]any)[1] != float64(2) {
		t.Errorf("range: %v", got)
	}
	if got := ask(map[string]any{"hist_access_type": "search", "pattern": "value:a*"}); len(got) != 2 {
		t.Errorf("search: %v", got)
	}
}

func TestStdinRoundTrip(t *testing.T) {
	h := start(t)
	h.execute("input:name? ", nil)
	ir := h.t.next(t, Stdin)
	if ir.Header.MsgType != "input_request" || content(t, ir)["prompt"] != "name? " {
		t.Fatalf("got %s %s", ir.Header.MsgType, ir.Content)
	}
	if string(ir.Identities[0]) != "client-execute_request" {
		t.Errorf("input_request routed to %q", ir.Identities[0])
	}
	// As jupyter_client does: an input_reply without a parent header.
	h.t.send(Stdin, newRequest("input_reply", map[string]any{"value": "gopher"}))
	h.t.next(t, Shell)
	var res map[string]any
	for res == nil {
		m := h.t.next(t, IOPub)
		if m.Header.MsgType == "execute_result" {
			res = content(t, m)
		}
	}
	if res["data"].(map[string]any)["text/plain"] != "gopher" {
		t.Errorf("result %v", res)
	}
}

func TestUnknownAndBadRequests(t *testing.T) {
	h := start(t)
	h.t.send(Shell, newRequest("no_such_request", map[string]any{}))
	h.t.send(Shell, &wire.Message{Header: wire.NewHeader("complete_request", "s", "u"), Content: []byte(`{"code": 5}`)})
	if c := content(t, h.t.next(t, Shell)); c["status"] != "error" || c["ename"] != "BadRequest" {
		t.Errorf("bad content reply: %v", c)
	}
	h.t.send(Shell, newRequest("kernel_info_request", map[string]any{}))
	if rep := h.t.next(t, Shell); rep.Header.MsgType != "kernel_info_reply" {
		t.Errorf("after bad requests: %s", rep.Header.MsgType)
	}
	h.t.none(t, Shell)
}

func TestLateOutputGoesToItsCell(t *testing.T) {
	h := start(t)
	first := h.execute("value:1", nil)
	h.t.next(t, Shell)
	h.execute("block", nil)
	<-h.exec.started
	<-h.exec.started
	h.k.Output(Output{CellID: first.Header.MsgID, Kind: "stream", Name: "stdout", Text: "late\n"})
	for {
		m := h.t.next(t, IOPub)
		if m.Header.MsgType == "stream" {
			if parentID(m) != first.Header.MsgID {
				t.Errorf("late output parented by %s, want %s", parentID(m), first.Header.MsgID)
			}
			break
		}
	}
	close(h.exec.release)
	h.t.next(t, Shell)
}

func TestShutdown(t *testing.T) {
	h := start(t)
	h.t.send(Control, newRequest("shutdown_request", map[string]any{"restart": true}))
	rep := h.t.next(t, Control)
	if c := content(t, rep); rep.Header.MsgType != "shutdown_reply" || c["restart"] != true {
		t.Fatalf("got %s %v", rep.Header.MsgType, c)
	}
	if err := <-h.done; !errors.Is(err, ErrShutdown) {
		t.Fatalf("Serve returned %v", err)
	}
	h.done <- nil
}

func TestHelpCellPages(t *testing.T) {
	h := start(t)
	for _, code := range []string{"?fmt.Println", "fmt.Println?", "  ? fmt.Println  "} {
		h.execute(code, nil)
		c := content(t, h.t.next(t, Shell))
		p, ok := c["payload"].([]any)
		if c["status"] != "ok" || !ok || len(p) != 1 || p[0].(map[string]any)["source"] != "page" {
			t.Errorf("%q: reply %v", code, c)
		}
	}
	select {
	case code := <-h.exec.started:
		t.Errorf("help cell %q reached the executor", code)
	default:
	}
	for _, code := range []string{"a ? b", "?", "x := 1 // ?"} {
		if helpTarget(code) != "" {
			t.Errorf("%q taken for a help cell", code)
		}
	}
}
