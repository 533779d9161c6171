package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Errors returned by Decode, wrapped with detail; test with errors.Is.
var (
	// ErrNoDelimiter means the frames contain no "<IDS|MSG>" delimiter.
	ErrNoDelimiter = errors.New("wire: no <IDS|MSG> delimiter")
	// ErrTooFewFrames means fewer than the five frames signature, header,
	// parent header, metadata and content follow the delimiter.
	ErrTooFewFrames = errors.New("wire: too few frames after delimiter")
	// ErrBadSignature means the signature does not match the message.
	ErrBadSignature = errors.New("wire: bad signature")
	// ErrMalformed means a dict frame is not a JSON object or the header
	// lacks msg_id or msg_type.
	ErrMalformed = errors.New("wire: malformed message")
)

// emptyDict is what nil ParentHeader, Metadata and Content encode as.
var emptyDict = []byte("{}")

// Encode returns m's frames: identities, delimiter, signature (from s),
// header, parent header, metadata, content and buffers. Empty ParentHeader,
// Metadata and Content encode as {}. The frames share memory with m's raw
// fields and buffers; do not modify them while they are in use.
func Encode(m *Message, s Signer) [][]byte {
	header, err := json.Marshal(m.Header)
	if err != nil {
		// Header has only string fields, so Marshal cannot fail.
		panic("wire: marshal header: " + err.Error())
	}
	parent, meta, content := orEmpty(m.ParentHeader), orEmpty(m.Metadata), orEmpty(m.Content)
	frames := make([][]byte, 0, len(m.Identities)+7+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(Delimiter))
	frames = append(frames, []byte(s.Sign(header, parent, meta, content)))
	frames = append(frames, header, parent, meta, content)
	return append(frames, m.Buffers...)
}

func orEmpty(raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return emptyDict
	}
	return raw
}

// Decode parses and verifies a multipart message. Frames before the first
// delimiter become Identities, frames after the content become Buffers. The
// signature is checked (in constant time) before anything is parsed; then
// the header, parent header, metadata and content must each be a JSON
// object, and the header must have a non-empty msg_id and msg_type. Errors
// wrap ErrNoDelimiter, ErrTooFewFrames, ErrBadSignature or ErrMalformed.
// The message shares memory with frames.
func Decode(frames [][]byte, s Signer) (*Message, error) {
	delim := indexDelimiter(frames)
	if delim < 0 {
		return nil, fmt.Errorf("%w (%d frames)", ErrNoDelimiter, len(frames))
	}
	rest := frames[delim+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("%w: got %d, want at least 5", ErrTooFewFrames, len(rest))
	}
	sig, dicts := rest[0], rest[1:5]
	if !s.Verify(sig, dicts...) {
		return nil, ErrBadSignature
	}
	for i, d := range dicts {
		if !isJSONObject(d) {
			return nil, fmt.Errorf("%w: %s is not a JSON object", ErrMalformed, dictNames[i])
		}
	}
	m := &Message{
		ParentHeader: dicts[1],
		Metadata:     dicts[2],
		Content:      dicts[3],
	}
	if err := parseHeader(dicts[0], &m.Header); err != nil {
		return nil, err
	}
	if delim > 0 {
		m.Identities = frames[:delim]
	}
	if len(rest) > 5 {
		m.Buffers = rest[5:]
	}
	return m, nil
}

var dictNames = [4]string{"header", "parent_header", "metadata", "content"}

func indexDelimiter(frames [][]byte) int {
	for i, f := range frames {
		if string(f) == Delimiter {
			return i
		}
	}
	return -1
}

func isJSONObject(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{' && json.Valid(b)
}

func parseHeader(raw []byte, h *Header) error {
	if err := json.Unmarshal(raw, h); err != nil {
		return fmt.Errorf("%w: header: %w", ErrMalformed, err)
	}
	if h.MsgID == "" {
		return fmt.Errorf("%w: header has no msg_id", ErrMalformed)
	}
	if h.MsgType == "" {
		return fmt.Errorf("%w: header has no msg_type", ErrMalformed)
	}
	return nil
}
