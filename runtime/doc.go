// Package runtime is gokernel's concurrency library: what Python's asyncio
// and concurrent.futures offer, in Go, usable from compiled code and from
// notebook cells (where it is imported as rt).
//
// It imports nothing else from gokernel.
package runtime
