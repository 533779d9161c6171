package rewrite

import "testing"

func TestMethodValues(t *testing.T) {
	runCases(t, []programCase{
		{name: "ValueReceiverCopies", src: `package main

import "fmt"

type C struct{ n int }

func (c C) Get() int           { return c.n }
func (c *C) Add(d ...int) int { for _, v := range d { c.n += v }; return c.n }

func main() {
	c := C{5}
	g := c.Get
	c.n = 7
	p := &c
	g2 := p.Get
	c.n = 8
	add := c.Add
	add(1, 2)
	fmt.Println(g(), g2(), c.n)
}
`},
		{name: "MethodExpressions", src: `package main

import "fmt"

type C struct{ n int }

func (c C) Get() int      { return c.n }
func (c *C) Inc(d int) int { c.n += d; return c.n }

func main() {
	inc := (*C).Inc
	get := C.Get
	c := &C{}
	inc(c, 3)
	fmt.Println(c.n, get(*c))
}
`},
	})
}
