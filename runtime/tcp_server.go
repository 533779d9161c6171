package runtime

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
)

// Server accepts TCP connections and runs a handler for each, like
// asyncio.start_server.
//
// Use StartServer; the zero value is not usable. The Server owns an accept
// goroutine and one goroutine per connection; Close stops them and waits
// for them, so every Server must be closed. Handlers run on their own
// goroutines, outside any loop task.
type Server struct {
	ln      net.Listener
	handler func(ctx context.Context, s *Stream) error
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	mu      sync.Mutex
	errs    []error
}

// StartServer listens on addr ("127.0.0.1:0" picks a free port) and
// serves each connection with handler(ctx, stream) on its own goroutine.
// The connection is closed when the handler returns. Handler ctx ends
// when the server's ctx ends or Close is called, which interrupts the
// handler's reads. Handler errors and panics are collected for Close.
func StartServer(ctx context.Context, addr string, handler func(ctx context.Context, s *Stream) error) (*Server, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("runtime: start server: %w", err)
	}
	srv := &Server{ln: ln, handler: handler}
	srv.ctx, srv.cancel = context.WithCancel(detachedCtx{ctx})
	context.AfterFunc(srv.ctx, func() { ln.Close() })
	srv.wg.Add(1)
	go srv.accept()
	return srv, nil
}

func (srv *Server) accept() {
	defer srv.wg.Done()
	for {
		conn, err := srv.ln.Accept()
		if err != nil {
			return
		}
		srv.wg.Add(1)
		go srv.serve(conn)
	}
}

// serve runs the handler for one connection and records its failure.
func (srv *Server) serve(conn net.Conn) {
	defer srv.wg.Done()
	defer conn.Close()
	s := NewStream(conn)
	_, err := CatchPanic(srv.ctx, func(ctx context.Context) (any, error) {
		return nil, srv.handler(ctx, s)
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		srv.mu.Lock()
		srv.errs = append(srv.errs, fmt.Errorf("runtime: handler for %s: %w", s.RemoteAddr(), err))
		srv.mu.Unlock()
	}
}

// Addr reports the address the server listens on, such as "127.0.0.1:40321".
func (srv *Server) Addr() string { return srv.ln.Addr().String() }

// Close stops accepting, cancels the handlers' context, waits until every
// handler has returned, and returns their errors joined (handlers that
// ended because of the cancellation are not errors).
func (srv *Server) Close() error {
	srv.cancel()
	srv.wg.Wait()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return errors.Join(srv.errs...)
}
