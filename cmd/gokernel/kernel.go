package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
	"github.com/gokernel/gokernel/kernel/workerproc"
	"github.com/gokernel/gokernel/kernel/zmqnet"
)

// runKernel is `gokernel kernel`: the front process. It serves the
// Jupyter sockets and runs cells in a worker process.
func runKernel(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gokernel kernel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	conn := fs.String("connection-file", "", "Jupyter connection file (JSON)")
	fs.StringVar(conn, "f", "", "shorthand for --connection-file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *conn == "" {
		fmt.Fprintln(stderr, "gokernel kernel: --connection-file is required")
		return 2
	}
	logger := log.New(stderr, "gokernel: ", log.LstdFlags)
	if err := serveFile(*conn, logger); err != nil && !errors.Is(err, kernel.ErrShutdown) {
		logger.Print(err)
		return 1
	}
	return 0
}

func serveFile(connFile string, logger *log.Logger) error {
	info, err := wire.ReadConnectionFile(connFile)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("gokernel: locate own binary: %w", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchParent(ctx, cancel)
	opts := workerproc.Options{Command: []string{exe, "worker"}, Logger: logger}
	return serve(ctx, info, opts, logger, nil)
}

// serve runs the front until shutdown or ctx's end: the Jupyter sockets of
// info, the kernel, and a worker started as opts says. ready, if not nil,
// is called with the bound ports once the sockets listen.
func serve(ctx context.Context, info wire.ConnectionInfo, opts workerproc.Options, logger *log.Logger, ready func(wire.ConnectionInfo)) error {
	t, err := zmqnet.Listen(ctx, info, logger)
	if err != nil {
		return err
	}
	defer t.Close()
	lang := newLanguage()
	defer lang.Close()
	k := kernel.New(kernel.Config{Transport: t, Language: lang, Logger: logger,
		Info: kernel.Info{ImplementationVersion: version}})
	exec, err := workerproc.Start(opts, k)
	if err != nil {
		return err
	}
	defer exec.Close()
	if ready != nil {
		ready(t.Info())
	}
	interruptOnSIGINT(ctx, exec)
	return k.Serve(ctx, exec)
}

// interruptOnSIGINT makes Ctrl-C in a terminal interrupt the running cell
// instead of killing the kernel, as ipykernel does.
func interruptOnSIGINT(ctx context.Context, exec kernel.Executor) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() {
		defer signal.Stop(sig)
		for {
			select {
			case <-ctx.Done():
				return
			case <-sig:
				exec.Interrupt()
			}
		}
	}()
}
