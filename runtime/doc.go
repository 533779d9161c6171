// Package runtime is gokernel's concurrency library: what Python's asyncio
// and concurrent.futures offer, in Go, usable from compiled code and from
// notebook cells (where it is imported as rt).
//
// It imports nothing else from gokernel.
//
// # The event loop
//
// A Loop runs many tasks, one at a time, as asyncio's event loop does. Run
// (asyncio.run) makes a loop and runs a main function on it:
//
//	v, err := rt.Run(ctx, func(ctx context.Context) (any, error) {
//		a := rt.CreateTask(ctx, fetch("a"))
//		b := rt.CreateTask(ctx, fetch("b"))
//		return rt.Gather(ctx, a, b)
//	})
//
// The loop hands a single baton around: only the task holding it runs. A
// task keeps the baton while it computes, so CPU-heavy work blocks the loop
// exactly as it does in asyncio, and gives it away when it awaits: Sleep,
// Future.Await, Task.Await, Gather, the Wait functions, Group.Wait, and the
// queues, locks, subprocesses, network calls and executors of this package
// when they are called with the task's context. Thousands of tasks that
// mostly wait share one baton; while they wait they cost a parked goroutine
// each, as a suspended coroutine costs its frame.
//
// Callbacks (Loop.CallSoon, CallLater, CallAt) run on the loop holding the
// baton. Loop.Time is the loop's clock.
//
// # Tasks and futures
//
// A Future holds a result that comes later; a Task is a future whose
// result is computed by a TaskFunc:
//
//	func(ctx context.Context) (any, error)
//
// CreateTask schedules one on the loop of ctx, or, when ctx belongs to no
// loop (plain compiled code, a cell outside Run), starts it at once on its
// own goroutine: then tasks run in parallel on all cores. The same code
// works in both places.
//
// Cancelling a task (Task.Cancel, or its parent context) cancels the
// task's context; a task that has not started never runs, and a running one
// ends with ErrCancelled once its function returns. Tasks that nobody
// awaited are reported (see Debugging and observability). Values are of
// type any: the core is not generic, so that the interpreter can call all
// of it.
//
// # Waiting for several things
//
// Gather (results in order, first error returned), GatherSettled
// (asyncio.gather with return_exceptions=True), GatherFuncs (owns its
// tasks: a failure cancels the rest), WaitFirst, WaitAll, AsCompleted,
// WaitFor and AwaitTimeout (asyncio.wait_for), Shield. In notebook cells,
// use these instead of a select statement that several goroutines run: the
// interpreter mis-delivers such selects.
//
// # Task groups
//
// A Group is asyncio.TaskGroup, structured concurrency: the first task to
// fail cancels the group's context and so its siblings, Wait waits for
// every member and returns the failures. No goroutine outlives its group.
//
// # Panics
//
// A panic in a task, a group member, a callback or CatchPanic never
// crashes the process: it becomes a *PanicError holding the panic value and
// the stack of the goroutine where it happened (for a callback, it is
// reported). Misusing the API (Group.Go after Wait, a nil TaskFunc) panics
// with a message starting with "runtime:".
//
// # Goroutines and owners
//
// Every goroutine the runtime starts has an owner that waits for it: a
// loop's goroutines end before RunUntilComplete returns (it cancels the
// tasks main left behind and waits for them, as asyncio.run does); a
// group's before Wait returns; a task off the loop belongs to whoever
// awaits it.
//
// # Waiting without blocking the loop
//
// Blocking is the hook that every waiting call goes through: given a loop
// task's context, it gives the baton away while its function blocks, and
// takes it back after. A loop task that blocks any other way (a bare
// channel receive, time.Sleep, a mutex held elsewhere) holds the loop, and
// no other task runs meanwhile: that is the asyncio lesson "never call
// blocking code in a coroutine", made visible. Goroutines a task starts
// itself must be given WithoutLoop(ctx).
//
// The runtime knows that a call is made by a loop task only through its
// context: pass the task's context, or one derived from it (the context of
// an enclosing task works too). A loop task that calls Sleep or Await with
// context.Background() waits holding the loop, like time.Sleep.
//
// Cancelling a loop task wakes it wherever it awaits through the runtime,
// even with the context of an enclosing task that is not cancelled, as
// asyncio throws CancelledError into a cancelled task wherever it awaits.
//
// # Debugging and observability
//
// Loop.Tasks lists the live tasks with their state and age. With
// WithDebug (or WithSlowCallback), the loop reports every callback or task
// step that held the baton longer than the threshold, and at the end of a
// run every task whose outcome was never awaited (Loop.NeverAwaited): Go's
// answer to asyncio's "coroutine was never awaited". Without debug mode it
// still reports failed tasks whose error nobody retrieved. Reports go to
// standard error or to the function given to WithReport.
package runtime
