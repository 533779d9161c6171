package rewrite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// hangLimit bounds one interpreter run so that a hanging yaegi bug fails
// the test instead of blocking it; it is never reached by a passing run.
const hangLimit = 60 * time.Second

// lockedBuffer is a bytes.Buffer safe for the interpreter's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// evalYaegi runs a whole program (package main with func main) in a fresh
// yaegi interpreter with the standard library and the rewrite helpers, and
// returns what it printed, followed by the error if evaluation failed.
func evalYaegi(t testing.TB, src string) string {
	t.Helper()
	out, _ := evalYaegiSpawn(t, src)
	return out
}

// testSpawnImport is the package under which evalYaegiSpawn offers the
// interpreter a tracked spawn: Options{Spawn: testSpawn}.
const (
	testSpawnImport = `import __gkspawn "gktest"`
	testSpawn       = "__gkspawn.Spawn"
)

// spawner is a minimal tracked spawn for tests: it recovers and records
// panics, and Wait waits for every spawned goroutine.
type spawner struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	panics  []any
	spawned int
}

func (s *spawner) Spawn(f func()) {
	s.mu.Lock()
	s.spawned++
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				s.mu.Lock()
				s.panics = append(s.panics, r)
				s.mu.Unlock()
			}
		}()
		f()
	}()
}

// newTestInterp returns an interpreter with the standard library, the
// rewrite helpers and prelude, and sp as the tracked spawn, printing to out.
func newTestInterp(t testing.TB, out *lockedBuffer, sp *spawner) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{Stdout: out, Stderr: out})
	for _, syms := range []interp.Exports{stdlib.Symbols, Symbols, {"gktest/gktest": {"Spawn": reflect.ValueOf(sp.Spawn)}}} {
		if err := i.Use(syms); err != nil {
			t.Fatal(err)
		}
	}
	for _, pre := range []string{Prelude, testSpawnImport} {
		if _, err := i.Eval(pre); err != nil {
			t.Fatalf("prelude %q: %v", pre, err)
		}
	}
	return i
}

// evalYaegiSpawn is evalYaegi that also returns the tracked spawn, after
// waiting for every spawned goroutine.
func evalYaegiSpawn(t testing.TB, src string) (string, *spawner) {
	t.Helper()
	var out lockedBuffer
	sp := &spawner{}
	i := newTestInterp(t, &out, sp)
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	_, err := i.EvalWithContext(ctx, src)
	sp.wg.Wait()
	res := out.String()
	if err != nil {
		res += "\nerror: " + firstLine(err.Error())
	}
	return res, sp
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// checker type-checks programs with one importer for the whole test run.
type checker struct {
	mu  sync.Mutex
	imp types.Importer
}

var sharedChecker = &checker{imp: importer.ForCompiler(token.NewFileSet(), "source", nil)}

// check parses and type-checks src; it returns the file and the info.
func (c *checker) check(t testing.TB, fset *token.FileSet, src string) (*ast.File, *types.Info) {
	t.Helper()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	conf := types.Config{Importer: c.imp}
	if _, err := conf.Check("main", fset, []*ast.File{f}, info); err != nil {
		t.Fatalf("program does not type-check: %v", err)
	}
	return f, info
}

// rewriteSource type-checks, rewrites and prints src.
func rewriteSource(t testing.TB, src string, opts Options) string {
	t.Helper()
	fset := token.NewFileSet()
	f, info := sharedChecker.check(t, fset, src)
	if err := Cell(fset, f, info, opts); err != nil {
		t.Fatalf("Cell: %v", err)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		t.Fatalf("print: %v", err)
	}
	return b.String()
}

// rewriteSourceNoInfo parses, rewrites without type information, and
// prints src.
func rewriteSourceNoInfo(t testing.TB, src string, opts Options) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if err := Cell(fset, f, nil, opts); err != nil {
		t.Fatalf("Cell: %v", err)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		t.Fatalf("print: %v", err)
	}
	return b.String()
}

// goOutputs caches what the Go toolchain prints for a program, by source.
var goOutputs sync.Map // sha256 → string

// goRun compiles and runs src with the real Go toolchain and returns its
// standard output: the expectation every case is held to.
func goRun(t testing.TB, src string) string {
	t.Helper()
	sum := sha256.Sum256([]byte(src))
	key := hex.EncodeToString(sum[:])
	if v, ok := goOutputs.Load(key); ok {
		return v.(string)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool(), "run", file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOFLAGS=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.String())
	}
	goOutputs.Store(key, stdout.String())
	return stdout.String()
}

func goTool() string {
	p := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join("/usr/local/go/bin", "go")
}

// caseFor runs one program three ways: with Go, with raw yaegi, with yaegi
// after Cell. The rewritten run must match Go; the raw run must not (so the
// test fails when the rewrite is removed), unless rawSkip says why the raw
// run cannot be made (it would crash the process or trip the race detector).
type programCase struct {
	name    string
	src     string
	rawSkip string
	opts    Options
	// rawAttempts is how many raw runs may be made until one differs from
	// Go, for bugs that depend on goroutine scheduling; 0 means 1.
	rawAttempts int
	// yaegiRacy, when set, says that yaegi itself races while running the
	// program (even rewritten): the race detector would flag yaegi's code,
	// not the program, so under -race the case is skipped with this reason.
	// `make test` runs these packages without -race too, where it runs.
	yaegiRacy string
}

// closureRace is why cases that call one interpreted closure from several
// goroutines at once cannot run under the race detector.
const closureRace = "yaegi v0.16.1 races inside getFunc when goroutines call one closure at once (run.go:1890 reads the frame slot that run.go:1922 writes under a lock); this case runs in the non-race pass of make test"

func (pc programCase) run(t *testing.T) {
	t.Helper()
	if raceEnabled && pc.yaegiRacy != "" {
		t.Skip(pc.yaegiRacy)
	}
	want := goRun(t, pc.src)
	if want == "" {
		t.Fatal("the program prints nothing; cases must print their result")
	}
	rewritten := rewriteSource(t, pc.src, pc.opts)
	if got := evalYaegi(t, rewritten); got != want {
		t.Errorf("rewritten program under yaegi printed\n%s\nwant (go run)\n%s\nrewritten source:\n%s", got, want, rewritten)
	}
	if pc.rawSkip != "" {
		return
	}
	for range max(pc.rawAttempts, 1) {
		if evalYaegi(t, pc.src) != want {
			return
		}
	}
	t.Errorf("raw yaegi already prints the Go output %q: the case does not exercise a bug", want)
}

func runCases(t *testing.T, cases []programCase) {
	for _, pc := range cases {
		t.Run(pc.name, func(t *testing.T) {
			t.Parallel()
			pc.run(t)
		})
	}
}

var _ = fmt.Sprint
