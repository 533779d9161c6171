package rewrite

import "sort"

// SortSlice sorts the slice x with less, like sort.Slice; rewritten
// slices.Sort and slices.SortFunc calls use it. It does not keep less after
// it returns.
func SortSlice(x any, less func(i, j int) bool) { sort.Slice(x, less) }

// SortSliceStable is SortSlice keeping equal elements in order.
func SortSliceStable(x any, less func(i, j int) bool) { sort.SliceStable(x, less) }
