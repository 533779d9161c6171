package data

import (
	"bytes"
	"reflect"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := &Package{
		Path: "net/http", Name: "http", Doc: "Package http.\n",
		Imports: []Import{{Name: "io", Path: "io"}},
		Members: []Member{{
			Name: "Server", Kind: TypeKind, Signature: "type Server struct{ ... }",
			Fields:  []Field{{Name: "Addr", Type: "string", Doc: "Addr.\n"}},
			Methods: []Method{{Name: "Close", Signature: "func (s *Server) Close() error", Type: "func() error"}},
		}},
	}
	b1, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Error("Encode is not deterministic")
	}
	var out Package
	if err := Decode(b1, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, &out) {
		t.Errorf("round trip = %+v, want %+v", out, *in)
	}
	if err := Decode([]byte("not gzip"), &out); err == nil {
		t.Error("Decode accepted garbage")
	}
}

func TestFileName(t *testing.T) {
	for path, want := range map[string]string{
		"fmt":                                  "fmt.gob.gz",
		"net/http":                             "net~http.gob.gz",
		"github.com/gokernel/gokernel/runtime": "github.com~gokernel~gokernel~runtime.gob.gz",
	} {
		if got := FileName(path); got != want {
			t.Errorf("FileName(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{FuncKind: "function", TypeKind: "class", VarKind: "instance", FieldKind: "property", PackageKind: "module", Kind(0): "<unknown>"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", k, got, want)
		}
	}
}
