// Package zmqnet carries Jupyter messages over ZeroMQ: it is the kernel's
// Transport (ROUTER shell, control and stdin, PUB iopub, REP heartbeat) and a
// small Client for tests. It is the only package that imports
// github.com/go-zeromq/zmq4.
//
// # Goroutines
//
// A Transport owns one reader goroutine per ROUTER socket, one heartbeat
// goroutine, and the iopub publisher's goroutines: an accept loop plus a
// reader and a writer per subscriber. A Client owns one reader goroutine per
// socket. Every listening socket owns an accept goroutine and one goroutine
// per connection still waiting for its peer's greeting. Close stops all of
// them and waits. zmq4 runs its own goroutines per socket and connection;
// they end shortly after Close, which drains zmq4's internal queues so that
// none stays blocked on them. A closed Transport or Client leaves nothing
// behind.
//
// # Robustness
//
// Messages are signed and verified with the connection file's key (package
// wire); whatever cannot be decoded or verified is dropped with a log line,
// and the heartbeat survives garbage too.
//
// Below that, every connection goes through a guard, because zmq4 v0.17.0
// trusts its peers. A frame header announcing more than MaxFrameSize bytes
// would make zmq4 panic, crashing the kernel, or allocate it all: the guard
// hangs up first. zmq4 runs each new connection's handshake inside its
// accept loop without a deadline, so one silent connection would lock out
// every later client: the guard admits a connection only once its peer has
// sent the ZMTP signature, and gives the handshake HandshakeTimeout. (A peer
// that sends the signature and then stalls still delays other new
// connections on that socket by up to HandshakeTimeout.)
//
// The iopub publisher is this package's own, on zmq4's ZMTP connections,
// because zmq4's PUB socket never stops its writer goroutine, queues without
// bound and lets one stuck subscriber stall the rest. Here each subscriber
// has its own writer and a queue of SubscriberQueue messages; a subscriber
// that falls that far behind misses messages (logged once per episode), as
// with a ZeroMQ high-water mark, and nobody else is slowed down.
//
// # Example
//
//	tr, err := zmqnet.Listen(ctx, info, logger)
//	if err != nil { ... }
//	defer tr.Close()
//	for {
//		ch, msg, err := tr.Receive(ctx)
//		if err != nil { ... }
//		reply := ... // with msg.Identities, so it reaches the sender
//		tr.Send(ch, reply)
//	}
package zmqnet
