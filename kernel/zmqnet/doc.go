// Package zmqnet carries Jupyter messages over ZeroMQ: it is the kernel's
// Transport (ROUTER shell, control and stdin, PUB iopub, REP heartbeat) and a
// small Client for tests. It is the only package that imports
// github.com/go-zeromq/zmq4.
//
// # Goroutines
//
// A Transport owns one reader goroutine per ROUTER socket and one heartbeat
// goroutine; a Client owns one reader goroutine per socket. Close stops them
// and waits for them. zmq4 runs its own goroutines per socket and connection;
// they end shortly after Close, except one: zmq4 v0.17.0 never stops a PUB
// socket's writer goroutine (see PubWriterGoroutine), so each Transport leaves
// that one parked goroutine behind.
//
// # Security
//
// Messages are signed and verified with the connection file's key (package
// wire). Whatever cannot be decoded or verified is dropped with a log line.
// The ZMTP framing below that is zmq4's: it trusts frame lengths sent by the
// peer, so bind to a loopback address unless the network is trusted.
//
// # Example
//
//	tr, err := zmqnet.Listen(ctx, info, logger)
//	if err != nil { ... }
//	defer tr.Close()
//	ch, msg, err := tr.Receive(ctx)
package zmqnet

// PubWriterGoroutine names the function of the goroutine that zmq4 v0.17.0
// starts for every PUB socket and never stops: its socket's Close does not
// close the writer (pub.go, newPubMWriter / pubMWriter.run). Leak checks in
// tests that create a Transport ignore it, for example with
// goleak.IgnoreAnyFunction(zmqnet.PubWriterGoroutine).
const PubWriterGoroutine = "github.com/go-zeromq/zmq4.(*pubMWriter).run"
