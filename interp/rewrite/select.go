package rewrite

import (
	"fmt"
	"reflect"
)

// Chosen values that Select returns besides a case index.
const (
	// SelectDefault means no case was ready and the statement had a default.
	SelectDefault = -1
	// SelectInterrupted means the done channel was closed while Select
	// waited; the interpreter is stopping the goroutine.
	SelectInterrupted = -2
)

// A Case is one communication of a rewritten select statement, made by Recv
// or Send. The zero Case is a receive from a nil channel: never ready.
type Case struct {
	dir  reflect.SelectDir
	ch   reflect.Value
	send reflect.Value
	box  reflect.Value
}

// Recv makes a receive case on ch (any channel value, nil allowed). box is
// nil when the case discards the value, or a pointer to a variable whose type
// is ch's type: when Select chooses this case it stores into *box a fresh
// channel holding the received value (closed and empty if ch was closed), so
// the cell reads it with `v, ok := <-*box` at the right static type without
// the value ever passing through an interface.
func Recv(ch any, box any) Case {
	c := Case{dir: reflect.SelectRecv, ch: chanValue(ch)}
	if box != nil {
		c.box = reflect.ValueOf(box)
	}
	return c
}

// Send makes a send case on ch (any channel value, nil allowed). out is the
// Outbox into whose channel the cell has already sent the value, so the value
// has the channel's element type exactly as the cell converted it.
func Send(ch any, out *Outbox) Case {
	v, ok := out.ch.TryRecv()
	if !ok {
		panic("rewrite: Send: nothing was sent to the outbox")
	}
	return Case{dir: reflect.SelectSend, ch: chanValue(ch), send: v}
}

// An Outbox carries the value of a send case from the cell to Select. The
// zero Outbox is not usable; Proxy makes one.
type Outbox struct {
	ch reflect.Value // bidirectional, buffered for one value
}

// Proxy stores a fresh channel with room for one value into *p, where p
// points to a channel variable (of the send case's channel type), and
// returns the Outbox that reads it; the cell then sends the case's value
// into *p and passes the Outbox to Send. The channel is bidirectional even
// when *p's type is send-only, which is why the Outbox keeps it.
func Proxy(p any) *Outbox {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Chan {
		panic(fmt.Sprintf("rewrite: Proxy: %T is not a pointer to a channel variable", p))
	}
	e := v.Elem()
	c := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, e.Type().Elem()), 1)
	e.Set(c)
	return &Outbox{ch: c}
}

// Select runs one select statement: it waits until one of cases can
// proceed, performs it and returns its index. With block false it returns
// SelectDefault at once when no case is ready. When done (may be nil) is
// closed first it returns SelectInterrupted. Unlike yaegi's select, every
// call owns its cases, so goroutines running the same statement at once do
// not see each other's channels.
//
// Select blocks the calling goroutine only; it starts none.
func Select(done <-chan struct{}, block bool, cases ...Case) int {
	sc := make([]reflect.SelectCase, 0, len(cases)+1)
	for _, c := range cases {
		if c.dir == 0 {
			c.dir = reflect.SelectRecv // the zero Case: no channel, never ready
		}
		sc = append(sc, reflect.SelectCase{Dir: c.dir, Chan: c.ch, Send: c.send})
	}
	if !block {
		sc = append(sc, reflect.SelectCase{Dir: reflect.SelectDefault})
	} else if done != nil {
		sc = append(sc, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(done)})
	}
	i, v, ok := reflect.Select(sc)
	switch {
	case i == len(cases) && !block:
		return SelectDefault
	case i == len(cases):
		return SelectInterrupted
	}
	if c := cases[i]; c.dir == reflect.SelectRecv && c.box.IsValid() {
		fill(c.box, v, ok)
	}
	return i
}

// fill stores into *box a buffered channel that holds v, or a closed empty
// one when !ok.
func fill(box, v reflect.Value, ok bool) {
	e := box.Elem()
	p := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, e.Type().Elem()), 1)
	if ok {
		p.Send(v)
	} else {
		p.Close()
	}
	e.Set(p)
}

// chanValue returns the reflect value of a channel passed as any; a nil
// interface becomes the zero Value, which reflect.Select ignores (like a
// nil channel, never ready).
func chanValue(ch any) reflect.Value {
	v := reflect.ValueOf(ch)
	if v.IsValid() && v.Kind() != reflect.Chan {
		panic(fmt.Sprintf("rewrite: select case on %T, not a channel", ch))
	}
	return v
}
