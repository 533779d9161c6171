// Package rewrite rewrites the syntax tree of a notebook cell so that yaegi
// v0.16.1 (the interpreter gokernel runs cells with) gives it Go's
// semantics. The cell pipeline in package interp calls Cell between the
// go/types check and printing the cell back to source:
//
//	fset, file, info := ... // parse, type-check against the session
//	err := rewrite.Cell(fset, file, info, rewrite.Options{Spawn: "__gk.Spawn", Done: "__gk.Done()"})
//	// print file, then i.EvalWithContext(ctx, src)
//
// The interpreter must know the host helpers first, once:
//
//	i.Use(rewrite.Symbols)
//	i.Eval(rewrite.Prelude) // imports the helpers as __gkrw, declares __gkrw_errorsAs ...
//
// Options.Spawn names the pipeline's tracked spawn (called as Spawn(func())
// for every go statement); Options.Done names a channel the pipeline closes
// on interrupt, which rewritten select statements also wait on.
//
// Every rewrite keeps the meaning of a correct Go program, introduces only
// fresh names (Options.NamePrefix, "__gk1_v" and so on) and works inside
// every function body and function literal of the file. Rewrites that need
// types (range over func, min, max, errors.As and the generic standard
// library) use the go/types information when given and leave the code
// alone when it is missing.
//
// Each bug below names a repro (as measured in yaegi-v0.16.1-probe.md), the
// rewrite, and the test that runs the repro through raw yaegi (which must
// differ from Go), through yaegi after Cell (which must match Go) and through
// the Go toolchain (go run, the expectation).
//
// # 1. Receive lost in assignment positions
//
// Repro: `return <-ch` panics ("reflect.Value.Set using unaddressable
// value"), as do `return v, <-ch` and `r = <-ch; return r`; `r = <-ch` into a
// named result, `s.f = <-ch`, `s[i] = <-ch`, `m[k] = <-ch` and `*p = <-ch`
// silently store 0; `case x = <-ch:` in a select panics.
//
// Rewrite: the receive goes through a fresh local declared with :=, which
// yaegi gets right: `__gk1_v := <-ch; s.f = __gk1_v`, `__gk1_r := <-ch;
// return __gk1_r`. In a return, calls left of the receive are hoisted too,
// so evaluation order is kept. One difference remains: in `a[f()] = <-ch`
// the receive now happens before f() runs.
//
// Test: TestRecvAssignPositions.
//
// # 2. One select statement run by several goroutines at once
//
// Repro: yaegi keeps one reflect.SelectCase slice per select statement and
// fills it on every run, so goroutines running the same statement at once
// overwrite each other's channels: messages reach the wrong goroutine (and
// the race detector reports the race).
//
// Rewrite: every select statement becomes a call of the host Select, whose
// cases are built per call, and a switch on the chosen index. Received
// values never pass through an interface (which would lose yaegi's cell
// types): Select hands the cell a fresh one-element channel of the original
// channel's type, and the clause receives from it with the original `v, ok
// :=` form. Sent values go through a proxy channel the same way (Proxy,
// Send). Channel operands and sent values are evaluated once, in source
// order, as in Go; a labeled select keeps its label on the switch. With
// Options.Done set, an interrupt wakes a blocked Select (SelectInterrupted);
// without it, a blocked rewritten select cannot be interrupted.
//
// Test: TestSelectConcurrentSameStatement (8 goroutines × 3000 runs of one
// statement, 5 times; the raw run must mis-deliver in one of 20 tries, and
// is skipped under -race, which reports yaegi's race instead),
// TestSelectHostConcurrent (Select alone, 16 goroutines × 200),
// TestSelectForms, TestSelectDoneWakes.
//
// # 3. Loop variables per loop, not per iteration
//
// Repro: closures and goroutines made in a loop see the last value (Go 1.22
// gives each iteration its own variable); `go hostFn(i)` in a loop; `i := i`
// inside a top-level loop hangs.
//
// Rewrite: in loops whose body has a function literal, a go or defer
// statement or an address-of, the loop runs on a fresh carrier and each
// iteration declares its own copy under the original name (so no `i := i`):
// `for __gk1_i := 0; __gk1_i < n; __gk1_i++ { i := __gk1_i; body; __gk1_i =
// i }`. The copy back (also before every continue of the loop) is added only
// when the body may change the variable, which is how Go 1.22 carries a
// change into the post statement. Range loops get `k, v := __gk1_k,
// __gk2_v`.
//
// Test: TestLoopVarsPerIteration.
//
// # 4. Deferred and go call arguments evaluated late
//
// Repro: `x := 1; defer f(x); x = 2` makes f see 2 when f is a cell
// function; `go hostFn(i)` in a loop passes later values.
//
// Rewrite: arguments that are not constants or function literals, a
// function value held in a variable or field, and the receiver of a method
// of a cell type (a copy for a value receiver, the address for a pointer
// receiver) are copied into fresh locals before the statement:
// `__gk1_a := x; defer f(__gk1_a)`. With Options.Spawn set, `go f(x)` becomes `__gk1_a := x;
// Spawn(func() { f(__gk1_a) })`.
//
// A related yaegi bug, not in the measured table: deferring a call of a
// closure created in the same function (`cleanup := func() {...}; defer
// cleanup()`) deadlocks, because yaegi holds the frame's lock while it runs
// deferred calls and takes it again when that closure returns. In functions
// with a defer statement, function literals that are not called on the spot
// are created one frame down: `func() func() { return func() {...} }()`.
//
// Test: TestDeferGoArgs (DeferLocalClosure for the deadlock), TestSpawn,
// TestSpawnRecoversPanics.
//
// # 5. min, max, clear, range over int, range over func
//
// Repro: `undefined: min`, `undefined: clear`, "nil type" panics for
// `for i := range 10` and `for x := range seq`.
//
// Rewrite: min and max become a function literal over the call's type
// (NaN-aware for floats; a constant call becomes its value); clear(x) calls
// the host Clear (reflect.Value.Clear); range over an integer becomes a
// three-clause loop on a counter of n's type with a per-iteration variable;
// range over a func calls the iterator with the body as yield function
// (continue → return true, break → return false, a return sets a flag and
// is repeated after the call). A goto, a defer, or a break or continue to an
// outer label in such a body make Cell return an error naming it.
//
// Test: TestBuiltins, TestRangeInt, TestRangeFunc.
//
// # 6. Generic standard library
//
// Repro: slices.Sort, slices.Max, maps.Keys, sync.OnceValue are "undefined
// selector"; slices.Contains and maps.Clone, shipped as generic source,
// fail with "undefined type for E".
//
// Rewrite: calls are replaced by function literals specialised to the
// call's types: slices Sort, SortFunc, SortStableFunc, Contains,
// ContainsFunc, Index, IndexFunc, Equal, Clone, Reverse, Max, Min, Collect,
// Sorted, Values, All; maps Keys, Values, All, Clone, Copy; sync OnceValue,
// OnceValues. The type atomic.Pointer[T] becomes the prelude's generic type
// with the same methods (a mutex inside). Everything else in slices and maps
// stays missing: yaegi reports it as undefined, naming it.
//
// Test: TestGenericStdlib.
//
// # 7. errors.As into a cell type, cell Unwrap
//
// Repro: errors.As(err, &target) with a cell error type panics ("*target
// must be interface or implement error"); errors.Is does not see a cell
// type's Unwrap method (host code gets the value without its methods).
//
// Rewrite: errors.As, errors.Is and errors.Unwrap calls become calls of
// interpreted prelude functions. The match of errors.As is a comma-ok type
// assertion to the target's type made in the cell, and the session's own
// types with an Unwrap method are unwrapped by a generated chain of such
// assertions (yaegi fails assertions of cell values to interfaces like
// interface{ Unwrap() error } and type switches, but gets these right);
// host errors are unwrapped by the host Unwraps. fmt.Errorf arguments of a
// cell error type are passed through a func(error) error first, so that %w
// wraps them. Limits: error types with value receivers fail in yaegi as
// soon as they are passed to a function parameter of type error; cell Is
// and As methods are not consulted.
//
// Test: TestErrors.
//
// # Other yaegi bugs the rewrites handle
//
// Found while writing these rewrites, beside the measured table:
//
//   - A range over a slice, array or map of channels with a value variable
//     (`for _, c := range cs`, the fan-in merge) panics ("reflect: call of
//     reflect.Value.Len on int Value"); it becomes a range over the keys
//     with `c := cs[k]`. Test: TestRecvAssignPositions/RangeOverSliceOfChans.
//   - Method values of cell types with value receivers do not copy the
//     receiver, and method expressions (`(*C).Inc`) panic; both become
//     function literals. Test: TestMethodValues.
//   - Closures passed straight to host functions, deferred function
//     literals in loops, and deferred local closures (see 3 and 4).
//   - A tuple assignment with an untyped nil (`xs, ys = nil, nil`) panics
//     ("reflect: New(nil)"); each nil becomes a conversion to its left
//     side's type, `([]float64)(nil)`. Test: TestTypedNils.
//   - A cell function declared with an alias of a function type from a
//     compiled package (runtime.TaskFunc) that returns a function literal
//     hands host code a value it cannot call ("reflect.Set: value of type
//     *interp.node is not assignable"); uses of such aliases are spelled out
//     as the function type. Test: TestFuncAlias (meaning kept), and
//     interp's rewrite_alias.cells (the bug).
//
// Types the rewrites print name packages as the cell's file imports them
// (its import declarations, then its own uses), never by names from other
// files the type information covers: the session's prelude imports
// packages under names the interpreter does not know, and picking one of
// those (in map order) made method values passed to host functions fail
// now and then ("interp: compile: runtime error: invalid memory address").
// Test: interp's TestMethodValueHostArgs.
//
// # 8. %T and %#v of cell types
//
// yaegi builds cell types with reflect.StructOf, so host fmt prints an
// anonymous struct for %T and %#v. No rewrite: a call-site rewrite of
// fmt.Sprintf cannot reach values formatted inside other functions, so the
// display layer in package interp prints declared names instead.
//
// # Tests and benchmarks
//
// Besides the per-bug tests: TestNoRegression (working programs stay
// working), TestTopLevelStatements (rewritten statements evaluated at the
// interpreter's top level), TestCellWithoutInfo, TestCellErrors,
// TestFreshNamesAvoidCellNames, and ExampleCell. BenchmarkCell and
// BenchmarkEval compare the rewrite of a 12- and a 303-line cell with
// yaegi's evaluation of the result. Tests need the go command (expected
// outputs come from go run) and run under -race.
package rewrite
