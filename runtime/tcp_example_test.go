package runtime_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"

	rt "github.com/gokernel/gokernel/runtime"
)

// startUpper starts a server that answers each line upper-cased.
func startUpper(ctx context.Context) *rt.Server {
	srv, err := rt.StartServer(ctx, "127.0.0.1:0", func(ctx context.Context, s *rt.Stream) error {
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
	})
	if err != nil {
		panic(err)
	}
	return srv
}

func ExampleStream() {
	ctx := context.Background()
	srv := startUpper(ctx)
	defer srv.Close()
	s, _ := rt.OpenConnection(ctx, srv.Addr())
	defer s.Close()
	s.WriteString("hello\n")
	s.Drain(ctx)
	fmt.Println(s.ReadLine(ctx))
	// Output: HELLO <nil>
}

func ExampleServer() {
	ctx := context.Background()
	srv := startUpper(ctx)
	for _, word := range []string{"one", "two"} {
		s, _ := rt.OpenConnection(ctx, srv.Addr())
		s.WriteString(word + "\n")
		s.Drain(ctx)
		line, _ := s.ReadLine(ctx)
		fmt.Println(line)
		s.Close()
	}
	fmt.Println(srv.Close()) // handler errors, joined
	// Output:
	// ONE
	// TWO
	// <nil>
}

func ExampleStartServer() {
	srv, _ := rt.StartServer(context.Background(), "127.0.0.1:0",
		func(ctx context.Context, s *rt.Stream) error { return nil })
	fmt.Println(strings.HasPrefix(srv.Addr(), "127.0.0.1:"))
	srv.Close()
	// Output: true
}

func ExampleOpenConnection() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rt.OpenConnection(ctx, "127.0.0.1:1")
	fmt.Println(err != nil)
	// Output: true
}

func ExampleNewStream() {
	a, b := net.Pipe()
	s, peer := rt.NewStream(a), rt.NewStream(b)
	go func() {
		peer.WriteString("over a pipe\n")
		peer.Drain(context.Background())
	}()
	fmt.Println(s.ReadLine(context.Background()))
	s.Close()
	peer.Close()
	// Output: over a pipe <nil>
}

// pipePair returns two connected streams and a function that feeds data
// from the second to the first.
func pipePair(data string) (*rt.Stream, func()) {
	a, b := net.Pipe()
	peer := rt.NewStream(b)
	done := make(chan struct{})
	go func() {
		defer close(done)
		peer.WriteString(data)
		peer.Drain(context.Background())
		peer.Close()
	}()
	s := rt.NewStream(a)
	return s, func() { s.Close(); <-done }
}

func ExampleStream_ReadLine() {
	s, done := pipePair("one\r\ntwo")
	defer done()
	for {
		line, err := s.ReadLine(context.Background())
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(line)
	}
	// Output:
	// one
	// two
	// EOF
}

func ExampleStream_ReadN() {
	s, done := pipePair("HEADbody")
	defer done()
	head, _ := s.ReadN(context.Background(), 4)
	fmt.Printf("%s\n", head)
	// Output: HEAD
}

func ExampleStream_ReadUntil() {
	s, done := pipePair("key: value\r\n\r\nbody")
	defer done()
	head, _ := s.ReadUntil(context.Background(), "\r\n\r\n")
	fmt.Printf("%q\n", head)
	// Output: "key: value\r\n\r\n"
}

func ExampleStream_Read() {
	s, done := pipePair("abc")
	defer done()
	b, _ := s.Read(context.Background(), 2)
	fmt.Printf("%s\n", b)
	// Output: ab
}

func ExampleStream_Write() {
	s, done := pipePair("")
	defer done()
	s.Write([]byte("buffered"))
	fmt.Println(s.Buffered()) // not sent until Drain
	// Output: 8
}

func ExampleStream_WriteString() {
	s, done := pipePair("")
	defer done()
	s.WriteString("abc")
	fmt.Println(s.Buffered())
	// Output: 3
}

func ExampleStream_Buffered() {
	ctx := context.Background()
	srv := startUpper(ctx)
	defer srv.Close()
	s, _ := rt.OpenConnection(ctx, srv.Addr())
	defer s.Close()
	s.WriteString("x\n")
	before := s.Buffered()
	s.Drain(ctx)
	fmt.Println(before, s.Buffered())
	// Output: 2 0
}

func ExampleStream_Drain() {
	ctx := context.Background()
	srv := startUpper(ctx)
	defer srv.Close()
	s, _ := rt.OpenConnection(ctx, srv.Addr())
	defer s.Close()
	s.WriteString("drained\n")
	fmt.Println(s.Drain(ctx))
	fmt.Println(s.ReadLine(ctx))
	// Output:
	// <nil>
	// DRAINED <nil>
}

func ExampleStream_CloseWrite() {
	ctx := context.Background()
	srv := startUpper(ctx)
	defer srv.Close()
	s, _ := rt.OpenConnection(ctx, srv.Addr())
	defer s.Close()
	s.WriteString("last\n")
	s.Drain(ctx)
	s.CloseWrite() // the server reads EOF and ends; we still read
	fmt.Println(s.ReadLine(ctx))
	fmt.Println(s.ReadLine(ctx))
	// Output:
	// LAST <nil>
	//  EOF
}

func ExampleStream_Close() {
	s, done := pipePair("")
	done()
	_, err := s.ReadLine(context.Background())
	fmt.Println(err != nil)
	// Output: true
}

func ExampleStream_LocalAddr() {
	ctx := context.Background()
	srv := startUpper(ctx)
	defer srv.Close()
	s, _ := rt.OpenConnection(ctx, srv.Addr())
	defer s.Close()
	fmt.Println(strings.HasPrefix(s.LocalAddr(), "127.0.0.1:"), s.RemoteAddr() == srv.Addr())
	// Output: true true
}

func ExampleStream_RemoteAddr() {
	ctx := context.Background()
	srv := startUpper(ctx)
	defer srv.Close()
	s, _ := rt.OpenConnection(ctx, srv.Addr())
	defer s.Close()
	fmt.Println(s.RemoteAddr() == srv.Addr())
	// Output: true
}

func ExampleServer_Addr() {
	srv := startUpper(context.Background())
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Addr())
	fmt.Println(port != "0")
	// Output: true
}

func ExampleServer_Close() {
	srv, _ := rt.StartServer(context.Background(), "127.0.0.1:0", func(ctx context.Context, s *rt.Stream) error {
		return fmt.Errorf("bad client")
	})
	s, _ := rt.OpenConnection(context.Background(), srv.Addr())
	s.ReadLine(context.Background()) // EOF once the handler returned
	s.Close()
	fmt.Println(strings.HasSuffix(srv.Close().Error(), "bad client"))
	// Output: true
}
