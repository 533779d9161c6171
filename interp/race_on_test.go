//go:build race

package interp

// raceEnabled reports whether the race detector is on (see golden_test.go).
const raceEnabled = true
