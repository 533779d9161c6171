package interp

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"time"
)

// listTimeout bounds one go list run (it compiles what is not in the build
// cache yet).
const listTimeout = 2 * time.Minute

// warmPackages are listed at session start, so the first cells type-check
// without waiting for the go command.
var warmPackages = []string{
	"fmt", "strings", "strconv", "errors", "time", "math", "sort", "sync",
	"context", "os", "io", "bufio", "bytes", "os/exec", "net/http",
	"encoding/json", "image", "image/png",
	"github.com/gokernel/gokernel/interp/display",
	"github.com/gokernel/gokernel/interp/input",
	"github.com/gokernel/gokernel/runtime",
	"github.com/gokernel/gokernel/interp/chart",
}

// An exportImporter type-checks imports from the gc export data that
// `go list -export` produces (the build cache makes it fast: one go list of
// the warm set takes ~150 ms, loading a package from export data well under a
// millisecond, and go/importer's "source" mode took 650 ms for fmt alone).
// Packages are listed on first use, with their dependencies, in one batch.
// The zero value is not usable; see newExportImporter. Safe for concurrent use.
type exportImporter struct {
	dir string // where go list runs (the module root, to find gokernel's packages)

	mu    sync.Mutex
	files map[string]string // import path -> export data file
	imp   types.ImporterFrom
}

// newExportImporter returns an importer whose packages live in fset; go
// list runs in dir (empty: see moduleDir).
func newExportImporter(fset *token.FileSet, dir string) *exportImporter {
	if dir == "" {
		dir = moduleDir()
	}
	e := &exportImporter{dir: dir, files: make(map[string]string)}
	e.imp = importer.ForCompiler(fset, "gc", e.lookup).(types.ImporterFrom)
	return e
}

// Import implements types.Importer.
func (e *exportImporter) Import(path string) (*types.Package, error) {
	return e.ImportFrom(path, e.dir, 0)
}

// ImportFrom implements types.ImporterFrom.
func (e *exportImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if _, ok := e.files[path]; !ok {
		if err := e.list(path); err != nil {
			return nil, err
		}
	}
	return e.imp.ImportFrom(path, e.dir, mode)
}

// warm lists pkgs ahead of use; errors are left for Import to report.
func (e *exportImporter) warm(pkgs []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	_ = e.list(pkgs...)
}

// list runs go list -export -deps on pkgs and records the export files.
// Called with e.mu held.
func (e *exportImporter) list(pkgs ...string) error {
	args := append([]string{"list", "-export", "-deps", "-e", "-f", "{{.ImportPath}}\t{{.Export}}\t{{if .Error}}{{.Error}}{{end}}"}, pkgs...)
	ctx, cancel := context.WithTimeout(context.Background(), listTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool(), args...)
	cmd.Dir = e.dir
	// never download: a cell importing an unknown path must fail fast
	cmd.Env = append(os.Environ(), "GOPROXY=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("interp: go list %s: %w: %s", strings.Join(pkgs, " "), err, strings.TrimSpace(stderr.String()))
	}
	var firstErr error
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "\t", 3)
		if len(f) < 3 {
			continue
		}
		if f[1] != "" {
			e.files[f[0]] = f[1]
		} else if f[2] != "" && firstErr == nil {
			firstErr = fmt.Errorf("interp: %s", f[2])
		}
	}
	for _, p := range pkgs {
		if _, ok := e.files[p]; !ok && firstErr == nil {
			firstErr = fmt.Errorf("interp: no export data for %q", p)
		}
	}
	return firstErr
}

// lookup opens the export data of path for the gc importer.
func (e *exportImporter) lookup(path string) (io.ReadCloser, error) {
	f, ok := e.files[path] // e.mu is held by ImportFrom
	if !ok {
		return nil, fmt.Errorf("interp: no export data for %q", path)
	}
	return os.Open(f)
}

// goTool returns the go command: the one on PATH, else $GOROOT/bin/go,
// else the default installation's.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	for _, root := range []string{os.Getenv("GOROOT"), "/usr/local/go"} {
		p := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(p); root != "" && err == nil {
			return p
		}
	}
	return "go"
}

// moduleDir returns the root of the gokernel module this package was built
// from, when its source is still there (so go list finds display, input and
// runtime), else the working directory.
func moduleDir() string {
	_, file, _, ok := goruntime.Caller(0)
	if ok {
		dir := filepath.Dir(filepath.Dir(file))
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
	}
	wd, _ := os.Getwd()
	return wd
}
