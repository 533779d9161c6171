package kernel

import (
	goruntime "runtime"
	"strings"

	"github.com/gokernel/gokernel/kernel/wire"
)

// Info describes the kernel in kernel_info_reply. The zero value describes
// gokernel running on the Go version it was built with.
type Info struct {
	Implementation        string
	ImplementationVersion string
	// GoVersion is the language version, e.g. "1.26.8".
	GoVersion string
	Banner    string
}

func (i Info) withDefaults() Info {
	if i.Implementation == "" {
		i.Implementation = "gokernel"
	}
	if i.ImplementationVersion == "" {
		i.ImplementationVersion = "0.1.0"
	}
	if i.GoVersion == "" {
		i.GoVersion = strings.TrimPrefix(goruntime.Version(), "go")
	}
	if i.Banner == "" {
		i.Banner = "gokernel " + i.ImplementationVersion + " — Go " + i.GoVersion + " (yaegi interpreter)"
	}
	return i
}

func (i Info) content() map[string]any {
	return map[string]any{
		"status":                 "ok",
		"protocol_version":       wire.ProtocolVersion,
		"implementation":         i.Implementation,
		"implementation_version": i.ImplementationVersion,
		"language_info": map[string]any{
			"name":            "go",
			"version":         i.GoVersion,
			"mimetype":        "text/x-go",
			"file_extension":  ".go",
			"pygments_lexer":  "go",
			"codemirror_mode": "go",
		},
		"banner":   i.Banner,
		"debugger": false,
		"help_links": []map[string]string{
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
		},
	}
}
