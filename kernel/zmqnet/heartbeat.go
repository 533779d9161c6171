package zmqnet

// heartbeat is the heartbeat goroutine: it sends every message received on
// the REP socket straight back, frame for frame, so that clients can tell
// the kernel process is alive. It never looks at the user's code or the
// kernel's state. It returns when the Transport closes.
func (t *Transport) heartbeat() {
	defer t.wg.Done()
	defer drain(t.hb) // runs after Close cancelled the socket
	for {
		msg, err := t.hb.Recv()
		if err != nil {
			if t.closing() {
				return
			}
			t.logger.Printf("zmqnet: heartbeat: receive: %v", err)
			continue
		}
		if err := t.hb.Send(msg); err != nil && !t.closing() {
			t.logger.Printf("zmqnet: heartbeat: send: %v", err)
		}
	}
}
