package runtime

import (
	"context"
	"sync"
)

// Globals is the module-level state of a modelled interpreter: one shared
// by all workers of a ModeFree or ModeGIL executor (threads share their
// interpreter's globals), one per worker in ModeIsolated (sub-interpreters
// share nothing). Notebooks use it to show that difference.
//
// Get one with InterpreterGlobals. Its methods are safe for concurrent use
// and do not wait (beyond a mutex).
type Globals struct {
	mu sync.Mutex
	m  map[string]any
}

func newGlobals() *Globals { return &Globals{m: map[string]any{}} }

// InterpreterGlobals returns the globals of the interpreter running the
// executor task ctx belongs to; outside executor tasks it returns nil.
func InterpreterGlobals(ctx context.Context) *Globals {
	if h := holderFrom(ctx); h != nil {
		return h.globals
	}
	return nil
}

// Get returns the value of name, or nil.
func (g *Globals) Get(name string) any {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.m[name]
}

// Set sets name to v.
func (g *Globals) Set(name string, v any) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.m[name] = v
}

// Add adds delta to the int value of name (0 if unset) and returns the
// sum, atomically.
func (g *Globals) Add(name string, delta int) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n, _ := g.m[name].(int)
	n += delta
	g.m[name] = n
	return n
}
