package kernel

import (
	"context"
	"strings"
)

// executeContent is the content of an execute_request.
type executeContent struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

// executeLoop runs queued execute requests one at a time until ctx is done.
func (k *Kernel) executeLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case r := <-k.queue:
			a := &announcement{k: k, msg: r.msg}
			k.announcing.Store(a)
			k.execute(ctx, r, a)
			a.do() // busy, at the latest now
			k.announcing.Store(nil)
			k.status(r.msg, "idle")
		}
	}
}

// execute runs one execute request; a announces it (busy, execute_input)
// once the executor has the cell, or before any reply.
func (k *Kernel) execute(ctx context.Context, r request, a *announcement) {
	var c executeContent
	if err := decode(r.msg, &c); err != nil {
		a.do()
		k.badRequest(r, err)
		return
	}
	store := boolOr(c.StoreHistory, !c.Silent) && !c.Silent
	count := k.nextCount(store)
	if !c.Silent {
		a.input = map[string]any{"code": c.Code, "execution_count": count}
	}
	if name := helpTarget(c.Code); name != "" {
		a.do()
		k.help(r, name, count, store, c.Code)
		return
	}
	cell := r.msg.Header.MsgID
	k.cells.add(cell, r.msg)
	rep := k.exec.Execute(ctx, ExecuteRequest{CellID: cell, Code: c.Code, AllowStdin: boolOr(c.AllowStdin, true), Sent: a.do})
	a.do()
	if store {
		k.history.add(count, c.Code)
	}
	if rep.Err != nil {
		k.failed(r, count, rep.Err, boolOr(c.StopOnError, true))
		return
	}
	if rep.Result != nil && !c.Silent {
		k.publish(IOPub, r.msg, "execute_result", map[string]any{
			"execution_count": count, "data": rep.Result.Data, "metadata": orEmpty(rep.Result.Metadata),
		})
	}
	if strings.TrimSpace(c.Code) != "" {
		k.lang.Record(c.Code)
	}
	k.reply(r, map[string]any{
		"status": "ok", "execution_count": count, "payload": []any{},
		"user_expressions": userExpressions(c.UserExpressions),
	})
}

// help answers a help cell (`?name`) without running anything.
func (k *Kernel) help(r request, name string, count int, store bool, code string) {
	if store {
		k.history.add(count, code)
	}
	payload, err := k.page(name)
	if err != nil {
		k.failed(r, count, err, false)
		return
	}
	k.reply(r, map[string]any{"status": "ok", "execution_count": count, "payload": payload, "user_expressions": map[string]any{}})
}

// failed publishes a cell's error, answers it, and with stopOnError aborts
// the execute requests already queued behind it.
func (k *Kernel) failed(r request, count int, e *CellError, stopOnError bool) {
	// The requests queued now are the ones to abort; a client that sends
	// one after it has seen the error reply wants it to run.
	queued := len(k.queue)
	tb := e.Traceback
	if tb == nil {
		tb = []string{}
	}
	k.publish(IOPub, r.msg, "error", map[string]any{"ename": e.Name, "evalue": e.Value, "traceback": tb})
	k.reply(r, map[string]any{
		"status": "error", "execution_count": count,
		"ename": e.Name, "evalue": e.Value, "traceback": tb,
	})
	if stopOnError {
		k.abortQueued(queued)
	}
}

// abortQueued answers the first n execute requests waiting in the queue
// with status "aborted", without running them (what "Run All" relies on).
func (k *Kernel) abortQueued(n int) {
	for ; n > 0; n-- {
		select {
		case r := <-k.queue:
			k.status(r.msg, "busy")
			// No execution_count: the cell did not run, and clients show
			// "In [ ]" for it, as they do with ipykernel.
			k.reply(r, map[string]any{"status": "aborted"})
			k.status(r.msg, "idle")
		default:
			return
		}
	}
}

// nextCount returns the execution count of a new request, incrementing the
// counter when the request is stored in history.
func (k *Kernel) nextCount(store bool) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	if store {
		k.counter++
	}
	return k.counter
}

// userExpressions answers user_expressions: gokernel does not evaluate them
// (an expression would run in the session with side effects), and says so
// per expression as the protocol allows.
func userExpressions(in map[string]string) map[string]any {
	out := make(map[string]any, len(in))
	for name := range in {
		out[name] = map[string]any{
			"status": "error", "ename": "NotSupported",
			"evalue": "gokernel does not evaluate user_expressions", "traceback": []string{},
		}
	}
	return out
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
