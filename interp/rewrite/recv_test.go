package rewrite

import "testing"

func TestRecvAssignPositions(t *testing.T) {
	runCases(t, []programCase{
		{name: "ReturnRecv", src: `package main

import "fmt"

func get(ch chan int) int { return <-ch }

func main() {
	ch := make(chan int, 1)
	ch <- 42
	fmt.Println(get(ch))
}
`},
		{name: "ReturnTwoValues", src: `package main

import "fmt"

func get(ch chan string) (int, string) { return len("ab"), <-ch }

func main() {
	ch := make(chan string, 1)
	ch <- "x"
	fmt.Println(get(ch))
}
`},
		{name: "ReturnStruct", src: `package main

import "fmt"

type P struct{ X, Y int }

func get(ch chan P) P { return <-ch }

func main() {
	ch := make(chan P, 1)
	ch <- P{1, 2}
	fmt.Println(get(ch))
}
`},
		{name: "NamedResult", src: `package main

import "fmt"

func get(ch chan int) (r int) {
	r = <-ch
	return
}

func main() {
	ch := make(chan int, 1)
	ch <- 42
	fmt.Println(get(ch))
}
`},
		{name: "FieldIndexMapDeref", src: `package main

import "fmt"

type B struct{ V int }

func main() {
	ch := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		ch <- i
	}
	var b B
	s := make([]int, 1)
	m := map[string]int{}
	p := new(int)
	b.V = <-ch
	s[0] = <-ch
	m["k"] = <-ch
	*p = <-ch
	fmt.Println(b.V, s[0], m["k"], *p)
}
`},
		{name: "RangeOverSliceOfChans", src: `package main

import (
	"fmt"
	"sync"
)

func gen(n int) <-chan int {
	out := make(chan int, n)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	sum := 0
	for v := range merge(gen(3), gen(4)) {
		sum += v
	}
	byName := map[string]chan string{"a": make(chan string, 1)}
	for k, c := range byName {
		c <- k + "!"
	}
	fmt.Println(sum, <-byName["a"])
}
`},
		{name: "SelectAssign", src: `package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	ch <- 42
	var x int
	select {
	case x = <-ch:
	}
	fmt.Println(x)
}
`},
	})
}
