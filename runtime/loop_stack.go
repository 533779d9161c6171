package runtime

// workerStack is the stack a worker goroutine takes at once, before it
// runs anything: a goroutine starts with 2 KiB, and a task that starts
// waiting is a little deeper than that; growing a stack later, under a
// dozen frames, costs far more (the runtime must adjust every frame) than
// growing it while it is empty.
const workerStack = 3 << 10

// growStack makes the calling goroutine's stack large enough for
// workerStack bytes of frames.
//
//go:noinline
func growStack() {
	var frame [workerStack]byte
	keep(frame[:])
}

//go:noinline
func keep([]byte) {}
