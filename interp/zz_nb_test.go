package interp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestZZNotebooks(t *testing.T) {
	files, _ := filepath.Glob("../notebooks/*.ipynb")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		var nb struct {
			Cells []struct {
				CellType string          `json:"cell_type"`
				Source   json.RawMessage `json:"source"`
			} `json:"cells"`
		}
		json.Unmarshal(data, &nb)
		s, _ := newTestSession(t)
		for i, c := range nb.Cells {
			if c.CellType != "code" {
				continue
			}
			var lines []string
			if json.Unmarshal(c.Source, &lines) != nil {
				var one string
				json.Unmarshal(c.Source, &one)
				lines = []string{one}
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			_, err := s.Execute(ctx, Cell{ID: "x", Code: strings.Join(lines, "")})
			cancel()
			if err != nil {
				t.Logf("%s cell %d: %v", filepath.Base(f), i, err)
			}
		}
	}
}
