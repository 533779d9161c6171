package zmqnet

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel"
)

// systemPython is Debian's interpreter, which has pyzmq and jupyter_client.
const systemPython = "/usr/bin/python3"

// TestJupyterClientInterop runs testdata/jupyter_client_peer.py, a client
// built on pyzmq (libzmq) and jupyter_client's Session, against a Transport:
// heartbeat, signing in both directions, identity routing, iopub and control.
func TestJupyterClientInterop(t *testing.T) {
	if err := exec.Command(systemPython, "-c", "import zmq, jupyter_client").Run(); err != nil {
		t.Skipf("%s with pyzmq and jupyter_client is not available: %v", systemPython, err)
	}
	tr, logs := listen(t, testKey)
	path := filepath.Join(t.TempDir(), "kernel.json")
	data, err := json.Marshal(tr.Info())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t)
	cmd := exec.CommandContext(ctx, systemPython, "testdata/jupyter_client_peer.py", path)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	serve(ctx, t, tr)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("python peer failed: %v\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), "OK") {
		t.Fatalf("python peer said %q", out.String())
	}
	if n := len(logs.lines("bad signature")); n != 1 {
		t.Fatalf("%d bad-signature drops logged, want 1: %v", n, logs.lines("dropped"))
	}
}

// serve answers the peer: a kernel_info_reply, then idle status on iopub
// until the peer's shutdown_request arrives (the peer's subscription takes
// effect at an unknown time), then a shutdown_reply.
func serve(ctx context.Context, t *testing.T, tr *Transport) {
	t.Helper()
	ch, req := receive(t, tr)
	if ch != kernel.Shell || req.Header.MsgType != "kernel_info_request" {
		t.Fatalf("got %s on %s, want kernel_info_request on shell", req.Header.MsgType, ch)
	}
	if err := tr.Send(kernel.Shell, reply(t, req, "kernel_info_reply")); err != nil {
		t.Fatal(err)
	}
	status := reply(t, req, "status")
	status.Identities = nil
	status.Content = []byte(`{"execution_state":"idle"}`)
	for {
		if err := tr.Send(kernel.IOPub, status); err != nil {
			t.Fatal(err)
		}
		attempt, cancel := context.WithTimeout(ctx, retryInterval)
		ch, next, err := tr.Receive(attempt)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				t.Fatal("no shutdown_request from the peer")
			}
			continue // publish again
		}
		if ch != kernel.Control || next.Header.MsgType != "shutdown_request" {
			t.Fatalf("got %s on %s, want shutdown_request on control", next.Header.MsgType, ch)
		}
		if err := tr.Send(kernel.Control, reply(t, next, "shutdown_reply")); err != nil {
			t.Fatal(err)
		}
		return
	}
}
