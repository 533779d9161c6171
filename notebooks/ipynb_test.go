package notebooks

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// notebook is the part of an nbformat 4 notebook the tests look at.
type notebook struct {
	Cells []cell `json:"cells"`
}

// cell is one notebook cell; ExecutionCount is nil when the cell never ran.
type cell struct {
	CellType       string         `json:"cell_type"`
	ExecutionCount *int           `json:"execution_count"`
	Metadata       map[string]any `json:"metadata"`
	Source         multiline      `json:"source"`
	Outputs        []output       `json:"outputs"`
}

// output is one cell output (stream, display_data, execute_result, error).
type output struct {
	OutputType string               `json:"output_type"`
	Name       string               `json:"name"`
	Text       multiline            `json:"text"`
	Data       map[string]multiline `json:"data"`
	Ename      string               `json:"ename"`
	Evalue     string               `json:"evalue"`
}

// multiline is nbformat's string-or-list-of-strings; it decodes to one string.
type multiline string

// UnmarshalJSON accepts a string, a list of strings, or (for JSON MIME
// types) any other value, which it keeps as its JSON text.
func (m *multiline) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiline(s)
		return nil
	}
	var parts []string
	if err := json.Unmarshal(b, &parts); err == nil {
		*m = multiline(strings.Join(parts, ""))
		return nil
	}
	*m = multiline(b)
	return nil
}

// readNotebook parses the notebook at path.
func readNotebook(path string) (*notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("notebooks: %w", err)
	}
	var nb notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("notebooks: %s: %w", path, err)
	}
	return &nb, nil
}

// codeCells returns the notebook's code cells.
func (nb *notebook) codeCells() []cell {
	var out []cell
	for _, c := range nb.Cells {
		if c.CellType == "code" {
			out = append(out, c)
		}
	}
	return out
}

// texts returns every text an output shows: stream text, and the
// text/plain and text/markdown forms of rich outputs. Consecutive stream
// outputs are joined as they are (a client may or may not have merged
// them); a cell boundary or a rich output starts a new line.
func (nb *notebook) texts() string {
	var b strings.Builder
	for _, c := range nb.codeCells() {
		for _, o := range c.Outputs {
			if o.OutputType == "stream" {
				b.WriteString(string(o.Text))
				continue
			}
			b.WriteString("\n")
			b.WriteString(string(o.Data["text/plain"]))
			b.WriteString("\n")
			b.WriteString(string(o.Data["text/markdown"]))
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// mimeCount counts outputs that carry the MIME type, and joins their data.
func (nb *notebook) mime(kind string) (int, string) {
	n := 0
	var b strings.Builder
	for _, c := range nb.codeCells() {
		for _, o := range c.Outputs {
			if d, ok := o.Data[kind]; ok {
				n++
				b.WriteString(string(d))
			}
		}
	}
	return n, b.String()
}

// jsonUnmarshal decodes src into nb (for tests of the decoder).
func jsonUnmarshal(src string, nb *notebook) error { return json.Unmarshal([]byte(src), nb) }
