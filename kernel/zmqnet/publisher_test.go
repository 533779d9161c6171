package zmqnet

import (
	"bytes"
	"context"
	"log"
	"strconv"
	"testing"

	"github.com/go-zeromq/zmq4"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/wire"
)

func TestSubscriberUpdate(t *testing.T) {
	s := &subscriber{topics: map[string]struct{}{}}
	steps := []struct {
		msg   zmq4.Msg
		topic string
		want  bool
	}{
		{zmq4.NewMsg([]byte("\x01stat")), "status", true},
		{zmq4.NewMsg([]byte("\x01stat")), "stream", false},
		{zmq4.NewMsg([]byte("\x00stat")), "status", false},
		{zmq4.NewMsg([]byte("\x01")), "anything", true},
		{zmq4.NewMsg([]byte("\x00")), "anything", false},
		{zmq4.NewMsg([]byte{}), "anything", false},                   // empty frame: ignored
		{zmq4.NewMsgFrom([]byte("\x01"), []byte("x")), "any", false}, // two frames: ignored
		{zmq4.NewMsg([]byte("\x02x")), "x", false},                   // unknown: ignored
		{zmq4.Msg{Frames: [][]byte{[]byte("\x01")}, Type: zmq4.CmdMsg}, "x", false},
	}
	for i, st := range steps {
		s.update(st.msg)
		if got := s.wants([]byte(st.topic)); got != st.want {
			t.Fatalf("step %d: wants(%q) = %v, want %v (topics %v)", i, st.topic, got, st.want, s.topics)
		}
	}
}

func TestIOPubTopicFilter(t *testing.T) {
	tr, _ := listen(t, testKey)
	probe := &wire.Message{Header: wire.NewHeader("status", "s", "k")}
	sub := subscribeTo(t, guardedEndpoint(tr.Info().Addr(tr.Info().IOPubPort)), "stat", func() {
		if err := tr.Send(kernel.IOPub, probe); err != nil {
			t.Error(err)
		}
	})
	stream := &wire.Message{Header: wire.NewHeader("stream", "s", "k")}
	last := &wire.Message{Header: wire.NewHeader("status", "s", "k")}
	for _, m := range []*wire.Message{stream, last} {
		if err := tr.Send(kernel.IOPub, m); err != nil {
			t.Fatal(err)
		}
	}
	for {
		zm, err := sub.Recv()
		if err != nil {
			t.Fatal(err)
		}
		m, err := wire.Decode(zm.Frames, wire.NewSigner([]byte(testKey)))
		if err != nil {
			t.Fatal(err)
		}
		if m.Header.MsgType != "status" {
			t.Fatalf("subscriber to %q got a %s message", "stat", m.Header.MsgType)
		}
		if m.Header.MsgID == last.Header.MsgID {
			return
		}
	}
}

// TestSlowSubscriberIsIsolated has one subscriber that stops reading and
// one that keeps up, in lockstep with the publisher. Publishing must never
// block, the good subscriber must get every message, and the stuck one's
// overflow must be dropped with a single log line.
func TestSlowSubscriberIsIsolated(t *testing.T) {
	logs := &logBuffer{}
	p, err := listenPublisher("tcp://127.0.0.1:0", log.New(logs, "", 0), 8)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := p.close(); err != nil {
			t.Error(err)
		}
	}()
	ep := guardedEndpoint("tcp://" + p.Addr().String())
	probe := [][]byte{[]byte("probe")}
	subscribeTo(t, ep, "", func() { p.publish(probe) }) // the stuck one: never read again
	good := subscribeTo(t, ep, "", func() { p.publish(probe) })
	frame := bytes.Repeat([]byte("x"), 256<<10)
	for i := 0; len(logs.lines("dropping")) == 0; i++ {
		if testContext(t).Err() != nil {
			t.Fatalf("no drop logged after %d messages", i)
		}
		id := []byte(strconv.Itoa(i))
		p.publish([][]byte{[]byte("data"), id, frame})
		for {
			zm, err := good.Recv()
			if err != nil {
				t.Fatal(err)
			}
			if string(zm.Frames[0]) == "probe" {
				continue
			}
			if !bytes.Equal(zm.Frames[1], id) {
				t.Fatalf("good subscriber got message %s, want %s", zm.Frames[1], id)
			}
			break
		}
	}
	if n := len(logs.lines("dropping")); n != 1 {
		t.Fatalf("%d drop episodes logged, want 1", n)
	}
}

// subscribeTo connects a zmq4 SUB socket subscribed to prefix to ep and
// calls publishProbe until the socket receives something, so that its
// subscription is in force. Cleanup closes and drains it.
func subscribeTo(t *testing.T, ep, prefix string, publishProbe func()) zmq4.Socket {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	sub := zmq4.NewSub(ctx)
	t.Cleanup(func() {
		cancel()
		closeSocket(sub)
		drain(sub)
	})
	if err := sub.Dial(ep); err != nil {
		t.Fatal(err)
	}
	if err := sub.SetOption(zmq4.OptionSubscribe, prefix); err != nil {
		t.Fatal(err)
	}
	got := make(chan struct{})
	go func() {
		defer close(got)
		sub.Recv()
	}()
	for {
		publishProbe()
		attempt, stop := context.WithTimeout(testContext(t), retryInterval)
		select {
		case <-got:
			stop()
			return sub
		case <-attempt.Done():
			stop()
			if testContext(t).Err() != nil {
				t.Fatal("subscriber never received a probe")
			}
		}
	}
}
