package workerproc

import (
	"bytes"
	"sync"
)

// crashLog keeps what a worker wrote to its stderr, which carries the Go
// runtime's crash report. Such a report can be megabytes (every goroutine's
// stack), and its cause is its first line, so crashLog keeps the start of
// the report — from the first "panic: " or "fatal error: " line, with a
// "runtime: " line just before it — up to headMax bytes; until a report
// starts it keeps the last recentMax bytes. Safe for concurrent use.
type crashLog struct {
	mu      sync.Mutex
	recent  []byte
	head    []byte
	started bool
}

const (
	recentMax = 64 << 10
	headMax   = 32 << 10
)

var crashMarkers = [][]byte{[]byte("panic: "), []byte("fatal error: ")}

func (c *crashLog) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.started {
		c.head = appendCapped(c.head, p, headMax)
		return len(p), nil
	}
	c.recent = append(c.recent, p...)
	if i := reportStart(c.recent); i >= 0 {
		c.started = true
		c.head = appendCapped(nil, c.recent[i:], headMax)
		return len(p), nil
	}
	if over := len(c.recent) - recentMax; over > 0 {
		c.recent = append(c.recent[:0], c.recent[over:]...)
	}
	return len(p), nil
}

// reportStart finds the line where a crash report starts, or -1.
func reportStart(b []byte) int {
	best := -1
	for _, m := range crashMarkers {
		for off := 0; off < len(b); {
			i := bytes.Index(b[off:], m)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || b[i-1] == '\n' {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			off = i + 1
		}
	}
	if best <= 0 {
		return best
	}
	prev := bytes.LastIndexByte(b[:best-1], '\n') + 1
	if bytes.HasPrefix(b[prev:], []byte("runtime: ")) {
		return prev
	}
	return best
}

func appendCapped(dst, p []byte, limit int) []byte {
	if room := limit - len(dst); room < len(p) {
		p = p[:max(room, 0)]
	}
	return append(dst, p...)
}

func (c *crashLog) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.started {
		return string(c.head)
	}
	return string(c.recent)
}
