// Package zmqnet carries Jupyter messages over ZeroMQ: it is the kernel's
// Transport (ROUTER shell, control and stdin, PUB iopub, REP heartbeat) and a
// small Client for tests. It is the only package that imports
// github.com/go-zeromq/zmq4.
//
// # Goroutines
//
// A Transport owns one reader goroutine per ROUTER socket and one heartbeat
// goroutine; a Client owns one reader goroutine per socket; every listening
// socket owns an accept goroutine and one goroutine per connection still in
// its handshake. Close stops them and waits for them. zmq4 runs its own
// goroutines per socket and connection; they end shortly after Close, which
// drains zmq4's internal queues so that none stays blocked on them. The
// iopub publisher is this package's own (zmq4 v0.17.0's PUB socket never
// stops its writer goroutine), so a closed Transport leaves nothing behind.
//
// # Robustness
//
// Messages are signed and verified with the connection file's key (package
// wire); whatever cannot be decoded or verified is dropped with a log line,
// and the heartbeat survives garbage too. Below that, every connection goes
// through a guard, because zmq4 trusts its peers: a frame header announcing
// more than MaxFrameSize bytes would make zmq4 panic (crashing the kernel)
// or allocate it all, so the guard hangs up first; and zmq4 handshakes each
// new connection inside its accept loop without a deadline, so one silent
// connection would lock out every later client, so the guard admits a
// connection only once its peer has sent the ZMTP signature and gives the
// handshake HandshakeTimeout to finish. A peer that sends the signature and
// then stalls still delays other new connections by up to HandshakeTimeout.
//
// # Example
//
//	tr, err := zmqnet.Listen(ctx, info, logger)
//	if err != nil { ... }
//	defer tr.Close()
//	ch, msg, err := tr.Receive(ctx)
package zmqnet
