package rewrite

import "testing"

func TestTypedNils(t *testing.T) {
	runCases(t, []programCase{
		{name: "SlicesInFunc", src: `package main

import "fmt"

var speedups, cores []float64

func reset() { speedups, cores = nil, nil }

func main() {
	speedups, cores = []float64{1}, []float64{2, 3}
	reset()
	fmt.Println(len(speedups), len(cores), speedups == nil)
}
`},
		{name: "MixedKinds", src: `package main

import (
	"errors"
	"fmt"
)

func main() {
	var m map[string]int
	var p *int
	var err error = errors.New("x")
	var f func()
	n := 1
	m, p, n, err, f = nil, nil, 2, nil, nil
	fmt.Println(m == nil, p == nil, n, err == nil, f == nil)
}
`},
	})
}
