package interp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A golden file under testdata/ is one cell sequence, run in a fresh
// session. Sections start with a line "-- name --": each "cell" section is
// a cell; the sections after it state what that cell must give:
//
//	-- stdout --  the cell's stdout (absent: none)
//	-- stderr --  the cell's stderr (absent: none)
//	-- result --  the text/plain of its result (absent: no result)
//	-- error --   "Name: Value" of its *Error (absent: no error)
//	-- traceback -- lines that must appear in the error's traceback
//	-- display --  its display events, one a line: kind, MIME types, text/plain
//
// A file whose first section is "-- racy --" is skipped under the race
// detector; the section says why. yaegi's frames are not synchronised, so
// goroutines that share a cell's top-level variables race inside yaegi even
// when the Go code is correct (the race detector reports yaegi's own reads
// and writes).
//
// Section text ends at the next section; one trailing newline is dropped
// from result, error and traceback.
type goldenCell struct {
	code   string
	expect map[string]string
}

func parseGolden(t *testing.T, data string) (cells []goldenCell, racy string) {
	var name string
	var body strings.Builder
	flush := func() {
		if name == "" {
			return
		}
		text := body.String()
		if name == "racy" {
			racy = strings.TrimSpace(text)
		} else if name == "cell" {
			cells = append(cells, goldenCell{code: strings.TrimSuffix(text, "\n"), expect: map[string]string{}})
		} else if len(cells) == 0 {
			t.Fatalf("section %q before any cell", name)
		} else {
			cells[len(cells)-1].expect[name] = text
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(data, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			flush()
			name = strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
			continue
		}
		body.WriteString(line)
	}
	flush()
	return cells, racy
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.cells"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".cells"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cells, racy := parseGolden(t, string(data))
			if racy != "" && raceEnabled {
				t.Skip("races inside yaegi under the race detector: " + racy)
			}
			s, rec := newTestSession(t)
			for i, c := range cells {
				id := filepath.Base(file) + "#" + string(rune('1'+i))
				res, err := s.Execute(context.Background(), Cell{ID: id, Code: c.code})
				checkGolden(t, i+1, c, res, err, rec.take(), id)
			}
		})
	}
}

func checkGolden(t *testing.T, n int, c goldenCell, res *Result, err error, events []Event, id string) {
	t.Helper()
	stdout, stderr := streams(events, id)
	if stdout != c.expect["stdout"] {
		t.Errorf("cell %d stdout:\n%q\nwant:\n%q", n, stdout, c.expect["stdout"])
	}
	if stderr != c.expect["stderr"] {
		t.Errorf("cell %d stderr:\n%q\nwant:\n%q", n, stderr, c.expect["stderr"])
	}
	if got := displayLines(events, id); got != c.expect["display"] {
		t.Errorf("cell %d display events:\n%s\nwant:\n%s", n, got, c.expect["display"])
	}
	want, ok := c.expect["result"]
	switch {
	case !ok && res != nil:
		t.Errorf("cell %d: unexpected result %q", n, plainText(res))
	case ok && plainText(res) != strings.TrimSuffix(want, "\n"):
		t.Errorf("cell %d result %q, want %q", n, plainText(res), strings.TrimSuffix(want, "\n"))
	}
	var e *Error
	wantErr, ok := c.expect["error"]
	switch {
	case !ok && err != nil:
		t.Errorf("cell %d: unexpected error %v\n%s", n, err, tb(err))
	case ok && !errors.As(err, &e):
		t.Errorf("cell %d: error %v, want %q", n, err, wantErr)
	case ok && e.Error() != strings.TrimSuffix(wantErr, "\n"):
		t.Errorf("cell %d error:\n%s\nwant:\n%s", n, e.Error(), strings.TrimSuffix(wantErr, "\n"))
	}
	if want, ok := c.expect["traceback"]; ok && e != nil {
		got := strings.Join(e.Traceback, "\n")
		for _, line := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
			if !strings.Contains(got, line) {
				t.Errorf("cell %d traceback lacks %q:\n%s", n, line, got)
			}
		}
	}
}

// displayLines renders a cell's display events for golden files.
func displayLines(events []Event, id string) string {
	var b strings.Builder
	for _, e := range events {
		if e.CellID != id || e.Kind == Stream {
			continue
		}
		keys := make([]string, 0, len(e.Data))
		for k := range e.Data {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(&b, "%s %s | %v\n", e.Kind, strings.Join(keys, ","), e.Data["text/plain"])
	}
	return b.String()
}
