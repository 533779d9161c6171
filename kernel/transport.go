package kernel

import (
	"context"

	"github.com/gokernel/gokernel/kernel/wire"
)

// Channel names one of the Jupyter sockets a message travels on.
type Channel string

// The channels a kernel receives on (Shell, Control, Stdin) and sends on
// (all four). Heartbeat is handled by the transport alone.
const (
	Shell   Channel = "shell"
	Control Channel = "control"
	Stdin   Channel = "stdin"
	IOPub   Channel = "iopub"
)

// Transport moves decoded, verified messages between the kernel and its
// clients. Implementations sign what they send and drop (with a log line)
// whatever they cannot decode or verify; Receive only ever returns valid
// messages. Send must be safe for concurrent use.
type Transport interface {
	// Receive blocks until a message arrives on Shell, Control or Stdin, or
	// ctx is done (then it returns ctx's error).
	Receive(ctx context.Context) (Channel, *wire.Message, error)
	// Send signs and sends m on ch. On Shell, Control and Stdin, m.Identities
	// route it to the client that sent the request.
	Send(ch Channel, m *wire.Message) error
}
