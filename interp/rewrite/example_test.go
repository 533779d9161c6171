package rewrite_test

import (
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"os"

	"github.com/gokernel/gokernel/interp/rewrite"
)

// The receive in a return statement, which yaegi v0.16.1 loses, goes
// through a fresh local; the go statement becomes a tracked spawn with its
// argument evaluated at the go statement.
func ExampleCell() {
	src := `package main

func get(ch chan int) int { return <-ch }

func start(ch chan int, n int) {
	go fill(ch, n+1)
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := rewrite.Cell(fset, f, nil, rewrite.Options{Spawn: "spawn"}); err != nil {
		fmt.Println(err)
		return
	}
	format.Node(os.Stdout, fset, f)
	// Output:
	// package main
	//
	// func get(ch chan int) int { __gk3_r := <-ch; return __gk3_r }
	//
	// func start(ch chan int, n int) {
	// 	__gk1_a := n + 1
	// 	__gk2_fn := func() {
	// 		fill(ch, __gk1_a)
	// 	}
	// 	spawn(__gk2_fn)
	// }
}
