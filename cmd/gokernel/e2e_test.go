package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
	"github.com/gokernel/gokernel/kernel/workerproc"
	"github.com/gokernel/gokernel/kernel/zmqnet"
)

// The test binary doubles as the gokernel binary for the worker process:
// with GOKERNEL_TEST_AS_MAIN=1 it runs main's command dispatch.
func TestMain(m *testing.M) {
	if os.Getenv("GOKERNEL_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	goleak.VerifyTestMain(m)
}

// session is a front served in-process on OS-chosen ports, a worker
// process, and a client connected over real ZeroMQ sockets.
type session struct {
	c    *zmqnet.Client
	done chan error
}

func startSession(t *testing.T) *session {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	info := wire.ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: hex.EncodeToString(key), SignatureScheme: "hmac-sha256"}
	opts := workerproc.Options{
		Command: []string{exe, "worker"},
		Env:     append(os.Environ(), "GOKERNEL_TEST_AS_MAIN=1"),
		Logger:  log.New(io.Discard, "", 0),
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan wire.ConnectionInfo, 1)
	s := &session{done: make(chan error, 1)}
	go func() { s.done <- serve(ctx, info, opts, opts.Logger, func(i wire.ConnectionInfo) { ready <- i }) }()
	var bound wire.ConnectionInfo
	select {
	case bound = <-ready:
	case err := <-s.done:
		t.Fatalf("serve: %v", err)
	}
	s.c, err = zmqnet.Dial(ctx, bound)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.c.Close()
		cancel()
		if err := <-s.done; err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, kernel.ErrShutdown) {
			t.Errorf("serve: %v", err)
		}
	})
	return s
}

// request sends a request on ch and returns it.
func (s *session) request(t *testing.T, ch kernel.Channel, msgType string, content any) *wire.Message {
	t.Helper()
	m, err := s.c.NewMessage(msgType, content)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.c.Send(ch, m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (s *session) recv(t *testing.T, ch kernel.Channel) *wire.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	m, err := s.c.Recv(ctx, ch)
	if err != nil {
		t.Fatalf("receive on %s: %v", ch, err)
	}
	return m
}

// iopubFor collects the iopub messages parented by req up to its idle.
func (s *session) iopubFor(t *testing.T, req *wire.Message) []*wire.Message {
	t.Helper()
	var out []*wire.Message
	for {
		m := s.recv(t, kernel.IOPub)
		var p wire.Header
		_ = json.Unmarshal(m.ParentHeader, &p)
		if p.MsgID != req.Header.MsgID {
			continue
		}
		out = append(out, m)
		if m.Header.MsgType == "status" && strings.Contains(string(m.Content), `"idle"`) {
			return out
		}
	}
}

func contentOf(t *testing.T, m *wire.Message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.Content, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEndToEndOverRealSockets(t *testing.T) {
	s := startSession(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if echo, err := s.c.Heartbeat(ctx, []byte("ping")); err != nil || string(echo) != "ping" {
		t.Fatalf("heartbeat: %q %v", echo, err)
	}
	info := s.request(t, kernel.Shell, "kernel_info_request", map[string]any{})
	if rep := s.recv(t, kernel.Shell); rep.Header.MsgType != "kernel_info_reply" {
		t.Fatalf("got %s", rep.Header.MsgType)
	}
	s.iopubFor(t, info)

	req := s.request(t, kernel.Shell, "execute_request", map[string]any{"code": "import \"fmt\"\nfmt.Println(\"hello\")\n6*7", "silent": false})
	rep := contentOf(t, s.recv(t, kernel.Shell))
	if rep["status"] != "ok" {
		t.Fatalf("execute reply %v", rep)
	}
	var stream, result string
	for _, m := range s.iopubFor(t, req) {
		switch m.Header.MsgType {
		case "stream":
			stream += contentOf(t, m)["text"].(string)
		case "execute_result":
			result = contentOf(t, m)["data"].(map[string]any)["text/plain"].(string)
		}
	}
	if stream != "hello\n" || result != "42" {
		t.Errorf("stream %q, result %q", stream, result)
	}

	s.request(t, kernel.Control, "shutdown_request", map[string]any{"restart": false})
	if rep := s.recv(t, kernel.Control); rep.Header.MsgType != "shutdown_reply" {
		t.Fatalf("got %s", rep.Header.MsgType)
	}
	if err := <-s.done; !errors.Is(err, kernel.ErrShutdown) {
		t.Fatalf("serve returned %v, want ErrShutdown", err)
	}
	s.done <- nil
}
