package main

import (
	"syscall"
	"unsafe"
)

// stderrEmpty reports whether the pipe behind fd 2 holds no bytes
// (FIONREAD, which Linux answers on either end of a pipe): whatever the
// worker wrote to its stderr has then been read by the front. It is false
// when that cannot be told, e.g. fd 2 is not a pipe.
func stderrEmpty() bool {
	var st syscall.Stat_t
	if err := syscall.Fstat(2, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFIFO {
		return false
	}
	var n int32
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, 2, syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	return errno == 0 && n == 0
}
