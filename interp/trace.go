package interp

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	yaegi "github.com/traefik/yaegi/interp"
)

// panicLine matches the line yaegi writes to its stderr for every frame a
// panic unwinds: "cell:7:16: panic: main.h(...)".
var panicLine = regexp.MustCompile(`^((?:[^:\s]+:)?\d+(?::\d+)?): panic: (.*)\(\.\.\.\)\n?$`)

// traces collects yaegi's panic frame lines per goroutine, so a panic
// becomes one error with a short traceback instead of stderr noise. The zero
// value is ready to use.
type traces struct {
	mu    sync.Mutex
	lines map[uint64][]string
}

// add records a line for goroutine gid.
func (t *traces) add(gid uint64, line string) {
	t.mu.Lock()
	if t.lines == nil {
		t.lines = make(map[uint64][]string)
	}
	t.lines[gid] = append(t.lines[gid], line)
	t.mu.Unlock()
}

// take removes and returns gid's lines.
func (t *traces) take(gid uint64) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	l := t.lines[gid]
	delete(t.lines, gid)
	return l
}

// takeUnbound removes and returns the lines of goroutines that are not
// tracked spawns (the cell's own evaluation goroutine), merged.
func (t *traces) takeUnbound(r *router) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for gid, l := range t.lines {
		if !r.isBound(gid) {
			out = append(out, l...)
			delete(t.lines, gid)
		}
	}
	return out
}

// traceWriter is the interpreter's stderr: panic frame lines go to traces,
// everything else to the stream.
type traceWriter struct {
	s *Session
}

func (w traceWriter) Write(p []byte) (int, error) {
	if m := panicLine.FindSubmatch(p); m != nil {
		w.s.traces.add(goid(), string(p))
		return len(p), nil
	}
	return cellWriter{w.s.err}.Write(p)
}

// formatTrace turns yaegi frame lines into "  at cell:7:16 in h".
func formatTrace(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		m := panicLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		fn := strings.TrimPrefix(m[2], "main.")
		if fn == "main" || fn == cellFunc {
			fn = "cell"
		}
		out = append(out, fmt.Sprintf("  at %s in %s", cellPos(m[1]), fn))
	}
	return out
}

// cellPos names a yaegi position ("3:5" or "_.go:3:5") as a cell position.
func cellPos(p string) string {
	return cellFile + ":" + strings.TrimPrefix(p, yaegiFile+":")
}

// panicValue returns the value a yaegi panic carries.
func panicValue(r any) any {
	if p, ok := r.(yaegi.Panic); ok {
		return p.Value
	}
	return r
}
