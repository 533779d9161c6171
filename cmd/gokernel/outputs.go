package main

import "github.com/gokernel/gokernel/kernel/wire"

// record adds one iopub message to the outputs of the cell that caused it
// and reports whether it is the idle status of the request current.
func (r *cellRunner) record(m *wire.Message, current string) bool {
	parent := parentOf(m)
	c := contentMap(m)
	if m.Header.MsgType == "status" {
		return parent == current && c["execution_state"] == "idle"
	}
	if m.Header.MsgType == "update_display_data" {
		r.updateDisplay(c)
		return false
	}
	i, ok := r.byMsg[parent]
	if !ok {
		return false
	}
	switch m.Header.MsgType {
	case "stream":
		r.addStream(i, c)
	case "display_data":
		r.add(i, map[string]any{"output_type": "display_data", "data": c["data"], "metadata": orObject(c["metadata"])}, displayID(c))
	case "execute_result":
		r.add(i, map[string]any{"output_type": "execute_result", "data": c["data"], "metadata": orObject(c["metadata"]), "execution_count": c["execution_count"]}, "")
	case "error":
		r.add(i, map[string]any{"output_type": "error", "ename": c["ename"], "evalue": c["evalue"], "traceback": c["traceback"]}, "")
	case "clear_output":
		if wait, _ := c["wait"].(bool); wait {
			r.clearNext[i] = true
		} else {
			r.nb.cells[i]["outputs"] = []any{}
		}
	}
	return false
}

// add appends an output to cell i, first clearing a pending wait=true
// clear_output, and remembers it under its display_id.
func (r *cellRunner) add(i int, out map[string]any, id string) {
	if r.clearNext[i] {
		r.nb.cells[i]["outputs"] = []any{}
		delete(r.clearNext, i)
	}
	outs, _ := r.nb.cells[i]["outputs"].([]any)
	r.nb.cells[i]["outputs"] = append(outs, out)
	if id != "" {
		r.displays[id] = append(r.displays[id], out)
	}
}

// addStream merges consecutive writes to the same stream, as Jupyter shows them.
func (r *cellRunner) addStream(i int, c map[string]any) {
	text, _ := c["text"].(string)
	outs, _ := r.nb.cells[i]["outputs"].([]any)
	if n := len(outs); n > 0 && !r.clearNext[i] {
		if last, ok := outs[n-1].(map[string]any); ok && last["output_type"] == "stream" && last["name"] == c["name"] {
			last["text"] = lines(joinLines(last["text"]) + text)
			return
		}
	}
	r.add(i, map[string]any{"output_type": "stream", "name": c["name"], "text": lines(text)}, "")
}

// updateDisplay replaces the data of every output showing the display_id.
func (r *cellRunner) updateDisplay(c map[string]any) {
	for _, out := range r.displays[displayID(c)] {
		out["data"] = c["data"]
		out["metadata"] = orObject(c["metadata"])
	}
}

func displayID(c map[string]any) string {
	t, _ := c["transient"].(map[string]any)
	id, _ := t["display_id"].(string)
	return id
}

func joinLines(v any) string {
	list, _ := v.([]any)
	s := ""
	for _, l := range list {
		str, _ := l.(string)
		s += str
	}
	return s
}

func orObject(v any) any {
	if v == nil {
		return map[string]any{}
	}
	return v
}
