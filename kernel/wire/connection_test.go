package wire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kernel.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadConnectionFile(t *testing.T) {
	path := writeFile(t, `{
  "shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003,
  "control_port": 50004, "hb_port": 50005, "ip": "127.0.0.1",
  "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
  "signature_scheme": "hmac-sha256", "kernel_name": "gokernel"
}`)
	info, err := ReadConnectionFile(path)
	if err != nil {
		t.Fatalf("ReadConnectionFile: %v", err)
	}
	want := ConnectionInfo{
		Transport: "tcp", IP: "127.0.0.1",
		ShellPort: 50001, ControlPort: 50004, StdinPort: 50003, IOPubPort: 50002, HBPort: 50005,
		Key: "a0436f6c-1916-498b-8eb9-e81ab9368e84", SignatureScheme: "hmac-sha256", KernelName: "gokernel",
	}
	if info != want {
		t.Fatalf("got %+v\nwant %+v", info, want)
	}
	if got := info.Addr(info.ShellPort); got != "tcp://127.0.0.1:50001" {
		t.Fatalf("Addr = %q", got)
	}
	if !info.Signer().Enabled() {
		t.Fatal("signer of a keyed connection is not enabled")
	}
}

func TestReadConnectionFileErrors(t *testing.T) {
	const ports = `"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5`
	cases := map[string]struct{ content, want string }{
		"not JSON":       {`{`, "parse"},
		"bad transport":  {`{"transport":"udp","ip":"1.2.3.4",` + ports + `}`, "transport"},
		"no ip":          {`{"transport":"tcp",` + ports + `}`, "ip"},
		"bad scheme":     {`{"ip":"1.2.3.4","key":"k","signature_scheme":"hmac-md5",` + ports + `}`, "signature scheme"},
		"port too big":   {`{"ip":"1.2.3.4","shell_port":70000}`, "out of range"},
		"negative port":  {`{"ip":"1.2.3.4","hb_port":-1}`, "out of range"},
		"repeated port":  {`{"ip":"1.2.3.4","shell_port":7,"hb_port":7}`, "both 7"},
		"port is string": {`{"ip":"1.2.3.4","shell_port":"7"}`, "parse"},
	}
	for name, c := range cases {
		_, err := ReadConnectionFile(writeFile(t, c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "wire: ") {
			t.Errorf("%s: err = %v, want a wire error mentioning %q", name, err, c.want)
		}
	}
	if _, err := ReadConnectionFile(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestValidateAccepts(t *testing.T) {
	cases := map[string]ConnectionInfo{
		"OS-chosen ports":     {IP: "127.0.0.1"},
		"no key, any scheme":  {IP: "127.0.0.1", SignatureScheme: "whatever"},
		"key, default scheme": {IP: "127.0.0.1", Key: "k"},
		"ipc":                 {Transport: "ipc", IP: "/tmp/kernel", ShellPort: 1, HBPort: 2},
	}
	for name, info := range cases {
		if err := info.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestAddr(t *testing.T) {
	cases := []struct {
		info ConnectionInfo
		port int
		want string
	}{
		{ConnectionInfo{Transport: "tcp", IP: "0.0.0.0"}, 9, "tcp://0.0.0.0:9"},
		{ConnectionInfo{IP: "::1"}, 9, "tcp://[::1]:9"},
		{ConnectionInfo{Transport: "ipc", IP: "/tmp/k"}, 3, "ipc:///tmp/k-3"},
	}
	for _, c := range cases {
		if got := c.info.Addr(c.port); got != c.want {
			t.Errorf("%+v.Addr(%d) = %q, want %q", c.info, c.port, got, c.want)
		}
	}
}

func TestWriteConnectionFileRoundTrip(t *testing.T) {
	info := ConnectionInfo{
		Transport: "tcp", IP: "127.0.0.1", ShellPort: 1, ControlPort: 2, StdinPort: 3,
		IOPubPort: 4, HBPort: 5, Key: "k", SignatureScheme: SignatureScheme, KernelName: "gokernel",
	}
	path := filepath.Join(t.TempDir(), "kernel.json")
	if err := WriteConnectionFile(path, info); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm != 0o600 {
		t.Fatalf("connection file mode %v, want 0600", perm)
	}
	got, err := ReadConnectionFile(path)
	if err != nil || got != info {
		t.Fatalf("read back %+v, %v; want %+v", got, err, info)
	}
	if err := WriteConnectionFile(path, ConnectionInfo{}); err == nil {
		t.Fatal("WriteConnectionFile accepted info without an ip")
	}
}
