package chart

import (
	"fmt"
	"math"
)

// Series is one named sequence of values. Line charts draw Y against X
// (same length); grouped bar charts use Y only, one value per group, and
// ignore X. The zero value is an empty, unnamed series (which a chart
// reports as "no data").
type Series struct {
	// Name labels the series in the legend; an empty name has no entry.
	Name string
	X, Y []float64
}

// checkFinite reports the first NaN or infinite value in vs, naming it
// what[i].
func checkFinite(what string, vs []float64) error {
	for i, v := range vs {
		if err := checkNumber(fmt.Sprintf("%s[%d]", what, i), v); err != nil {
			return err
		}
	}
	return nil
}

// checkNumber reports v, named what, if it is NaN or infinite.
func checkNumber(what string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("chart: %s is %v", what, v)
	}
	return nil
}

// checkPositive reports the first value in vs that a log axis cannot show.
func checkPositive(what string, vs []float64) error {
	for i, v := range vs {
		if v <= 0 {
			return fmt.Errorf("chart: %s[%d] = %v, but a log scale needs values > 0", what, i, v)
		}
	}
	return nil
}
