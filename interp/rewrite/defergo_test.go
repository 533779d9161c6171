package rewrite

import (
	"fmt"
	"strings"
	"testing"
)

func TestDeferGoArgs(t *testing.T) {
	racy := ""
	if raceEnabled {
		racy = "raw yaegi reads the receiver in the goroutine while main writes it: a data race"
	}
	runCases(t, []programCase{
		{name: "DeferArgEvaluatedAtDefer", src: `package main

import "fmt"

func show(v int) { fmt.Println("deferred saw", v) }

func run() {
	x := 1
	defer show(x)
	x = 2
	fmt.Println("x is", x)
}

func main() { run() }
`},
		{name: "DeferInLoop", src: `package main

import "fmt"

func show(v int) { fmt.Print(v, " ") }

func run() {
	defer fmt.Println()
	for i := 0; i < 3; i++ {
		defer show(i)
	}
	fmt.Print("first-run ")
}

func main() { run() }
`},
		{name: "DeferFuncValue", src: `package main

import "fmt"

func pick(n int) func(string) { return func(s string) { fmt.Println("picked", n, s) } }

func run() {
	f := pick(1)
	s := "a"
	defer f(s)
	f = pick(2)
	s = "b"
}

func main() { run() }
`},
		{name: "DeferGoReceivers", rawSkip: racy, src: `package main

import (
	"fmt"
	"sync"
)

type Point struct{ X int }

func (p Point) Show(wg *sync.WaitGroup, out *string) {
	*out += fmt.Sprint("show ", p.X, "; ")
	if wg != nil {
		wg.Done()
	}
}

func (p *Point) Bump() { p.X += 100 }

func run() (out string) {
	p := Point{1}
	defer p.Show(nil, &out)
	pp := &p
	defer pp.Show(nil, &out)
	defer p.Bump()
	var wg sync.WaitGroup
	wg.Add(1)
	var s string
	go p.Show(&wg, &s)
	p.X = 2
	wg.Wait()
	return s
}

func main() { fmt.Println(run()) }
`},
		{name: "DeferLocalClosure", rawSkip: "raw yaegi deadlocks: the run would hang until hangLimit and leak its goroutine", src: `package main

import "fmt"

func run() (out string) {
	n := 1
	cleanup := func() { out += fmt.Sprint("cleanup ", n) }
	defer cleanup()
	later := func(s string) { out += s }
	defer func() { later(" and later; ") }()
	n = 2
	return "body;"
}

func main() {
	fmt.Println(run())
	var fs []func() int
	func() {
		defer func() {}()
		for i := 0; i < 3; i++ {
			fs = append(fs, func() int { return i })
		}
	}()
	fmt.Println(fs[0](), fs[1](), fs[2]())
}
`},
		{name: "DeferConstArgsStayUntyped", rawSkip: "no yaegi bug: constants must not be copied into typed locals", src: `package main

import "fmt"

const scale = 2

func show(f float64, v any) { fmt.Println(f, v) }

func main() {
	defer show(scale, nil)
	defer show(1.5, scale)
}
`},
	})
}

// TestSpawn checks that with Options.Spawn every go statement goes through
// the tracked spawn, with its arguments evaluated at the go statement, and
// that the program still prints what Go prints.
func TestSpawn(t *testing.T) {
	src := `package main

import (
	"fmt"
	"sync"
)

func work(id int, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	out <- fmt.Sprint("job ", id)
}

func main() {
	var wg sync.WaitGroup
	out := make(chan string, 3)
	id := 1
	wg.Add(3)
	go work(id, &wg, out)
	id = 2
	go func(n int) { work(n, &wg, out) }(id)
	go func() { work(3, &wg, out) }()
	wg.Wait()
	close(out)
	got := map[string]bool{}
	for s := range out {
		got[s] = true
	}
	fmt.Println(len(got), got["job 1"], got["job 2"], got["job 3"], id)
}
`
	want := goRun(t, src)
	out, sp := evalYaegiSpawn(t, rewriteSource(t, src, Options{Spawn: testSpawn}))
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	sp.mu.Lock()
	spawned := sp.spawned
	sp.mu.Unlock()
	if spawned != 3 {
		t.Errorf("the tracked spawn ran %d goroutines, want 3 (one per go statement)", spawned)
	}
}

// TestSpawnRecoversPanics checks that with Options.Spawn a panicking
// goroutine reaches the host spawn (which recovers it) instead of killing
// the process, and that each go statement spawns exactly once.
func TestSpawnRecoversPanics(t *testing.T) {
	const n = 3
	src := fmt.Sprintf(`package main

import "fmt"

func main() {
	done := make(chan bool)
	for i := 0; i < %d; i++ {
		go func() {
			defer func() { done <- true }()
			panic(fmt.Sprint("boom ", i))
		}()
	}
	for i := 0; i < %d; i++ {
		<-done
	}
	fmt.Println("main done")
}
`, n, n)
	out, sp := evalYaegiSpawn(t, rewriteSource(t, src, Options{Spawn: testSpawn}))
	panics := sp.panics
	if !strings.Contains(out, "main done") || strings.Contains(out, "error:") {
		t.Errorf("program output %q, want it to finish", out)
	}
	got := map[string]bool{}
	for _, p := range panics {
		got[fmt.Sprint(p)] = true
	}
	for i := range n {
		if want := fmt.Sprint("boom ", i); !got[want] {
			t.Errorf("spawn did not recover %q; recovered %v", want, panics)
		}
	}
	if len(panics) != n {
		t.Errorf("recovered %d panics, want %d", len(panics), n)
	}
}
