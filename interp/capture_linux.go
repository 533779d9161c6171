//go:build linux

package interp

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"syscall"
)

// fdCapture holds the process's original descriptors 1 and 2 while they point
// at the session's pipes.
type fdCapture struct {
	savedOut, savedErr int
}

// captureFDs points fds 1 and 2 at out and errw (dup2). Before that it hands a
// dup of the original fd 2 to runtime/debug.SetCrashOutput, so fatal errors
// and unrecovered panics still reach the parent process.
func captureFDs(out, errw *os.File) (*fdCapture, error) {
	crash, err := syscall.Dup(2)
	if err != nil {
		return nil, fmt.Errorf("interp: dup stderr: %w", err)
	}
	cf := os.NewFile(uintptr(crash), "crash-output")
	err = debug.SetCrashOutput(cf, debug.CrashOptions{}) // dups the descriptor itself
	cf.Close()
	if err != nil {
		return nil, fmt.Errorf("interp: set crash output: %w", err)
	}
	c := &fdCapture{savedOut: -1, savedErr: -1}
	if c.savedOut, err = syscall.Dup(1); err != nil {
		return nil, fmt.Errorf("interp: dup stdout: %w", err)
	}
	if c.savedErr, err = syscall.Dup(2); err != nil {
		syscall.Close(c.savedOut)
		return nil, fmt.Errorf("interp: dup stderr: %w", err)
	}
	if err := dupOnto(out, 1); err != nil {
		c.restore()
		return nil, err
	}
	if err := dupOnto(errw, 2); err != nil {
		c.restore()
		return nil, err
	}
	return c, nil
}

// dupOnto makes descriptor target refer to f's open file.
func dupOnto(f *os.File, target int) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return fmt.Errorf("interp: redirect fd %d: %w", target, err)
	}
	var derr error
	if err := rc.Control(func(fd uintptr) { derr = syscall.Dup3(int(fd), target, 0) }); err != nil {
		return fmt.Errorf("interp: redirect fd %d: %w", target, err)
	}
	if derr != nil {
		return fmt.Errorf("interp: redirect fd %d: %w", target, derr)
	}
	return nil
}

// restore points fds 1 and 2 back at the original files.
func (c *fdCapture) restore() error {
	var errs []error
	for _, p := range [][2]int{{c.savedOut, 1}, {c.savedErr, 2}} {
		if p[0] < 0 {
			continue
		}
		if err := syscall.Dup3(p[0], p[1], 0); err != nil {
			errs = append(errs, fmt.Errorf("interp: restore fd %d: %w", p[1], err))
		}
		syscall.Close(p[0])
	}
	return errors.Join(errs...)
}
