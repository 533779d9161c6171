package main

import (
	"context"
	"os"
	"strconv"
	"syscall"
	"time"
)

// parentPollInterval is how often the kernel checks that its launcher lives.
const parentPollInterval = time.Second

// watchParent cancels the kernel when the process that launched it is gone,
// as ipykernel's ParentPoller does: a kernel whose client died (even by
// kill -9) exits instead of running forever, and its worker follows. The
// launcher is JPY_PARENT_PID when jupyter_client set it, else the parent
// process at start; it counts as gone when it no longer exists or this
// process was reparented. The goroutine ends with ctx.
func watchParent(ctx context.Context, cancel context.CancelFunc) {
	ppid := os.Getppid()
	launcher := ppid
	if v, err := strconv.Atoi(os.Getenv("JPY_PARENT_PID")); err == nil && v > 1 {
		launcher = v
	}
	go func() {
		t := time.NewTicker(parentPollInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if os.Getppid() != ppid || syscall.Kill(launcher, 0) == syscall.ESRCH {
				cancel()
				return
			}
		}
	}()
}
