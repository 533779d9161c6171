package runtime

import (
	"fmt"
	"strings"
	"sync/atomic"
)

// Progress counts finished work out of a total, for rendering a live
// progress bar in a notebook: Track futures (or call Add), and read Done,
// Fraction or Bar from any goroutine.
//
// Use NewProgress; the zero value is a progress of total 0. Progress
// starts no goroutines; its methods do not wait.
type Progress struct {
	total  atomic.Int64
	done   atomic.Int64
	failed atomic.Int64
	onStep func(p *Progress)
}

// NewProgress returns a progress of total steps. If onStep is not nil, it
// is called after every step, on the goroutine that made it (for futures:
// the one that completed them); it must be quick.
func NewProgress(total int, onStep func(p *Progress)) *Progress {
	p := &Progress{onStep: onStep}
	p.total.Store(int64(total))
	return p
}

// Add records n finished steps.
func (p *Progress) Add(n int) {
	p.done.Add(int64(n))
	if p.onStep != nil {
		p.onStep(p)
	}
}

// Track records a step when f completes; failed and cancelled futures are
// counted in Failed too.
func (p *Progress) Track(f *Future) {
	f.AddDoneCallback(func(f *Future) {
		if f.Err() != nil {
			p.failed.Add(1)
		}
		p.Add(1)
	})
}

// AddTotal grows (or, negative, shrinks) the total by n.
func (p *Progress) AddTotal(n int) { p.total.Add(int64(n)) }

// Done reports the finished steps.
func (p *Progress) Done() int { return int(p.done.Load()) }

// Failed reports the tracked futures that finished with an error.
func (p *Progress) Failed() int { return int(p.failed.Load()) }

// Total reports the total.
func (p *Progress) Total() int { return int(p.total.Load()) }

// Fraction reports Done/Total between 0 and 1 (1 when Total is 0).
func (p *Progress) Fraction() float64 {
	t := p.total.Load()
	if t <= 0 {
		return 1
	}
	return min(1, float64(p.done.Load())/float64(t))
}

// Bar renders the progress as text of the given bar width, such as
// "[#####-----] 5/10 50%".
func (p *Progress) Bar(width int) string {
	fill := int(p.Fraction() * float64(width))
	return fmt.Sprintf("[%s%s] %d/%d %d%%", strings.Repeat("#", fill),
		strings.Repeat("-", width-fill), p.Done(), p.Total(), int(p.Fraction()*100))
}

// String renders the progress with a 20-character bar.
func (p *Progress) String() string { return p.Bar(20) }
