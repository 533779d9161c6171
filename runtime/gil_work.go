package runtime

import (
	"context"
	"time"
)

// checkEvery is how many inner iterations of the demo work make one
// "bytecode" step, between which GIL switches and cancellation happen.
const checkEvery = 1024

// CPUWork is compiled CPU-heavy demo work: a hash chain of n rounds
// (splitmix64), returning the final hash. Run in a ModeGIL executor worker
// it behaves like pure-Python CPU work: it holds the GIL and gives it up
// only at switch-interval requests, so workers take turns. It stops early
// and returns the partial hash when ctx ends. It starts no goroutines.
func CPUWork(ctx context.Context, n int) uint64 {
	h := holderFrom(ctx)
	x := uint64(n)
	for i := 0; i < n; i++ {
		x = mix64(x + uint64(i))
		if i%checkEvery == checkEvery-1 && stepDone(ctx, h) {
			break
		}
	}
	return x
}

// CountPrimes is compiled CPU-heavy demo work: the number of primes below
// n, by trial division. Like CPUWork it respects the GIL of a ModeGIL
// worker and stops early (returning the count so far) when ctx ends.
func CountPrimes(ctx context.Context, n int) int {
	h := holderFrom(ctx)
	count := 0
	for k := 2; k < n; k++ {
		if isPrime(k) {
			count++
		}
		if k%checkEvery == 0 && stepDone(ctx, h) {
			break
		}
	}
	return count
}

func isPrime(k int) bool {
	for d := 2; d*d <= k; d++ {
		if k%d == 0 {
			return false
		}
	}
	return true
}

func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// stepDone ends one bytecode step: a GIL switch point and a cancellation
// check.
func stepDone(ctx context.Context, h *holder) bool {
	if h != nil {
		h.check()
	}
	return ctx.Err() != nil
}

// BlockingIO is demo blocking I/O: it waits for d (or until ctx ends,
// returning ctx's error) as a blocking region, so, like time.sleep or a
// socket read in CPython, it releases the GIL of a ModeGIL worker and the
// event loop of a loop task while it waits.
func BlockingIO(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	return blockingWait(ctx, func() error {
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// WithoutGIL runs fn as a blocking region, like C code between
// Py_BEGIN_ALLOW_THREADS and Py_END_ALLOW_THREADS: in a ModeGIL worker,
// other workers run bytecode meanwhile. It returns fn's error.
func WithoutGIL(ctx context.Context, fn func() error) error {
	return blockingWait(ctx, fn)
}

// WorkerID reports the index (from 0) of the executor worker running the
// task that ctx belongs to, or -1 outside executor tasks.
func WorkerID(ctx context.Context) int {
	if h := holderFrom(ctx); h != nil {
		return h.worker
	}
	return -1
}

// InterpreterID reports which modelled interpreter runs the task ctx
// belongs to: 0 for ModeFree and ModeGIL executors (one shared
// interpreter), the worker index plus one in ModeIsolated (one
// interpreter per worker, like sub-interpreters), and -1 outside executor
// tasks.
func InterpreterID(ctx context.Context) int {
	if h := holderFrom(ctx); h != nil {
		return h.interp
	}
	return -1
}
