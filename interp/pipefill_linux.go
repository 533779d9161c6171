//go:build linux

package interp

import (
	"syscall"
	"unsafe"
)

// pipeBuffered returns how many bytes wait in the pipe behind rc (FIONREAD),
// and false if it cannot tell.
func pipeBuffered(rc syscall.RawConn) (int, bool) {
	var n int32
	var errno syscall.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	}); err != nil || errno != 0 {
		return 0, false
	}
	return int(n), true
}
