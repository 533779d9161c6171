package kernel

import (
	"encoding/json"

	"github.com/gokernel/gokernel/kernel/wire"
)

// message builds a message of msgType parented by parent (which may be nil)
// with content marshalled to JSON.
func (k *Kernel) message(msgType string, parent *wire.Message, content any) *wire.Message {
	body, err := json.Marshal(content)
	if err != nil {
		k.log.Printf("kernel: encode %s content: %v", msgType, err)
		body = []byte("{}")
	}
	m := &wire.Message{
		Header:       wire.NewHeader(msgType, k.session, "kernel"),
		ParentHeader: json.RawMessage("{}"),
		Metadata:     json.RawMessage("{}"),
		Content:      body,
	}
	if parent != nil {
		m.ParentHeader = parentHeader(parent)
	}
	return m
}

// parentHeader returns the header to put in a reply's parent_header.
func parentHeader(parent *wire.Message) json.RawMessage {
	h, err := json.Marshal(parent.Header)
	if err != nil {
		return json.RawMessage("{}")
	}
	return h
}

// publish sends a message on ch: on IOPub to every subscriber, on the other
// channels to the client that sent parent.
func (k *Kernel) publish(ch Channel, parent *wire.Message, msgType string, content any) *wire.Message {
	m := k.message(msgType, parent, content)
	if ch != IOPub && parent != nil {
		m.Identities = parent.Identities
	}
	if err := k.t.Send(ch, m); err != nil {
		k.log.Printf("kernel: send %s on %s: %v", msgType, ch, err)
	}
	return m
}

// reply answers r on the channel it came in on; the reply type is the
// request type with _request replaced by _reply.
func (k *Kernel) reply(r request, content any) {
	t := r.msg.Header.MsgType
	k.publish(r.ch, r.msg, t[:len(t)-len("request")]+"reply", content)
}

// status publishes the kernel's execution state, parented by parent.
func (k *Kernel) status(parent *wire.Message, state string) {
	k.publish(IOPub, parent, "status", map[string]any{"execution_state": state})
}

// errorReply is the content of a failed reply.
func errorReply(name, value string) map[string]any {
	return map[string]any{"status": "error", "ename": name, "evalue": value, "traceback": []string{}}
}
