package index

// guard recovers a panic of a request and calls fallback to set the
// request's empty answer.
//
// Panic policy: requests run in the kernel's front process, which must keep
// answering heartbeats and interrupts whatever code a user types. A bug
// here on some unforeseen input must cost one empty completion, not the
// kernel, so the public request methods recover. The internal functions do
// not, so the fuzz tests see every panic.
func guard(fallback func()) {
	if r := recover(); r != nil {
		fallback()
	}
}
