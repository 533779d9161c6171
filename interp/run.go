package interp

import (
	"context"
	"errors"
	"fmt"
	"go/scanner"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/gokernel/gokernel/interp/rewrite"
	yaegi "github.com/traefik/yaegi/interp"
)

// run is the pipeline of one cell: parse, check, rewrite, evaluate.
func (s *Session) run(ctx context.Context, c Cell) (*Result, error) {
	if ctx.Err() != nil {
		return nil, s.interrupted(ctx, nil)
	}
	pc, perr := parseCell(s.fset, c.Code, s.checker.prelude.imports)
	if perr != nil {
		return nil, perr
	}
	ck, cerr := s.checker.check(pc)
	if cerr != nil {
		return nil, cerr
	}
	// The prelude records the declarations as written (before any rewrite),
	// so that re-running the cell compares equal; it is restored if the
	// interpreter rejects the cell's declarations.
	saved := s.checker.prelude.clone()
	s.checker.record(pc, ck)
	final := s.prepareFinal(pc, ck)
	chunks, e := s.transform(pc, ck, final, c.ID)
	if e != nil {
		s.checker.prelude = saved
		return nil, e
	}
	v, e := s.evaluate(ctx, c, chunks, saved)
	if e != nil {
		return nil, e
	}
	s.callers.record(pc, ck)
	if e := s.runDeferred(); e != nil {
		return nil, e
	}
	return s.result(final, v), nil
}

// transform rewrites the checked cell and renders it for the interpreter.
func (s *Session) transform(pc *parsedCell, ck *checked, final finalValue, cell string) ([]chunk, *Error) {
	s.rewriteFinal(pc, final)
	s.rewriteShows(pc, ck)
	wrapTypeSwitches(pc)
	s.splitMultiDecls(pc, ck)
	s.rewriteTopDefers(pc, ck)
	wrapTopBlocks(pc)
	if err := s.rewrite(pc, ck); err != nil {
		return nil, err
	}
	renameMain(pc, ck)
	chunks, err := buildChunks(s.fset, pc)
	if err != nil {
		return nil, newError("RuntimeError", "interp: render cell: "+err.Error())
	}
	return s.withRefresh(pc, chunks, cell), nil
}

// evaluate runs the chunks in order and returns the last value. Imports
// join the session as the interpreter accepts them; when it rejects a
// declaration, the prelude goes back to saved (keeping the imports).
func (s *Session) evaluate(ctx context.Context, c Cell, chunks []chunk, saved prelude) (reflect.Value, *Error) {
	var v reflect.Value
	for _, ch := range chunks {
		var stopped []TaskInfo
		var err error
		var interrupted bool
		v, err, interrupted = s.ev.eval(ctx, ch.src, func() { stopped = s.Background() }, s.wakeSleepers)
		switch {
		case interrupted:
			return v, s.interrupted(ctx, stopped)
		case err != nil && ch.refresh:
			// an earlier function no longer compiles against the new
			// definitions: keep the cell, say what is stale
			_, _ = s.err.writeCell(c.ID, []byte("gokernel: functions of earlier cells that call a redefined function could not be updated, they keep the old definition: "+s.evalError(err).Value+"\n"))
		case err != nil:
			e := s.evalError(err)
			s.runDeferred() // Go runs them during a panic too
			if e.Name == "CompileError" && ch.kind != itemStmt {
				imports := s.checker.prelude.imports
				s.checker.prelude = saved
				s.checker.prelude.imports = imports
			}
			return v, e
		case ch.imp != nil:
			s.checker.prelude.addImports([]importSpec{*ch.imp})
		}
	}
	return v, nil
}

// runDeferred runs the cell's top-level defers (see rewriteTopDefers), last
// first. A panic in one is reported as the cell's error after the others
// ran.
func (s *Session) runDeferred() *Error {
	s.stateMu.Lock()
	fns := s.deferred
	s.deferred = nil
	s.stateMu.Unlock()
	var first *Error
	for i := len(fns) - 1; i >= 0; i-- {
		func() {
			defer func() {
				if r := recover(); r != nil && first == nil {
					val, _ := goPanicMessage(fmt.Sprint(panicValue(r)))
					first = newError("panic", val, formatTrace(s.traces.takeUnbound(&s.route))...)
				}
			}()
			fns[i]()
		}()
	}
	return first
}

// deferCall is the host's Defer: it queues fn for the end of the cell.
func (s *Session) deferCall(fn func()) {
	s.stateMu.Lock()
	s.deferred = append(s.deferred, fn)
	s.stateMu.Unlock()
}

// withRefresh inserts, after the cell's last declaration chunk, the
// re-evaluation of earlier functions that call a function the cell
// redefines (see redefine.go), and writes warnings about stale methods.
func (s *Session) withRefresh(pc *parsedCell, chunks []chunk, cell string) []chunk {
	src, warnings := s.refreshChunk(pc)
	for _, w := range warnings {
		_, _ = s.err.writeCell(cell, []byte(w))
	}
	if src == "" {
		return chunks
	}
	at := 0
	for i, ch := range chunks {
		if ch.kind == itemDecl {
			at = i + 1
		}
	}
	out := append([]chunk(nil), chunks[:at]...)
	out = append(out, chunk{src: src, kind: itemDecl, refresh: true})
	return append(out, chunks[at:]...)
}

// rewrite applies the yaegi workarounds and the tracked spawn. A panic in
// the rewriter is reported on the cell rather than killing the worker.
func (s *Session) rewrite(pc *parsedCell, ck *checked) (e *Error) {
	defer func() {
		if r := recover(); r != nil {
			e = newError("RuntimeError", fmt.Sprintf("interp: rewrite: %v", r))
		}
	}()
	opts := rewrite.Options{
		Spawn:      hostName + ".Go",
		Done:       hostName + ".Done()",
		NamePrefix: fmt.Sprintf("__gk%d_", s.cells),
	}
	if err := rewrite.Cell(s.fset, pc.file, ck.typesInfo(), opts); err != nil {
		return compileError([]string{err.Error()})
	}
	return nil
}

// evalError maps an evaluation failure to an *Error.
func (s *Session) evalError(err error) *Error {
	if errors.Is(err, errStillRunning) {
		return newError("RuntimeError", err.Error())
	}
	var p yaegi.Panic
	if errors.As(err, &p) {
		val, translated := goPanicMessage(fmt.Sprint(p.Value))
		tb := append([]string{"panic: " + val}, formatTrace(s.traces.takeUnbound(&s.route))...)
		if translated {
			tb = append(tb, "(the interpreter reported: "+fmt.Sprint(p.Value)+")")
		}
		return &Error{Name: "panic", Value: val, Traceback: tb}
	}
	var list scanner.ErrorList
	if errors.As(err, &list) {
		return parseError(list)
	}
	msg := strings.TrimPrefix(err.Error(), yaegiFile+":")
	if yaegiPos.MatchString(msg) {
		msg = cellFile + ":" + msg
	}
	if m := missingImport.FindStringSubmatch(msg); m != nil {
		msg = m[1] + "cannot import " + strconv.Quote(m[2]) + ": cells can import the standard library (with os/exec, net/http, syscall) and gokernel's runtime, display, input and chart packages, not other packages"
	}
	return compileError([]string{msg})
}

// yaegiPos matches a message starting with a yaegi position ("3:5: ...").
var yaegiPos = regexp.MustCompile(`^\d+:\d+: `)

// missingImport matches yaegi's error for a package it has no symbols for.
var missingImport = regexp.MustCompile(`^(\S*: )?import "([^"]+)" error: unable to find source`)

// interrupted reports which background tasks the interrupt stopped (the
// evaluator already stopped the interpreter's goroutines and woke sleepers).
func (s *Session) interrupted(ctx context.Context, tasks []TaskInfo) *Error {
	var gp *goroutinePanic
	if errors.As(context.Cause(ctx), &gp) {
		return gp.err
	}
	var tb []string
	if len(tasks) > 0 {
		tb = append(tb, "The interrupt also stopped these background goroutines:")
		for _, t := range tasks {
			tb = append(tb, fmt.Sprintf("  goroutine %d started by cell %s at %s", t.ID, t.CellID, t.Started.Format("15:04:05")))
		}
	}
	return newError("Interrupted", "the cell was interrupted", tb...)
}
