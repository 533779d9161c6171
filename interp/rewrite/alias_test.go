package rewrite

import "testing"

// TestFuncAlias checks that spelling function-type aliases out keeps the
// program's meaning, conversions included. The bug itself needs an alias
// exported by a compiled package (runtime.TaskFunc), which the standard
// library has none of: package interp's golden file rewrite_alias.cells
// runs it.
func TestFuncAlias(t *testing.T) {
	runCases(t, []programCase{
		{name: "ClosureThroughAlias", rawSkip: "a cell-declared alias works in yaegi; only compiled packages' aliases fail", src: `package main

import (
	"fmt"
	"sort"
)

type Less = func(i, j int) bool

func reverse(less Less) Less {
	return func(i, j int) bool { return less(j, i) }
}

func main() {
	xs := []int{3, 1, 2}
	sort.Slice(xs, reverse(func(i, j int) bool { return xs[i] < xs[j] }))
	conv := Less(func(i, j int) bool { return i < j })
	fmt.Println(xs, conv(1, 2))
}
`},
	})
}
