package install

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestSpecJSON(t *testing.T) {
	s, err := NewSpec("/opt/bin/gokernel")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("kernel.json is not JSON: %v\n%s", err, b)
	}
	want := map[string]any{
		"argv":           []any{"/opt/bin/gokernel", "kernel", "--connection-file", "{connection_file}"},
		"display_name":   "Go (gokernel)",
		"language":       "go",
		"interrupt_mode": "message",
		"metadata":       map[string]any{"debugger": false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kernel.json = %v, want %v", got, want)
	}
}

func TestNewSpecRejectsRelativePath(t *testing.T) {
	if _, err := NewSpec("bin/gokernel"); err == nil {
		t.Fatal("NewSpec accepted a relative executable path")
	}
}
