package interp

import (
	"context"
	"errors"
	"fmt"
	"go/scanner"
	"reflect"
	"regexp"
	"strings"

	"github.com/gokernel/gokernel/interp/rewrite"
	yaegi "github.com/traefik/yaegi/interp"
)

// run is the pipeline of one cell: parse, check, rewrite, evaluate.
func (s *Session) run(ctx context.Context, c Cell) (*Result, error) {
	if ctx.Err() != nil {
		return nil, s.interrupted(nil)
	}
	pc, perr := parseCell(s.fset, c.Code, s.checker.prelude.imports)
	if perr != nil {
		return nil, perr
	}
	ck, cerr := s.checker.check(pc)
	if cerr != nil {
		return nil, cerr
	}
	final := s.prepareFinal(pc, ck)
	if err := s.rewrite(pc, ck); err != nil {
		return nil, err
	}
	chunks, err := buildChunks(s.fset, pc)
	if err != nil {
		return nil, newError("RuntimeError", err.Error())
	}
	s.checker.record(pc, ck)
	var v reflect.Value
	for _, src := range chunks {
		var stopped []TaskInfo
		var interrupted bool
		v, err, interrupted = s.ev.eval(ctx, src, func() { stopped = s.Background() })
		if interrupted {
			return nil, s.interrupted(stopped)
		}
		if err != nil {
			return nil, s.evalError(err)
		}
	}
	return s.result(final, v), nil
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
		val := fmt.Sprint(p.Value)
		tb := append([]string{"panic: " + val}, formatTrace(s.traces.takeUnbound(&s.route))...)
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
	return compileError([]string{msg})
}

// yaegiPos matches a message starting with a yaegi position ("3:5: ...").
var yaegiPos = regexp.MustCompile(`^\d+:\d+: `)

// interrupted wakes sleepers (the evaluator already stopped the
// interpreter's goroutines) and reports which background tasks the
// interrupt stopped.
func (s *Session) interrupted(tasks []TaskInfo) *Error {
	s.wakeSleepers()
	var tb []string
	if len(tasks) > 0 {
		tb = append(tb, "The interrupt also stopped these background goroutines:")
		for _, t := range tasks {
			tb = append(tb, fmt.Sprintf("  goroutine %d started by cell %s at %s", t.ID, t.CellID, t.Started.Format("15:04:05")))
		}
	}
	return newError("Interrupted", "the cell was interrupted", tb...)
}
