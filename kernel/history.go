package kernel

import (
	"context"
	"regexp"
	"strings"
	"sync"
)

// history keeps the cells of this kernel process, as IPython's history
// does for one session. Safe for concurrent use.
type history struct {
	mu      sync.Mutex
	entries []historyEntry
}

type historyEntry struct {
	line int
	code string
}

// historySession is the session number reported for this process's cells.
const historySession = 1

func newHistory() *history { return &history{} }

func (h *history) add(line int, code string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = append(h.entries, historyEntry{line, code})
}

func (h *history) snapshot() []historyEntry {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]historyEntry(nil), h.entries...)
}

// historyContent is the content of a history_request.
type historyContent struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

func (k *Kernel) historyRequest(_ context.Context, r request) error {
	var c historyContent
	if err := decode(r.msg, &c); err != nil {
		return k.badRequest(r, err)
	}
	var picked []historyEntry
	all := k.history.snapshot()
	switch c.HistAccessType {
	case "tail":
		picked = tail(all, c.N)
	case "range":
		picked = lineRange(all, c.Start, c.Stop)
	case "search":
		picked = search(all, c.Pattern, c.Unique, c.N)
	}
	out := make([]any, 0, len(picked))
	for _, e := range picked {
		if c.Output {
			out = append(out, []any{historySession, e.line, []any{e.code, nil}})
		} else {
			out = append(out, []any{historySession, e.line, e.code})
		}
	}
	k.reply(r, map[string]any{"status": "ok", "history": out})
	return nil
}

func tail(all []historyEntry, n int) []historyEntry {
	if n <= 0 || n > len(all) {
		return all
	}
	return all[len(all)-n:]
}

// lineRange returns lines start <= line < stop; stop 0 means to the end.
func lineRange(all []historyEntry, start, stop int) []historyEntry {
	var out []historyEntry
	for _, e := range all {
		if e.line >= start && (stop <= 0 || e.line < stop) {
			out = append(out, e)
		}
	}
	return out
}

// search returns the cells matching a glob pattern ("*" and "?", as
// IPython's SQLite GLOB), the last n of them when n > 0.
func search(all []historyEntry, pattern string, unique bool, n int) []historyEntry {
	re := globRegexp(pattern)
	seen := map[string]bool{}
	var out []historyEntry
	for i := len(all) - 1; i >= 0; i-- {
		e := all[i]
		if !re.MatchString(e.code) || unique && seen[e.code] {
			continue
		}
		seen[e.code] = true
		out = append([]historyEntry{e}, out...)
	}
	return tail(out, n)
}

func globRegexp(pattern string) *regexp.Regexp {
	if pattern == "" {
		pattern = "*"
	}
	var b strings.Builder
	b.WriteString("(?s)^")
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
