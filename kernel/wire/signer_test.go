package wire

import "testing"

// knownSignature was computed independently of this package with
//
//	/usr/bin/python3 -c 'import hmac,hashlib; h=hmac.new(b"secret-key",digestmod=hashlib.sha256); [h.update(p) for p in [b"{\"msg_id\":\"1\",\"msg_type\":\"kernel_info_request\"}", b"{}", b"{}", b"{}"]]; print(h.hexdigest())'
const knownSignature = "d24613c901272087168eb7a17b371d2f54d14044dca08737846f4baf86191b6a"

var knownParts = [][]byte{
	[]byte(`{"msg_id":"1","msg_type":"kernel_info_request"}`),
	[]byte(`{}`), []byte(`{}`), []byte(`{}`),
}

func TestSignerKnownAnswer(t *testing.T) {
	s := NewSigner([]byte("secret-key"))
	if got := s.Sign(knownParts...); got != knownSignature {
		t.Fatalf("Sign = %s, want %s", got, knownSignature)
	}
	if !s.Verify([]byte(knownSignature), knownParts...) {
		t.Fatal("Verify rejected the known signature")
	}
}

func TestSignerKnownAnswerDecode(t *testing.T) {
	frames := append([][]byte{[]byte("client-id"), []byte(Delimiter), []byte(knownSignature)}, knownParts...)
	m, err := Decode(frames, NewSigner([]byte("secret-key")))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if m.Header.MsgType != "kernel_info_request" || m.Header.MsgID != "1" {
		t.Fatalf("header = %+v", m.Header)
	}
	if len(m.Identities) != 1 || string(m.Identities[0]) != "client-id" {
		t.Fatalf("identities = %q", m.Identities)
	}
}

func TestSignerRejects(t *testing.T) {
	s := NewSigner([]byte("secret-key"))
	other := NewSigner([]byte("other-key"))
	cases := map[string][]byte{
		"other key":   []byte(other.Sign(knownParts...)),
		"empty":       nil,
		"not hex":     []byte("zz" + knownSignature[2:]),
		"truncated":   []byte(knownSignature[:len(knownSignature)-2]),
		"one bit off": []byte(knownSignature[:len(knownSignature)-1] + "b"),
		"odd length":  []byte(knownSignature + "0"),
		"extra byte":  []byte(knownSignature + "00"),
	}
	for name, sig := range cases {
		if s.Verify(sig, knownParts...) {
			t.Errorf("%s: Verify accepted %q", name, sig)
		}
	}
}

func TestSignerNoKey(t *testing.T) {
	var zero Signer
	for _, s := range []Signer{zero, NewSigner(nil), NewSigner([]byte{})} {
		if s.Enabled() {
			t.Fatal("signer without key reports Enabled")
		}
		if got := s.Sign(knownParts...); got != "" {
			t.Fatalf("Sign without key = %q, want empty", got)
		}
		if !s.Verify(nil, knownParts...) {
			t.Fatal("Verify without key rejected the empty signature")
		}
		if s.Verify([]byte(knownSignature), knownParts...) {
			t.Fatal("Verify without key accepted a non-empty signature")
		}
	}
}

func TestNewSignerCopiesKey(t *testing.T) {
	key := []byte("secret-key")
	s := NewSigner(key)
	key[0] = 'X'
	if got := s.Sign(knownParts...); got != knownSignature {
		t.Fatalf("signer changed with its caller's key slice: %s", got)
	}
}
