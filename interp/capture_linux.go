//go:build linux

package interp

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// fdCapture holds the process's original descriptor 1 while it points at
// the session's stdout pipe.
type fdCapture struct {
	savedOut, savedErr int
	stderr             *os.File // another dup of the original fd 2, for ProcessStderr
}

// captureFDs points fd 1 at out (dup2), so that whatever writes to the
// process's standard output — compiled code, child processes — becomes
// output of a cell. fd 2 is left alone on purpose: it is the front
// process's pipe, which must see the Go runtime's crash report whole
// ("fatal error: ..." is written to fd 2 before the runtime considers itself
// dying, so runtime/debug.SetCrashOutput would miss that first line). The
// front forwards the rest of what reaches fd 2 as stderr output of the
// running cell; errw is unused and kept for symmetry with other platforms.
func captureFDs(out, errw *os.File) (*fdCapture, error) {
	_ = errw
	c := &fdCapture{savedOut: -1, savedErr: -1}
	var err error
	if c.savedOut, err = syscall.Dup(1); err != nil {
		return nil, fmt.Errorf("interp: dup stdout: %w", err)
	}
	fd, err := syscall.Dup(2)
	if err != nil {
		c.restore()
		return nil, fmt.Errorf("interp: dup stderr: %w", err)
	}
	syscall.CloseOnExec(fd)
	c.stderr = os.NewFile(uintptr(fd), "original-stderr")
	if err := dupOnto(out, 1); err != nil {
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
	if c.stderr != nil {
		errs = append(errs, c.stderr.Close())
	}
	return errors.Join(errs...)
}
