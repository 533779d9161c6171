package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
	"github.com/gokernel/gokernel/kernel/workerproc"
	"github.com/gokernel/gokernel/kernel/zmqnet"
)

// runNotebooks is `gokernel run`: the headless notebook runner. Each
// notebook gets a fresh kernel on loopback sockets, its code cells run in
// order the way nbclient runs them, and the executed notebook is written
// back (or into --out). It stops at the first cell that fails unless the
// cell is tagged raises-exception.
func runNotebooks(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gokernel run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	outDir := fs.String("out", "", "write executed notebooks into `DIR` (default: overwrite the inputs)")
	timeout := fs.Duration("timeout", 10*time.Minute, "per-cell time limit; a cell that exceeds it is interrupted")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gokernel run [--out DIR] [--timeout D] NOTEBOOK...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	failed := 0
	for _, path := range fs.Args() {
		if err := runNotebook(path, *outDir, *timeout, stdout); err != nil {
			fmt.Fprintf(stderr, "gokernel run: %s: %v\n", path, err)
			failed++
			break
		}
	}
	fmt.Fprintf(stdout, "%d passed, %d failed\n", fs.NArg()-failed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}

// runNotebook executes one notebook and writes it, also when a cell failed.
func runNotebook(path, outDir string, timeout time.Duration, progress io.Writer) error {
	nb, err := readNotebook(path)
	if err != nil {
		return err
	}
	out := path
	if outDir != "" {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return fmt.Errorf("gokernel: %w", err)
		}
		out = filepath.Join(outDir, filepath.Base(path))
	}
	fmt.Fprintf(progress, "== %s\n", path)
	start := time.Now()
	runErr := withKernel(func(c *zmqnet.Client) error {
		return newCellRunner(c, nb, timeout, progress).runAll()
	})
	nb.setKernelspec()
	if err := nb.write(out); err != nil {
		return err
	}
	fmt.Fprintf(progress, "== %s: wrote %s in %.1fs\n", path, out, time.Since(start).Seconds())
	return runErr
}

// withKernel starts a kernel (front in this process, a worker process) on
// loopback ports chosen by the OS, connects a client, calls fn, and shuts
// the kernel down.
func withKernel(fn func(*zmqnet.Client) error) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("gokernel: locate own binary: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return fmt.Errorf("gokernel: %w", err)
	}
	info := wire.ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: hex.EncodeToString(key), SignatureScheme: "hmac-sha256"}
	logger := log.New(os.Stderr, "gokernel: ", log.LstdFlags)
	opts := workerproc.Options{Command: []string{exe, "worker"}, Env: workerEnv(), Logger: logger}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan wire.ConnectionInfo, 1)
	served := make(chan error, 1)
	go func() { served <- serve(ctx, info, opts, logger, func(i wire.ConnectionInfo) { ready <- i }) }()
	var bound wire.ConnectionInfo
	select {
	case bound = <-ready:
	case err := <-served:
		return err
	}
	c, err := zmqnet.Dial(ctx, bound)
	if err != nil {
		return err
	}
	defer c.Close()
	runErr := fn(c)
	if m, err := c.NewMessage("shutdown_request", map[string]any{"restart": false}); err == nil {
		_ = c.Send(kernel.Control, m)
	}
	select {
	case err := <-served:
		if err != nil && !errors.Is(err, kernel.ErrShutdown) && runErr == nil {
			runErr = err
		}
	case <-time.After(10 * time.Second):
		cancel()
		<-served
	}
	return runErr
}

// workerEnv is the worker's environment: the runner's own, so that a
// notebook sees the same working directory and variables.
func workerEnv() []string { return os.Environ() }

// firstLine is a cell's first non-empty source line, for progress output.
func firstLine(src string) string {
	for _, l := range strings.Split(src, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if len(l) > 60 {
				l = l[:57] + "..."
			}
			return l
		}
	}
	return ""
}
