package rewrite

import "testing"

// TestNoRegression holds typical notebook programs that raw yaegi already
// runs correctly to Go's output after the rewrite: the rewrites must not
// break what works.
func TestNoRegression(t *testing.T) {
	const works = "no yaegi bug: checks the rewrites keep a working program working"
	runCases(t, []programCase{
		{name: "WorkerPool", rawSkip: works, src: `package main

import (
	"fmt"
	"sync"
)

func worker(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * j
	}
}

func main() {
	jobs, results := make(chan int, 100), make(chan int, 100)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for i := 1; i <= 100; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}
`},
		{name: "SelectLoopTimeoutsAndContext", rawSkip: works, src: `package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	data := make(chan int)
	go func() {
		defer close(data)
		for i := 1; i <= 4; i++ {
			select {
			case data <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	sum := 0
	for v := range data {
		sum += v
	}
	cancel()
	select {
	case <-ctx.Done():
		fmt.Println("cancelled", ctx.Err())
	case <-time.After(time.Hour):
		fmt.Println("timeout")
	}
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	select {
	case <-timer.C:
	default:
		fmt.Println("not yet", sum)
	}
}
`},
		{name: "GenericsAndClosures", rawSkip: works, src: `package main

import (
	"fmt"
	"sort"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func main() {
	var s Stack[string]
	for _, w := range strings.Fields("a b c") {
		s.Push(w)
	}
	v, ok := s.Pop()
	c := counter()
	c()
	words := []string{"pear", "fig", "apple"}
	sort.Slice(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println(v, ok, c(), words)
}
`},
		{name: "PanicRecoverAndNamedResults", rawSkip: works, src: `package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func find(m map[string]int, k string) (int, error) {
	if v, ok := m[k]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("find %q: %w", k, ErrNotFound)
}

func main() {
	fmt.Println(safeDiv(6, 3))
	fmt.Println(safeDiv(1, 0))
	_, err := find(map[string]int{}, "x")
	fmt.Println(err, errors.Is(err, ErrNotFound))
}
`},
	})
}
