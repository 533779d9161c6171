package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// notebook is an nbformat 4 document. Fields the runner does not touch are
// kept as they were read, so that a run changes only outputs, execution
// counts and the kernelspec.
type notebook struct {
	raw   map[string]any
	cells []map[string]any
}

func readNotebook(path string) (*notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gokernel: read notebook: %w", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("gokernel: %s is not a JSON notebook: %w", path, err)
	}
	if v, _ := raw["nbformat"].(float64); v != 4 {
		return nil, fmt.Errorf("gokernel: %s: nbformat %v is not supported (want 4)", path, raw["nbformat"])
	}
	list, _ := raw["cells"].([]any)
	nb := &notebook{raw: raw}
	for i, c := range list {
		cell, ok := c.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("gokernel: %s: cell %d is not an object", path, i)
		}
		nb.cells = append(nb.cells, cell)
	}
	return nb, nil
}

// write saves nb as Jupyter does: sorted keys, one-space indent, newline.
func (nb *notebook) write(path string) error {
	cells := make([]any, len(nb.cells))
	for i, c := range nb.cells {
		cells[i] = c
	}
	nb.raw["cells"] = cells
	b, err := json.MarshalIndent(nb.raw, "", " ")
	if err != nil {
		return fmt.Errorf("gokernel: encode notebook: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("gokernel: write notebook: %w", err)
	}
	return nil
}

// setKernelspec records that gokernel executed nb.
func (nb *notebook) setKernelspec() {
	meta, _ := nb.raw["metadata"].(map[string]any)
	if meta == nil {
		meta = map[string]any{}
		nb.raw["metadata"] = meta
	}
	meta["kernelspec"] = map[string]any{"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"}
	meta["language_info"] = map[string]any{"name": "go", "file_extension": ".go", "mimetype": "text/x-go"}
}

// source returns a cell's source, which nbformat stores as a string or a
// list of lines.
func source(cell map[string]any) string {
	switch s := cell["source"].(type) {
	case string:
		return s
	case []any:
		var b strings.Builder
		for _, l := range s {
			str, _ := l.(string)
			b.WriteString(str)
		}
		return b.String()
	}
	return ""
}

// tagged reports whether a cell carries the metadata tag.
func tagged(cell map[string]any, tag string) bool {
	meta, _ := cell["metadata"].(map[string]any)
	tags, _ := meta["tags"].([]any)
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}

// lines splits text as nbformat stores multi-line strings: a list of lines
// that keep their newlines.
func lines(text string) []any {
	var out []any
	for text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	if out == nil {
		out = []any{}
	}
	return out
}
