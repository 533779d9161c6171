package chart

import "time"

// Millis returns d in milliseconds, as a float64 for Span times and series
// values: chart.Span{Label: "fetch", Start: chart.Millis(t0.Sub(begin)),
// End: chart.Millis(t1.Sub(begin))}.
func Millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
