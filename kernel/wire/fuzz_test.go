package wire

import (
	"bytes"
	"reflect"
	"testing"
)

// FuzzDecode feeds Decode arbitrary frames. The fuzzer's input is split into
// frames at every 0xFF byte (which never occurs in UTF-8 JSON, so seeds stay
// readable). Decode must never panic, and a message it accepts must survive
// Encode/Decode unchanged.
func FuzzDecode(f *testing.F) {
	for _, frames := range [][][]byte{
		Encode(sampleMessage(), testKey),
		Encode(&Message{Header: NewHeader("status", "s", "u")}, testKey),
		signedFrames(`{"msg_id":"1","msg_type":"t","version":"5.3"}`, `{}`, `{}`, `{"a":"\u00e9"}`),
		signedFrames(`{"msg_id":"1","msg_type":"t"}`, `{}`, `{}`, `[]`),
		{[]byte(Delimiter)},
		{[]byte("garbage")},
	} {
		f.Add(bytes.Join(frames, []byte{0xFF}), true)
	}
	f.Add(bytes.Join(Encode(sampleMessage(), Signer{}), []byte{0xFF}), false)
	f.Fuzz(func(t *testing.T, data []byte, signed bool) {
		s := Signer{}
		if signed {
			s = testKey
		}
		frames := bytes.Split(data, []byte{0xFF})
		m, err := Decode(frames, s)
		if err != nil {
			if m != nil {
				t.Fatalf("Decode returned a message with error %v", err)
			}
			return
		}
		again, err := Decode(Encode(m, s), s)
		if err != nil {
			t.Fatalf("re-decoding an accepted message failed: %v", err)
		}
		if !reflect.DeepEqual(normalize(again), normalize(m)) {
			t.Fatalf("re-encoding changed the message:\n got %+v\nwant %+v", again, m)
		}
	})
}

// normalize maps empty slices to nil so that DeepEqual compares content.
func normalize(m *Message) *Message {
	c := *m
	if len(c.Identities) == 0 {
		c.Identities = nil
	}
	if len(c.Buffers) == 0 {
		c.Buffers = nil
	}
	return &c
}
