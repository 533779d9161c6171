package zmqnet

import "github.com/go-zeromq/zmq4"

// drainMisses is how many consecutive "socket closed" answers end a drain.
const drainMisses = 64

// drain empties sock's internal queue after its context was cancelled.
//
// zmq4 (v0.17.0) runs one reader goroutine per connection that pushes each
// message into a 10-slot channel without watching the socket's context
// (routerQReader, qreader and repReader listen); if that channel is full when
// the socket closes, the goroutine blocks forever. After cancellation Recv no
// longer blocks, but it picks at random between "cancelled" and a queued
// message, so one error does not prove the queue empty: drain stops after
// drainMisses errors in a row, when a message is left with probability
// 2^-drainMisses. Each blocked reader needs only one free slot, after which it
// sees the closed connection and returns.
func drain(sock zmq4.Socket) {
	for misses := 0; misses < drainMisses; {
		if _, err := sock.Recv(); err != nil {
			misses++
		} else {
			misses = 0
		}
	}
}
