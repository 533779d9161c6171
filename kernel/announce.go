package kernel

import (
	"sync"

	"github.com/gokernel/gokernel/kernel/wire"
)

// announcement publishes the start of one execute request on iopub: status
// busy and, unless the request is silent, execute_input. The kernel hands
// the cell to the executor first and announces it while the cell runs
// (ExecuteRequest.Sent), so the worker does not wait for two iopub
// messages; every output waits for the announcement (see Kernel.Output),
// so that clients still see busy, execute_input, then the cell's output.
// The zero value announces nothing; do is safe to call from several
// goroutines and announces once.
type announcement struct {
	once  sync.Once
	k     *Kernel
	msg   *wire.Message
	input map[string]any // execute_input's content; nil: not published
}

// do publishes the announcement the first time it is called; later calls
// wait until it is out.
func (a *announcement) do() {
	if a == nil {
		return
	}
	a.once.Do(func() {
		if a.k == nil {
			return
		}
		a.k.status(a.msg, "busy")
		if a.input != nil {
			a.k.publish(IOPub, a.msg, "execute_input", a.input)
		}
	})
}

// announced waits until the current request's announcement is out,
// publishing it if need be; output of any cell calls it first.
func (k *Kernel) announced() { k.announcing.Load().do() }
