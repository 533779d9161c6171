package rewrite

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/traefik/yaegi/interp"
	"go.uber.org/goleak"
)

// sameSelectProgram runs one select statement (in worker) from several
// goroutines at once, each over its own pre-filled channels, so the
// statement runs back to back in every goroutine; each must receive only
// its own messages.
const sameSelectProgram = `package main

import (
	"fmt"
	"sync"
)

func worker(id, n int, a, b chan int, out chan<- int, res *[3]int) {
	for i := 0; i < 3*n; i++ {
		select {
		case v := <-a:
			if v != id {
				res[1]++
			}
			res[0]++
		case v, ok := <-b:
			if !ok || v != -id {
				res[1]++
			}
			res[0]++
		case out <- id:
			res[0]++
		default:
			res[2]++
		}
	}
}

func main() {
	const workers, n = 8, 1000
	res := make([][3]int, workers)
	outs := make([]chan int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		a, b := make(chan int, n), make(chan int, n)
		outs[w] = make(chan int, n)
		for i := 0; i < n; i++ {
			a <- w + 1
			b <- -(w + 1)
		}
		wg.Add(1)
		go func(id int, a, b, out chan int, r *[3]int) {
			defer wg.Done()
			worker(id, n, a, b, out, r)
		}(w+1, a, b, outs[w], &res[w])
	}
	wg.Wait()
	got, bad, empty, wrongOut := 0, 0, 0, 0
	for w, r := range res {
		got += r[0]
		bad += r[1]
		empty += r[2]
		for len(outs[w]) > 0 {
			if <-outs[w] != w+1 {
				wrongOut++
			}
		}
	}
	fmt.Printf("got=%d bad=%d empty=%d wrongOut=%d\n", got, bad, empty, wrongOut)
}
`

func TestSelectConcurrentSameStatement(t *testing.T) {
	pc := programCase{name: "SameSelect", src: sameSelectProgram, rawAttempts: 20}
	if raceEnabled {
		pc.rawSkip = "raw yaegi's shared select cases are a data race the race detector reports"
	}
	// Several runs, each 8 goroutines × 3000 operations through one statement.
	runs := 5
	if testing.Short() {
		runs = 1
	}
	for i := range runs {
		t.Run(fmt.Sprint(i), pc.run)
	}
}

// TestSelectHostConcurrent runs Select from many goroutines at once on their
// own channels, 200 times, and checks each gets exactly its own values.
func TestSelectHostConcurrent(t *testing.T) {
	const goroutines, iterations = 16, 200
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in, out := make(chan int), make(chan int, 1)
			go func() {
				for i := range iterations {
					in <- g*iterations + i
				}
				close(in)
			}()
			for i := range iterations {
				box := in
				p := out
				ob := Proxy(&p)
				p <- -1
				switch Select(nil, true, Recv(in, &box), Send(nil, ob)) {
				case 0:
					v, ok := <-box
					if !ok || v != g*iterations+i {
						errs <- fmt.Errorf("goroutine %d got %d, %v; want %d", g, v, ok, g*iterations+i)
						return
					}
				default:
					errs <- fmt.Errorf("goroutine %d: a nil-channel send was chosen", g)
					return
				}
			}
			box := in
			if Select(nil, true, Recv(in, &box)) != 0 {
				errs <- fmt.Errorf("goroutine %d: closed channel not chosen", g)
				return
			}
			if v, ok := <-box; ok {
				errs <- fmt.Errorf("goroutine %d: closed channel gave %d, true", g, v)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestSelectHostDefaultAndDone(t *testing.T) {
	var never chan int
	if got := Select(nil, false, Recv(never, nil)); got != SelectDefault {
		t.Errorf("non-blocking select on a nil channel = %d, want SelectDefault", got)
	}
	if got := Select(nil, false, Case{}); got != SelectDefault {
		t.Errorf("non-blocking select on the zero Case = %d, want SelectDefault", got)
	}
	done := make(chan struct{})
	close(done)
	if got := Select(done, true, Recv(never, nil)); got != SelectInterrupted {
		t.Errorf("select with closed done = %d, want SelectInterrupted", got)
	}
	out := make(chan string, 1)
	p := out
	ob := Proxy(&p)
	p <- "sent"
	if got := Select(nil, true, Send(out, ob)); got != 0 {
		t.Fatalf("send case = %d, want 0", got)
	}
	if v := <-out; v != "sent" {
		t.Errorf("sent %q, want %q", v, "sent")
	}
}

func TestSelectForms(t *testing.T) {
	runCases(t, []programCase{
		{name: "SendConversionsAndDirections", src: `package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() int }

type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

func send(out chan<- float64, errs chan error, shapes chan Shape) {
	select {
	case out <- 1:
	}
	select {
	case errs <- nil:
	}
	select {
	case shapes <- Sq{3}:
	}
}

func main() {
	out, errs, shapes := make(chan float64, 1), make(chan error, 1), make(chan Shape, 1)
	send(out, errs, shapes)
	var x float64
	var e error = errors.New("not nil")
	select {
	case x = <-out:
	}
	select {
	case e = <-errs:
	}
	var s Shape
	select {
	case s = <-shapes:
	}
	fmt.Println(x, e, s.Area())
}
`},
		{name: "LabelsDefaultClosedNil", src: `package main

import "fmt"

func main() {
	in := make(chan int, 3)
	in <- 1
	in <- 2
	close(in)
	var never chan int
	got := []int{}
loop:
	for {
		select {
		case v, ok := <-in:
			if !ok {
				break loop
			}
			if v == 1 {
				break
			}
			got = append(got, v)
		case <-never:
			got = append(got, -1)
		}
	}
	select {
	case v := <-never:
		fmt.Println("never", v)
	default:
		fmt.Println("default", got)
	}
}
`, rawSkip: "no yaegi bug: checks the select rewrite keeps labels, default, closed and nil channels"},
	})
}

// TestSelectDoneWakes checks that with Options.Done a rewritten select
// blocked forever returns when the pipeline closes the done channel (as on
// an interrupt), so no goroutine is left blocked in the host Select.
func TestSelectDoneWakes(t *testing.T) {
	before := goleak.IgnoreCurrent()
	src := `package main

import "fmt"

func main() {
	var never chan int
	fmt.Println("blocking")
	gktest.Ready()
	select {
	case <-never:
		fmt.Println("impossible")
	}
	fmt.Println("woken")
}
`
	rewritten := rewriteSourceNoInfo(t, src, Options{Done: "gktest.Done()"})
	done, ready := make(chan struct{}), make(chan struct{})
	var out lockedBuffer
	i := newTestInterp(t, &out, &spawner{})
	err := i.Use(interp.Exports{"gkdone/gktest": {
		"Done":  reflect.ValueOf(func() <-chan struct{} { return done }),
		"Ready": reflect.ValueOf(func() { close(ready) }),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import gktest "gkdone"`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	evalDone := make(chan error, 1)
	go func() {
		_, err := i.EvalWithContext(ctx, rewritten)
		evalDone <- err
	}()
	<-ready
	cancel() // what the pipeline does on interrupt
	if err := <-evalDone; !errors.Is(err, context.Canceled) {
		t.Errorf("EvalWithContext = %v, want context.Canceled", err)
	}
	close(done) // after EvalWithContext returned: yaegi has stopped the cell
	goleak.VerifyNone(t, before)
	if o := out.String(); strings.Contains(o, "impossible") || strings.Contains(o, "woken") || !strings.Contains(o, "blocking") {
		t.Errorf("interrupted cell printed %q, want only %q", o, "blocking\n")
	}
}
