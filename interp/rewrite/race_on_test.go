//go:build race

package rewrite

// raceEnabled reports whether the test binary runs under the race
// detector, which reports yaegi's own data races in raw (unrewritten) runs.
const raceEnabled = true
