// Package wire implements the Jupyter messaging protocol's framing: the
// `<IDS|MSG>` multipart layout, HMAC-SHA256 signing and verification, and the
// connection file. It knows nothing about sockets; see package kernel for the
// message handling and kernel/zmqnet for the transport.
package wire

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// ProtocolVersion is the Jupyter messaging protocol version gokernel speaks.
const ProtocolVersion = "5.3"

// Delimiter separates routing identities from the signed part of a message.
const Delimiter = "<IDS|MSG>"

// Header is a Jupyter message header. The zero value is not a valid header;
// use NewHeader.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// NewHeader returns a header with a fresh message id, the current time in
// ISO 8601 with microseconds and the protocol version.
func NewHeader(msgType, session, username string) Header {
	return Header{
		MsgID:    uuid.NewString(),
		Session:  session,
		Username: username,
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// Message is one decoded Jupyter message. ParentHeader, Metadata and Content
// are kept as raw JSON so that a message can be re-sent byte for byte and a
// handler decodes only what it needs. Buffers are the optional binary frames
// after the content. The zero value is an empty message with no identities.
type Message struct {
	Identities   [][]byte
	Header       Header
	ParentHeader json.RawMessage
	Metadata     json.RawMessage
	Content      json.RawMessage
	Buffers      [][]byte
}
