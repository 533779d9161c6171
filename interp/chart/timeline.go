package chart

import (
	"fmt"
	"math"

	"github.com/gokernel/gokernel/interp/display"
)

// Span is one stretch of time on a Timeline: Label's task ran from Start
// to End (any unit, the same for all spans, e.g. milliseconds since the
// start of the run). The zero value is an empty, unlabelled span at 0.
type Span struct {
	Label      string
	Start, End float64
}

// Timeline draws a Gantt-like chart: one row per distinct label, top to
// bottom in order of first appearance, and one horizontal bar per span
// from Start to End, coloured by row. Spans with the same label share a
// row. It shows at a glance whether tasks overlapped (ran concurrently) or
// ran one after the other. The X axis is labelled Options.XLabel, or
// "time"; Options.YLabel labels the rows. Log scales do not apply.
func Timeline(title string, spans []Span, opts ...Options) display.PNG {
	o := merge(opts)
	o.LogX, o.LogY = false, false
	if o.XLabel == "" {
		o.XLabel = "time"
	}
	f, err := timeline(title, spans, o)
	return finish(title, f, o, err)
}

// timeline builds the figure of a timeline.
func timeline(title string, spans []Span, o Options) (*figure, error) {
	if len(spans) == 0 {
		return nil, errNoData
	}
	rows, labels := rowsOf(spans)
	bs := make(boxes, len(spans))
	for i, s := range spans {
		if err := checkSpan(i, s); err != nil {
			return nil, err
		}
		// Row 0 is the top one: first labels are drawn highest.
		y := float64(len(labels) - 1 - rows[i])
		bs[i] = box{x0: s.Start, x1: s.End, y0: y - 0.35, y1: y + 0.35, fill: colorAt(rows[i])}
	}
	f := newFigure(title, o)
	g := verticalGrid()
	f.p.Add(g, bs)
	f.p.NominalY(reversed(labels)...)
	f.p.Y.Min, f.p.Y.Max = -0.5, float64(len(labels))-0.5
	// Start at 0 when times are non-negative, and leave a margin after the
	// last span so it does not touch the frame.
	f.p.X.Min = math.Min(0, f.p.X.Min)
	f.p.X.Max += 0.02 * (f.p.X.Max - f.p.X.Min)
	return f, nil
}

// checkSpan reports a span a timeline cannot draw.
func checkSpan(i int, s Span) error {
	if err := checkNumber(fmt.Sprintf("spans[%d].Start", i), s.Start); err != nil {
		return err
	}
	if err := checkNumber(fmt.Sprintf("spans[%d].End", i), s.End); err != nil {
		return err
	}
	if s.End < s.Start {
		return fmt.Errorf("chart: spans[%d] (%q) ends at %v, before its start %v", i, s.Label, s.End, s.Start)
	}
	return nil
}

// rowsOf returns each span's row and the row labels, in order of first
// appearance.
func rowsOf(spans []Span) (rows []int, labels []string) {
	index := make(map[string]int)
	rows = make([]int, len(spans))
	for i, s := range spans {
		r, ok := index[s.Label]
		if !ok {
			r = len(labels)
			index[s.Label] = r
			labels = append(labels, s.Label)
		}
		rows[i] = r
	}
	return rows, labels
}

// reversed returns a reversed copy of ss.
func reversed(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[len(ss)-1-i] = s
	}
	return out
}
