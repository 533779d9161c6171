package kernel

import (
	"regexp"
	"strings"
)

// pageQuery matches the IPython-style help cells `?fmt.Println` and
// `fmt.Println?`: the kernel answers them itself, from the Language, with
// a "page" payload that clients show in their pager.
var pageQuery = regexp.MustCompile(`^\s*(\?\s*([\pL_][\pL\pN_]*(?:\.[\pL_][\pL\pN_]*)*)|([\pL_][\pL\pN_]*(?:\.[\pL_][\pL\pN_]*)*)\s*\?)\s*$`)

// helpTarget returns the name a help cell asks about, or "".
func helpTarget(code string) string {
	m := pageQuery.FindStringSubmatch(code)
	if m == nil {
		return ""
	}
	return m[2] + m[3]
}

// page answers a help cell: the payload of its execute_reply, or a cell
// error when the name is unknown.
func (k *Kernel) page(name string) ([]any, *CellError) {
	found, data := k.lang.Inspect(name, codePoints(name), 1)
	if !found {
		msg := "no documentation found for " + name
		return nil, &CellError{Name: "NameError", Value: msg, Traceback: []string{"NameError: " + msg}}
	}
	if _, ok := data["text/plain"]; !ok {
		data["text/plain"] = strings.TrimSpace(name)
	}
	return []any{map[string]any{"source": "page", "data": data, "start": 0}}, nil
}
