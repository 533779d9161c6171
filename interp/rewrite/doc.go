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
//	i.Eval(rewrite.Prelude) // import __gkrw "github.com/gokernel/gokernel/interp/rewrite"
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
// Test: TestSelectConcurrentSameStatement (yaegi, many rounds),
// TestSelectHostConcurrent (Select alone), TestSelectForms.
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
// Rewrite: arguments that are not constants or function literals, and a
// function value held in a variable or field, are copied into fresh locals
// before the statement: `__gk1_a := x; defer f(__gk1_a)`. Method receivers
// stay in place. With Options.Spawn set, `go f(x)` becomes `__gk1_a := x;
// Spawn(func() { f(__gk1_a) })`.
//
// Test: TestDeferGoArgs, TestSpawn.
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
// call's types (see generic.go for the list); the rest stays missing, and
// the pipeline's checker sees them fine, so yaegi's error names them.
//
// Test: TestGenericStdlib.
//
// # 7. errors.As into a cell type, cell Unwrap
//
// Repro: errors.As(err, &target) with a cell error type panics ("*target
// must be interface or implement error"); errors.Is does not see a cell
// type's Unwrap method (host code gets the value without its methods).
//
// Rewrite: errors.As, errors.Is and errors.Unwrap calls become the same
// algorithms written as cell function literals using type assertions (which
// yaegi gets right), walking Unwrap() error, Unwrap() []error, As and Is
// methods.
//
// Test: TestErrors.
//
// # 8. %T and %#v of cell types
//
// yaegi builds cell types with reflect.StructOf, so host fmt prints an
// anonymous struct for %T and %#v. No rewrite: a call-site rewrite of
// fmt.Sprintf cannot reach values formatted inside other functions, so the
// display layer in package interp prints declared names instead.
package rewrite
