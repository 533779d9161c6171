package rewrite

import "testing"

func TestLoopVarsPerIteration(t *testing.T) {
	racy := ""
	if raceEnabled {
		racy = "raw yaegi shares the loop variable between goroutines: a data race"
	}
	runCases(t, []programCase{
		{name: "ClosuresThreeClause", src: `package main

import "fmt"

func main() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i) })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
}
`},
		{name: "ClosuresRange", src: `package main

import "fmt"

func main() {
	var fs []func() string
	for _, s := range []string{"a", "b", "c"} {
		fs = append(fs, func() string { return s })
	}
	out := ""
	for _, f := range fs {
		out += f()
	}
	fmt.Println(out)
}
`},
		{name: "Pointers", src: `package main

import "fmt"

func main() {
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	for k, v := range map[string]int{"x": 7} {
		ps = append(ps, &v)
		_ = k
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], *ps[3])
}
`},
		{name: "Goroutines", rawSkip: racy, src: `package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var got []int
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println(got)
}
`},
		{name: "BodyChangesVar", src: `package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 10; i++ {
		if i%3 == 1 {
			i++
			fs = append(fs, func() int { return i })
			continue
		}
		fs = append(fs, func() int { return i * 100 })
		i++
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
`},
		{name: "LabeledContinue", src: `package main

import "fmt"

func main() {
	var fs []func() int
outer:
	for i := 0; i < 6; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				i++
				fs = append(fs, func() int { return i })
				continue outer
			}
		}
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
`},
		{name: "ShadowInBody", rawSkip: "no yaegi bug: checks the rewrite keeps a shadowing declaration legal", src: `package main

import "fmt"

func main() {
	var fs []func() string
	for i := 0; i < 2; i++ {
		i := fmt.Sprint("s", i)
		fs = append(fs, func() string { return i })
	}
	for _, f := range fs {
		fmt.Print(f())
	}
	fmt.Println()
}
`},
		{name: "GoHostFuncInLoop", rawSkip: racy, src: `package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

func main() {
	pr, pw := io.Pipe()
	for i := 0; i < 50; i++ {
		go io.WriteString(pw, strconv.Itoa(i)+",")
	}
	buf := make([]byte, 64)
	sum := 0
	for n := 0; n < 50; n++ {
		k, _ := pr.Read(buf)
		v, _ := strconv.Atoi(strings.TrimSuffix(string(buf[:k]), ","))
		sum += v
	}
	fmt.Println(sum)
}
`},
	})
}
