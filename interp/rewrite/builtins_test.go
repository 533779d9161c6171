package rewrite

import "testing"

func TestBuiltins(t *testing.T) {
	runCases(t, []programCase{
		{name: "MinMax", src: `package main

import (
	"fmt"
	"math"
)

type Celsius float64

func main() {
	a, b, c := 3, 1, 2
	fmt.Println(min(a, b, c), max(a, b, c), min(a, 0), max(2.5, float64(a)))
	fmt.Println(min("b", "a", "c"), max("b", "a"))
	x := Celsius(21.5)
	fmt.Println(max(x, 30), min(x, -1))
	nan := math.NaN()
	fmt.Println(min(1.0, nan), max(nan, 2.0))
	const k = min(4, 2, 9)
	var f float32 = max(1, 2.5)
	fmt.Println(k, f, max(int8(-3), -7))
}
`},
		{name: "Clear", src: `package main

import "fmt"

type Set map[string]bool

func main() {
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	set := Set{"x": true}
	clear(m)
	clear(s)
	clear(set)
	fmt.Println(len(m), s, len(set))
}
`},
	})
}

func TestRangeInt(t *testing.T) {
	runCases(t, []programCase{
		{name: "Forms", src: `package main

import "fmt"

type Count uint8

func (c Count) String() string { return fmt.Sprint("c", uint8(c)) }

func main() {
	sum := 0
	for i := range 5 {
		sum += i
	}
	n := Count(3)
	for i := range n {
		fmt.Print(i.String(), " ")
	}
	k := 0
	for range 4 {
		k++
	}
	var j int64
	for j = range 3 {
	}
	fmt.Println(sum, k, j)
}
`},
		{name: "BodyChangesVarClosures", src: `package main

import "fmt"

func main() {
	var fs []func() int
	for i := range 4 {
		i *= 10
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
`},
		{name: "Labeled", src: `package main

import "fmt"

func main() {
	n := 0
outer:
	for i := range 3 {
		for j := range 3 {
			if j > i {
				continue outer
			}
			if i == 2 {
				break outer
			}
			n += 10*i + j
		}
	}
	fmt.Println(n)
}
`},
	})
}

func TestRangeFunc(t *testing.T) {
	runCases(t, []programCase{
		{name: "SeqAndSeq2", src: `package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(s []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func main() {
	for i := range count(10) {
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		fmt.Print(i, " ")
	}
	for i, s := range pairs([]string{"a", "b"}) {
		fmt.Print(i, s, " ")
	}
	n := 0
	for range count(3) {
		n++
	}
	var k int
	for k = range count(4) {
	}
	fmt.Println(n, k)
}
`},
		{name: "ReturnFromBody", src: `package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Print("stopped ")
				return
			}
		}
	}
}

func find(limit int) (int, error) {
	for i := range count(100) {
		if i*i > limit {
			return i, nil
		}
	}
	return -1, fmt.Errorf("none")
}

func named() (r string) {
	for i := range count(5) {
		r += fmt.Sprint(i)
		if i == 2 {
			return
		}
	}
	return "unreached"
}

func main() {
	fmt.Println(find(50))
	fmt.Println(find(1e6))
	fmt.Println(named())
}
`},
		{name: "Nested", src: `package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	out := 0
outer:
	for i := range count(5) {
		for j := range count(5) {
			if j > i {
				continue outer
			}
			if i == 4 {
				break outer
			}
			out += i * j
		}
	}
	fmt.Println(out)
}
`},
	})
}
