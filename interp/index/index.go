package index

import (
	"context"
	"io/fs"
	"sync"
	"sync/atomic"
)

// Index knows the standard library, the packages exported to cells and the
// session's own declarations, and answers completion and inspection
// requests from them. It never runs user code.
//
// All methods are safe for concurrent use. Complete and Inspect never wait
// for Record: they read an immutable snapshot of the session. The zero value
// is not usable; call New.
//
// New starts one goroutine that decodes the most used packages ahead of the
// first request; the Index owns it and Close stops it and waits for it.
// Everything else is decoded lazily on first use by the request that needs it.
type Index struct {
	lib  *library
	sess atomic.Pointer[session]
	mu   sync.Mutex // serialises Record and Reset

	stopOnce sync.Once
	cancel   context.CancelFunc
	done     chan struct{}
}

// warmPackages are decoded in the background right after New (read-only).
var warmPackages = []string{
	"fmt", "strings", "time", "os", "errors", "context", "sync", "strconv", "math",
	"github.com/gokernel/gokernel/runtime",
	"github.com/gokernel/gokernel/interp/display",
	"github.com/gokernel/gokernel/interp/input",
	"net/http", "io", "bytes", "sort",
}

// New returns an Index over the embedded library data. It returns at once;
// the warm-up goroutine it starts runs until done or until Close.
func New() *Index {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic("index: embedded data missing: " + err.Error()) // cannot happen: go:embed guarantees it
	}
	return newIndex(sub, warmPackages)
}

func newIndex(fsys fs.FS, warm []string) *Index {
	ctx, cancel := context.WithCancel(context.Background())
	x := &Index{lib: newLibrary(fsys), cancel: cancel, done: make(chan struct{})}
	x.sess.Store(emptySession())
	go x.warm(ctx, warm)
	return x
}

func (x *Index) warm(ctx context.Context, paths []string) {
	defer close(x.done)
	if ctx.Err() != nil {
		return
	}
	x.lib.load()
	for _, p := range paths {
		if ctx.Err() != nil {
			return
		}
		x.lib.pkg(p)
	}
}

// Close stops the warm-up goroutine and waits for it to return (at most the
// time to decode one package). The Index keeps answering requests after
// Close, decoding lazily. Close is idempotent.
func (x *Index) Close() error {
	x.stopOnce.Do(x.cancel)
	<-x.done
	return nil
}

// Record remembers the imports and top-level declarations of a cell that
// ran successfully: funcs, methods, types, vars (with their declared or
// inferred types) and consts. A later cell's declaration of the same name
// replaces the earlier one. Record waits for other Record and Reset calls,
// never for Complete or Inspect.
func (x *Index) Record(code string) {
	c := parseCell(code)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.sess.Store(x.sess.Load().with(c, x.lib))
}

// Reset forgets every session declaration and import (the session restarted).
func (x *Index) Reset() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.sess.Store(emptySession())
}
