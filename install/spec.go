package install

import (
	"encoding/json"
	"fmt"
	"path/filepath"
)

// KernelName is the kernelspec's directory name, the name clients pass as
// kernel_name.
const KernelName = "gokernel"

// Spec is the content of kernel.json, in the field order Jupyter documents.
// The zero value is not useful; build one with NewSpec.
type Spec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Metadata      map[string]any `json:"metadata"`
}

// NewSpec returns the kernelspec that starts executable (an absolute path)
// as `executable kernel --connection-file {connection_file}`.
func NewSpec(executable string) (Spec, error) {
	if !filepath.IsAbs(executable) {
		return Spec{}, fmt.Errorf("install: executable path %q is not absolute", executable)
	}
	return Spec{
		Argv:          []string{executable, "kernel", "--connection-file", "{connection_file}"},
		DisplayName:   "Go (gokernel)",
		Language:      "go",
		InterruptMode: "message",
		Metadata:      map[string]any{"debugger": false},
	}, nil
}

// JSON encodes s as indented JSON with a trailing newline.
func (s Spec) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("install: encode kernel.json: %w", err)
	}
	return append(b, '\n'), nil
}
