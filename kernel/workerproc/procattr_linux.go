package workerproc

import "syscall"

// procAttr puts the worker in its own process group (so an interrupt that
// escalates can kill it with every process its cells started) and has the
// kernel kill it if the front dies, even by SIGKILL, so no worker outlives
// its front.
func procAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
