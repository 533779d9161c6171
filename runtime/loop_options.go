package runtime

import (
	"fmt"
	"os"
	"time"
)

// Option configures a Loop made by NewLoop or Run.
type Option func(*loopConfig)

type loopConfig struct {
	debug  bool
	slow   time.Duration
	report func(string)
}

func defaultLoopConfig() loopConfig {
	return loopConfig{
		slow:   100 * time.Millisecond, // asyncio's slow_callback_duration
		report: func(s string) { fmt.Fprintln(os.Stderr, s) },
	}
}

// WithDebug turns on the loop's debug mode, like asyncio's debug mode: each
// callback or task step that holds the loop longer than the slow-callback
// threshold (default 100 ms) is reported, and at the end of a run every task
// that was never awaited is reported and kept for NeverAwaited.
func WithDebug() Option { return func(c *loopConfig) { c.debug = true } }

// WithSlowCallback sets the slow-callback threshold and turns on debug mode.
func WithSlowCallback(d time.Duration) Option {
	return func(c *loopConfig) { c.debug, c.slow = true, d }
}

// WithReport sends the loop's warnings (slow callbacks, tasks never
// awaited, failed tasks whose error nobody retrieved, panics in callbacks)
// to fn instead of standard error. fn runs on the loop's goroutines, one
// call at a time.
func WithReport(fn func(msg string)) Option { return func(c *loopConfig) { c.report = fn } }
