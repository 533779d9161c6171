package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// Signer signs and verifies messages with HMAC-SHA256 over the header,
// parent header, metadata and content frames, as the Jupyter protocol
// requires. The zero value has no key: it signs with the empty string and
// accepts only an empty signature, which is what Jupyter does when the
// connection file's key is empty. A Signer is safe for concurrent use.
type Signer struct {
	key []byte
}

// NewSigner returns a signer for key. An empty key disables signing. The key
// is copied.
func NewSigner(key []byte) Signer {
	if len(key) == 0 {
		return Signer{}
	}
	return Signer{key: append([]byte(nil), key...)}
}

// Enabled reports whether s signs messages (its key is not empty).
func (s Signer) Enabled() bool { return len(s.key) > 0 }

// Sign returns the lowercase hex HMAC-SHA256 of parts, in order, or the
// empty string when s has no key.
func (s Signer) Sign(parts ...[]byte) string {
	if !s.Enabled() {
		return ""
	}
	return hex.EncodeToString(s.mac(parts))
}

// Verify reports whether sig is the signature of parts. With a key it
// compares in constant time (hex is decoded first, so the comparison does not
// depend on where the first wrong byte is); without a key only the empty
// signature is accepted.
func (s Signer) Verify(sig []byte, parts ...[]byte) bool {
	if !s.Enabled() {
		return len(sig) == 0
	}
	got := make([]byte, hex.DecodedLen(len(sig)))
	if _, err := hex.Decode(got, sig); err != nil {
		return false
	}
	return hmac.Equal(got, s.mac(parts))
}

func (s Signer) mac(parts [][]byte) []byte {
	h := hmac.New(sha256.New, s.key)
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}
