package rewrite

import (
	"fmt"
	"strings"
	"testing"
)

func TestDeferGoArgs(t *testing.T) {
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

func main() {
	run()
}

func run() {
	f := func(s string) { fmt.Println("first", s) }
	s := "a"
	defer f(s)
	f = func(s string) { fmt.Println("second", s) }
	s = "b"
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

func TestSpawn(t *testing.T) {
	runCases(t, []programCase{
		{name: "SpawnKeepsArgsAndWaits", opts: Options{Spawn: testSpawn}, rawSkip: "no yaegi bug: checks the spawn rewrite", src: `package main

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
	out := make(chan string, 1)
	id := 1
	wg.Add(1)
	go work(id, &wg, out)
	id = 2
	wg.Wait()
	fmt.Println(<-out, id)
}
`},
	})
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
	out, panics := evalYaegiSpawn(t, rewriteSource(t, src, Options{Spawn: testSpawn}))
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
