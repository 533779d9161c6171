package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// startProfile starts a CPU profile of this process when the environment
// variable GOKERNEL_CPUPROFILE names a directory, writing it to
// DIR/ROLE-PID.prof, and returns the function that ends it (a no-op
// otherwise). It is how the latency of the front and the worker is
// examined: `go tool pprof bin/gokernel DIR/front-*.prof`.
func startProfile(role string) (stop func()) {
	dir := os.Getenv("GOKERNEL_CPUPROFILE")
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.prof", role, os.Getpid())))
	if err != nil {
		fmt.Fprintf(os.Stderr, "gokernel: cpu profile: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "gokernel: cpu profile: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
