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
		{name: "ClosurePassedToHostFunc", src: `package main

import (
	"fmt"
	"sync"
)

func main() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, sync.OnceFunc(func() { fmt.Print(i) }))
	}
	for _, s := range []string{"a", "b"} {
		fs = append(fs, sync.OnceFunc(func() { fmt.Print(s) }))
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
}
`},
		{name: "DeferredClosuresInLoop", src: `package main

import "fmt"

func run() {
	defer fmt.Println()
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print(i, " ") }()
	}
	for _, s := range []string{"a", "b"} {
		defer func() { fmt.Print(s, " ") }()
	}
	for k := range 2 {
		defer func() { fmt.Print("k", k, " ") }()
	}
	n := 0
	for n < 2 {
		m := n * 10
		defer func() { fmt.Print("m", m, " ") }()
		n++
	}
	counter := 0
	for j := 0; j < 2; j++ {
		defer func() { counter++; fmt.Print("c", counter, " ") }()
	}
}

func main() { run() }
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
		{name: "ProbeRWMutexStore", rawSkip: racy, yaegiRacy: closureRace, src: `package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu sync.RWMutex
	m  map[string]int
}

func (s *Store) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.m[k]
}

func (s *Store) Set(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = v
}

func main() {
	s := &Store{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Set(fmt.Sprint(i), i)
		}()
	}
	wg.Wait()
	sum := 0
	for i := 0; i < 10; i++ {
		sum += s.Get(fmt.Sprint(i))
	}
	fmt.Println(sum, len(s.m))
}
`},
		{name: "ProbeSyncMap", rawSkip: racy, yaegiRacy: closureRace, src: `package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Store(i, i*i)
		}()
	}
	wg.Wait()
	v, ok := m.Load(3)
	sum := 0
	m.Range(func(k, v any) bool { sum += v.(int); return true })
	fmt.Println(v.(int), ok, sum)
}
`},
		{name: "ProbeErrGroupLike", rawSkip: "raw yaegi hangs: no goroutine sees i == 3, so nothing cancels the others", src: `package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel func()
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel()
				}
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	return g.err
}

func main() {
	g, ctx := WithContext(context.Background())
	for i := 0; i < 5; i++ {
		g.Go(func() error {
			if i == 3 {
				return errors.New(fmt.Sprint("task ", i, " failed"))
			}
			<-ctx.Done()
			return nil
		})
	}
	err := g.Wait()
	fmt.Println(err, ctx.Err() != nil)
}
`},
	})
}
