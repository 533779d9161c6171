package kernel

import "context"

// dispatchTable maps every request type answered on the receive loop to its
// handler. execute_request is queued instead (see execute.go).
func (k *Kernel) dispatchTable() map[string]handler {
	return map[string]handler{
		"kernel_info_request": k.kernelInfo,
		"complete_request":    k.complete,
		"inspect_request":     k.inspect,
		"is_complete_request": k.isComplete,
		"history_request":     k.historyRequest,
		"comm_info_request":   k.commInfo,
		"interrupt_request":   k.interrupt,
		"shutdown_request":    k.shutdown,
		"comm_open":           k.ignore,
		"comm_msg":            k.ignore,
		"comm_close":          k.ignore,
	}
}

func (k *Kernel) kernelInfo(_ context.Context, r request) error {
	k.reply(r, k.info.content())
	return nil
}

func (k *Kernel) complete(_ context.Context, r request) error {
	var c struct {
		Code      string `json:"code"`
		CursorPos *int   `json:"cursor_pos"`
	}
	if err := decode(r.msg, &c); err != nil {
		return k.badRequest(r, err)
	}
	cursor := codePoints(c.Code)
	if c.CursorPos != nil {
		cursor = *c.CursorPos
	}
	res := k.lang.Complete(c.Code, cursor)
	if res.Matches == nil {
		res.Matches = []string{}
	}
	if res.Metadata == nil {
		res.Metadata = map[string]any{}
	}
	k.reply(r, map[string]any{
		"status": "ok", "matches": res.Matches,
		"cursor_start": res.CursorStart, "cursor_end": res.CursorEnd,
		"metadata": res.Metadata,
	})
	return nil
}

func (k *Kernel) inspect(_ context.Context, r request) error {
	var c struct {
		Code        string `json:"code"`
		CursorPos   *int   `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if err := decode(r.msg, &c); err != nil {
		return k.badRequest(r, err)
	}
	cursor := codePoints(c.Code)
	if c.CursorPos != nil {
		cursor = *c.CursorPos
	}
	found, data := k.lang.Inspect(c.Code, cursor, c.DetailLevel)
	if data == nil {
		data = map[string]any{}
	}
	k.reply(r, map[string]any{"status": "ok", "found": found, "data": data, "metadata": map[string]any{}})
	return nil
}

func (k *Kernel) isComplete(_ context.Context, r request) error {
	var c struct {
		Code string `json:"code"`
	}
	if err := decode(r.msg, &c); err != nil {
		return k.badRequest(r, err)
	}
	status, indent := k.lang.IsComplete(c.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.reply(r, content)
	return nil
}

func (k *Kernel) commInfo(_ context.Context, r request) error {
	k.reply(r, map[string]any{"status": "ok", "comms": map[string]any{}})
	return nil
}

func (k *Kernel) interrupt(_ context.Context, r request) error {
	k.exec.Interrupt()
	k.reply(r, map[string]any{"status": "ok"})
	return nil
}

// shutdown answers, tells every client on iopub (as ipykernel does) and
// makes Serve return ErrShutdown. A restart is the client's to perform: it
// starts a new kernel process.
func (k *Kernel) shutdown(_ context.Context, r request) error {
	var c struct {
		Restart bool `json:"restart"`
	}
	if err := decode(r.msg, &c); err != nil {
		return k.badRequest(r, err)
	}
	content := map[string]any{"status": "ok", "restart": c.Restart}
	k.reply(r, content)
	k.publish(IOPub, r.msg, "shutdown_reply", content)
	k.exec.Interrupt()
	return ErrShutdown
}

func (k *Kernel) ignore(context.Context, request) error { return nil }

// badRequest logs a request whose content does not fit its type and answers
// it with an error reply, so the client does not wait out a timeout.
func (k *Kernel) badRequest(r request, err error) error {
	k.log.Print(err)
	k.reply(r, errorReply("BadRequest", err.Error()))
	return nil
}

// codePoints is the length of s in Unicode code points, the unit Jupyter
// uses for cursor positions.
func codePoints(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
