package wire

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strconv"
)

// SignatureScheme is the only signing scheme gokernel accepts.
const SignatureScheme = "hmac-sha256"

// ConnectionInfo is the content of a Jupyter connection file: where the five
// sockets live and how messages are signed. The zero value describes tcp on
// no address with no signing; it is only useful after its fields are set.
type ConnectionInfo struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	ControlPort     int    `json:"control_port"`
	StdinPort       int    `json:"stdin_port"`
	IOPubPort       int    `json:"iopub_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and validates the connection file at path.
func ReadConnectionFile(path string) (ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ConnectionInfo{}, fmt.Errorf("wire: read connection file: %w", err)
	}
	var info ConnectionInfo
	if err := json.Unmarshal(data, &info); err != nil {
		return ConnectionInfo{}, fmt.Errorf("wire: parse connection file %s: %w", path, err)
	}
	if err := info.Validate(); err != nil {
		return ConnectionInfo{}, err
	}
	return info, nil
}

// WriteConnectionFile validates info and writes it to path as JSON,
// readable only by its owner since it holds the signing key.
func WriteConnectionFile(path string, info ConnectionInfo) error {
	if err := info.Validate(); err != nil {
		return err
	}
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return fmt.Errorf("wire: encode connection file: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("wire: write connection file: %w", err)
	}
	return nil
}

// Validate reports whether info can be used to listen: a known transport
// ("tcp", or "ipc" where IP is a path prefix), an address, ports in range
// (0 means "let the operating system choose") and not repeated, and a
// supported signature scheme when a key is present. An empty Transport is
// treated as "tcp". An empty key means messages are neither signed nor
// checked, whatever the scheme says.
func (info ConnectionInfo) Validate() error {
	switch info.Transport {
	case "", "tcp", "ipc":
	default:
		return fmt.Errorf("wire: unsupported transport %q (want tcp or ipc)", info.Transport)
	}
	if info.IP == "" {
		return fmt.Errorf("wire: connection file has no ip")
	}
	if info.Key != "" && info.SignatureScheme != "" && info.SignatureScheme != SignatureScheme {
		return fmt.Errorf("wire: unsupported signature scheme %q (want %s)", info.SignatureScheme, SignatureScheme)
	}
	return info.validatePorts()
}

func (info ConnectionInfo) validatePorts() error {
	seen := make(map[int]string)
	for _, p := range info.ports() {
		if p.port < 0 || p.port > 65535 {
			return fmt.Errorf("wire: %s %d out of range", p.name, p.port)
		}
		if p.port == 0 {
			continue
		}
		if other, dup := seen[p.port]; dup {
			return fmt.Errorf("wire: %s and %s are both %d", other, p.name, p.port)
		}
		seen[p.port] = p.name
	}
	return nil
}

type namedPort struct {
	name string
	port int
}

func (info ConnectionInfo) ports() []namedPort {
	return []namedPort{
		{"shell_port", info.ShellPort},
		{"control_port", info.ControlPort},
		{"stdin_port", info.StdinPort},
		{"iopub_port", info.IOPubPort},
		{"hb_port", info.HBPort},
	}
}

// Addr returns the ZeroMQ endpoint for port: "tcp://ip:port" (IPv6
// addresses in brackets), or "ipc://ip-port" for the ipc transport, as
// jupyter_client names its socket files.
func (info ConnectionInfo) Addr(port int) string {
	if info.Transport == "ipc" {
		return "ipc://" + info.IP + "-" + strconv.Itoa(port)
	}
	return "tcp://" + net.JoinHostPort(info.IP, strconv.Itoa(port))
}

// Signer returns the signer for info's key.
func (info ConnectionInfo) Signer() Signer {
	return NewSigner([]byte(info.Key))
}
