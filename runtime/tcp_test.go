package runtime

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// echoHandler sends every line back upper-cased until the client closes.
func echoHandler(ctx context.Context, s *Stream) error {
	for {
		line, err := s.ReadLine(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		s.WriteString(strings.ToUpper(line) + "\n")
		if err := s.Drain(ctx); err != nil {
			return err
		}
	}
}

func startEcho(t *testing.T) *Server {
	t.Helper()
	srv, err := StartServer(context.Background(), "127.0.0.1:0", echoHandler)
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func TestTCPEchoRoundTrips(t *testing.T) {
	ctx := context.Background()
	srv := startEcho(t)
	s, err := OpenConnection(ctx, srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range []string{"hello", "world"} {
		s.WriteString(msg + "\n")
		if err := s.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if got, err := s.ReadLine(ctx); got != strings.ToUpper(msg) || err != nil {
			t.Fatalf("echo of %q: %q, %v", msg, got, err)
		}
	}
	s.WriteString("abc|def\nxyz\n")
	if err := s.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if b, err := s.ReadUntil(ctx, "|D"); string(b) != "ABC|D" || err != nil {
		t.Fatalf("ReadUntil: %q, %v", b, err)
	}
	if b, err := s.ReadN(ctx, 3); string(b) != "EF\n" || err != nil {
		t.Fatalf("ReadN: %q, %v", b, err)
	}
	if err := s.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	if b, err := s.Read(ctx, 100); string(b) != "XYZ\n" || err != nil {
		t.Fatalf("Read: %q, %v", b, err)
	}
	if _, err := s.ReadLine(ctx); err != io.EOF {
		t.Fatalf("ReadLine at end: %v", err)
	}
	s.Close()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTCPReadDeadlineFromContext(t *testing.T) {
	srv := startEcho(t)
	defer srv.Close()
	s, err := OpenConnection(context.Background(), srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if _, err := s.ReadLine(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("ReadLine past deadline: %v", err)
	}
	// The stream still works after a deadline.
	s.WriteString("again\n")
	if err := s.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ReadLine(context.Background()); got != "AGAIN" || err != nil {
		t.Fatalf("after deadline: %q, %v", got, err)
	}
}

func TestTCPServerCloseInterruptsHandlers(t *testing.T) {
	reading := make(chan struct{})
	srv, err := StartServer(context.Background(), "127.0.0.1:0", func(ctx context.Context, s *Stream) error {
		close(reading)
		_, err := s.ReadLine(ctx) // the client never writes
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenConnection(context.Background(), srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	<-reading
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func TestTCPServerCollectsPanics(t *testing.T) {
	srv, err := StartServer(context.Background(), "127.0.0.1:0", func(ctx context.Context, s *Stream) error {
		panic("handler bug")
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenConnection(context.Background(), srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadLine(context.Background()); err != io.EOF { // server closed it
		t.Fatalf("read from panicked handler's connection: %v", err)
	}
	s.Close()
	var pe *PanicError
	if err := srv.Close(); !errors.As(err, &pe) {
		t.Fatalf("Close: %v, want *PanicError", err)
	}
}
