package rewrite

import "testing"

func TestGenericStdlib(t *testing.T) {
	runCases(t, []programCase{
		{name: "Slices", src: `package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

type Names []string

func main() {
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	fs := []float64{2, math.NaN(), -1}
	slices.Sort(fs)
	ps := []Person{{"b", 30}, {"a", 25}, {"c", 25}}
	slices.SortStableFunc(ps, func(a, b Person) int { return a.Age - b.Age })
	fmt.Println(xs, fs, ps)
	slices.SortFunc(ps, func(a, b Person) int { return strings.Compare(b.Name, a.Name) })
	names := Names{"x", "y"}
	c := slices.Clone(names)
	c[0] = "changed"
	slices.Reverse(names)
	fmt.Println(ps, names, c, slices.Contains(xs, 2), slices.Index(xs, 3), slices.Index(xs, 9))
	fmt.Println(slices.Max(xs), slices.Min(fs[1:]), slices.Equal(xs, []int{1, 2, 3}), slices.Equal(xs, nil))
	fmt.Println(slices.IndexFunc(ps, func(p Person) bool { return p.Age == 25 }), slices.ContainsFunc(xs, func(v int) bool { return v > 5 }))
}
`},
		{name: "MapsIterators", src: `package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	sum := 0
	for k, v := range maps.All(m) {
		sum += v * len(k)
	}
	for i, v := range slices.All(keys) {
		fmt.Print(i, v, " ")
	}
	n := maps.Clone(m)
	n["d"] = 4
	maps.Copy(n, map[string]int{"e": 5})
	fmt.Println(keys, vals, sum, len(m), len(n))
}
`},
		{name: "OnceValueAtomicPointer", src: `package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	pair := sync.OnceValues(func() (string, error) { calls++; return "v", nil })
	fmt.Println(get(), get(), calls)
	s, err := pair()
	fmt.Println(s, err, calls)
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	a := &Config{"a"}
	p.Store(a)
	old := p.Swap(&Config{"b"})
	fmt.Println(old.Name, p.Load().Name, p.CompareAndSwap(a, nil), p.CompareAndSwap(p.Load(), a), p.Load().Name)
}
`},
	})
}
