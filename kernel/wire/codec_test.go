package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

var testKey = NewSigner([]byte("0123456789abcdef"))

func sampleMessage() *Message {
	h := NewHeader("execute_request", "session-1", "alice")
	return &Message{
		Identities:   [][]byte{[]byte("id-a"), []byte("id-b")},
		Header:       h,
		ParentHeader: json.RawMessage(`{"msg_id":"p1","msg_type":"x"}`),
		Metadata:     json.RawMessage(`{"m":1}`),
		Content:      json.RawMessage(`{"code":"1+1","silent":false}`),
		Buffers:      [][]byte{{0, 1, 2}, []byte(Delimiter)},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, s := range []Signer{testKey, {}} {
		m := sampleMessage()
		got, err := Decode(Encode(m, s), s)
		if err != nil {
			t.Fatalf("Decode(Encode(m)) (signing %v): %v", s.Enabled(), err)
		}
		if !reflect.DeepEqual(got, m) {
			t.Fatalf("round trip changed the message:\n got %+v\nwant %+v", got, m)
		}
	}
}

func TestEncodeLayout(t *testing.T) {
	m := sampleMessage()
	frames := Encode(m, testKey)
	if len(frames) != 2+1+1+4+2 {
		t.Fatalf("got %d frames, want 10", len(frames))
	}
	if string(frames[2]) != Delimiter {
		t.Fatalf("frame 2 = %q, want delimiter", frames[2])
	}
	if want := testKey.Sign(frames[4:8]...); string(frames[3]) != want {
		t.Fatalf("signature = %q, want %q", frames[3], want)
	}
	var h Header
	if err := json.Unmarshal(frames[4], &h); err != nil || h != m.Header {
		t.Fatalf("header frame = %s (%v)", frames[4], err)
	}
}

func TestEncodeNilDictsAsEmptyObjects(t *testing.T) {
	m := &Message{Header: NewHeader("status", "s", "u")}
	frames := Encode(m, testKey)
	if len(frames) != 6 {
		t.Fatalf("got %d frames, want 6", len(frames))
	}
	for i, f := range frames[2:6] {
		if i == 0 {
			continue // the header
		}
		if string(f) != "{}" {
			t.Errorf("%s = %q, want {}", dictNames[i], f)
		}
	}
	if _, err := Decode(frames, testKey); err != nil {
		t.Fatalf("Decode: %v", err)
	}
}

func TestTamperingAnyFrameFailsVerification(t *testing.T) {
	good := Encode(sampleMessage(), testKey)
	sigIndex := 3 // two identities, delimiter
	for i := sigIndex; i < sigIndex+5; i++ {
		frames := cloneFrames(good)
		frames[i] = append(bytes.Clone(frames[i][:len(frames[i])-1]), frames[i][len(frames[i])-1]^1)
		_, err := Decode(frames, testKey)
		if !errors.Is(err, ErrBadSignature) {
			t.Errorf("tampered frame %d: err = %v, want ErrBadSignature", i, err)
		}
	}
}

func TestWrongKeyFailsVerification(t *testing.T) {
	frames := Encode(sampleMessage(), NewSigner([]byte("another key")))
	if _, err := Decode(frames, testKey); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("err = %v, want ErrBadSignature", err)
	}
	unsigned := Encode(sampleMessage(), Signer{})
	if _, err := Decode(unsigned, testKey); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("unsigned message with key: err = %v, want ErrBadSignature", err)
	}
	if _, err := Decode(frames, Signer{}); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("signed message without key: err = %v, want ErrBadSignature", err)
	}
}

func TestDecodeStructuralErrors(t *testing.T) {
	m := sampleMessage()
	m.Buffers = nil
	good := Encode(m, testKey)
	cases := []struct {
		name   string
		frames [][]byte
		want   error
	}{
		{"nil", nil, ErrNoDelimiter},
		{"no delimiter", append(cloneFrames(good[:2]), good[3:]...), ErrNoDelimiter},
		{"only delimiter", [][]byte{[]byte(Delimiter)}, ErrTooFewFrames},
		{"no content", good[:len(good)-3], ErrTooFewFrames},
	}
	for _, c := range cases {
		_, err := Decode(c.frames, testKey)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

// signedFrames builds a correctly signed message from raw dict frames, so
// that Decode gets past the signature and checks the JSON.
func signedFrames(header, parent, meta, content string) [][]byte {
	d := [][]byte{[]byte(header), []byte(parent), []byte(meta), []byte(content)}
	return append([][]byte{[]byte(Delimiter), []byte(testKey.Sign(d...))}, d...)
}

func TestDecodeMalformed(t *testing.T) {
	const h = `{"msg_id":"1","msg_type":"t"}`
	cases := map[string][][]byte{
		"invalid header JSON":   signedFrames(`{"msg_id":`, `{}`, `{}`, `{}`),
		"invalid parent JSON":   signedFrames(h, `{`, `{}`, `{}`),
		"invalid metadata JSON": signedFrames(h, `{}`, `nope`, `{}`),
		"invalid content JSON":  signedFrames(h, `{}`, `{}`, `{"a":}`),
		"empty content":         signedFrames(h, `{}`, `{}`, ``),
		"header is an array":    signedFrames(`[1]`, `{}`, `{}`, `{}`),
		"parent is null":        signedFrames(h, `null`, `{}`, `{}`),
		"metadata is a string":  signedFrames(h, `{}`, `"x"`, `{}`),
		"content is a number":   signedFrames(h, `{}`, `{}`, `42`),
		"trailing garbage":      signedFrames(h, `{}`, `{}`, `{} {}`),
		"no msg_type":           signedFrames(`{"msg_id":"1"}`, `{}`, `{}`, `{}`),
		"no msg_id":             signedFrames(`{"msg_type":"t"}`, `{}`, `{}`, `{}`),
		"msg_type not a string": signedFrames(`{"msg_id":"1","msg_type":3}`, `{}`, `{}`, `{}`),
		"empty msg_type":        signedFrames(`{"msg_id":"1","msg_type":""}`, `{}`, `{}`, `{}`),
	}
	for name, frames := range cases {
		m, err := Decode(frames, testKey)
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
		if m != nil {
			t.Errorf("%s: got a message along with the error", name)
		}
	}
}

func TestDecodeKeepsRawBytesAndExtraHeaderFields(t *testing.T) {
	parent := `{ "msg_id" : "p" }`
	frames := signedFrames(`{"msg_id":"1","msg_type":"t","subshell_id":null}`, parent, `{}`, `{"x": [1, 2]}`)
	frames = append(frames, []byte("buf"))
	m, err := Decode(frames, testKey)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if string(m.ParentHeader) != parent || string(m.Content) != `{"x": [1, 2]}` {
		t.Fatalf("raw dicts changed: %s %s", m.ParentHeader, m.Content)
	}
	if len(m.Identities) != 0 || len(m.Buffers) != 1 || string(m.Buffers[0]) != "buf" {
		t.Fatalf("identities %q buffers %q", m.Identities, m.Buffers)
	}
}

func TestDecodeUsesFirstDelimiter(t *testing.T) {
	m := sampleMessage()
	m.Identities = [][]byte{[]byte("a")}
	frames := Encode(m, testKey)
	got, err := Decode(frames, testKey)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	// The second buffer is the delimiter text; it must stay a buffer.
	if len(got.Buffers) != 2 || string(got.Buffers[1]) != Delimiter {
		t.Fatalf("buffers = %q", got.Buffers)
	}
}

func cloneFrames(frames [][]byte) [][]byte {
	out := make([][]byte, len(frames))
	for i, f := range frames {
		out[i] = bytes.Clone(f)
	}
	return out
}
