package chart

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gokernel/gokernel/interp/display"
)

// errNoData is the note of a chart with nothing to draw.
var errNoData = errors.New("chart: no data")

// Bar draws a bar chart: one bar per label, values[i] high, with the value
// written above it. labels and values must have the same length.
func Bar(title string, labels []string, values []float64, opts ...Options) display.PNG {
	o := merge(opts)
	f, err := bars(title, labels, []Series{{Y: values}}, o)
	if err != nil {
		if len(labels) != len(values) {
			err = fmt.Errorf("chart: %d labels but %d values", len(labels), len(values))
		}
		return finish(title, nil, o, err)
	}
	if lbls, err := valueLabels(values, o); err == nil {
		f.p.Add(lbls)
	}
	return finish(title, f, o, nil)
}

// Grouped draws a grouped bar chart: for each group, one bar per series,
// side by side, coloured by series, with a legend of the series names.
// Each series' Y holds one value per group (X is ignored).
func Grouped(title string, groups []string, series []Series, opts ...Options) display.PNG {
	o := merge(opts)
	f, err := bars(title, groups, series, o)
	return finish(title, f, o, err)
}

// bars builds the figure of a (grouped) bar chart.
func bars(title string, groups []string, series []Series, o Options) (*figure, error) {
	if len(groups) == 0 || len(series) == 0 {
		return nil, errNoData
	}
	for j, s := range series {
		if len(s.Y) != len(groups) {
			return nil, fmt.Errorf("chart: series %d (%q) has %d values for %d groups", j, s.Name, len(s.Y), len(groups))
		}
		if err := checkFinite(seriesName(j, s)+".Y", s.Y); err != nil {
			return nil, err
		}
		if o.LogY {
			if err := checkPositive(seriesName(j, s)+".Y", s.Y); err != nil {
				return nil, err
			}
		}
	}
	o.LogX = false
	f := newFigure(title, o)
	f.p.Add(horizontalGrid())
	f.p.Add(barBoxes(len(groups), series, baseline(series, o.LogY)))
	f.p.NominalX(groups...)
	f.p.X.Min, f.p.X.Max = -0.5, float64(len(groups))-0.5
	headroom(f, o)
	for j, s := range series {
		f.addLegend(s.Name, swatch{colorAt(j)})
	}
	return f, nil
}

// barBoxes lays out the bars: group i spans [i-0.4, i+0.4], shared equally
// by the series.
func barBoxes(groups int, series []Series, base float64) boxes {
	w := 0.8 / float64(len(series))
	bs := make(boxes, 0, groups*len(series))
	for i := 0; i < groups; i++ {
		for j, s := range series {
			x0 := float64(i) - 0.4 + float64(j)*w
			bs = append(bs, box{x0: x0, x1: x0 + w, y0: base, y1: s.Y[i], fill: colorAt(j)})
		}
	}
	return bs
}

// baseline is where bars start: 0, or on a log axis the power of ten below
// the smallest value (a log axis has no 0).
func baseline(series []Series, logY bool) float64 {
	if !logY {
		return 0
	}
	lo := math.Inf(1)
	for _, s := range series {
		for _, v := range s.Y {
			lo = math.Min(lo, v)
		}
	}
	base := math.Pow(10, math.Floor(math.Log10(lo)))
	if base >= lo {
		// lo is a power of ten: start one decade lower so its bar shows.
		base /= 10
	}
	return base
}

// headroom leaves space beyond the longest bars (for Bar's value labels).
func headroom(f *figure, o Options) {
	if o.LogY {
		f.p.Y.Max *= 1.5
		return
	}
	span := f.p.Y.Max - f.p.Y.Min
	if f.p.Y.Max > 0 {
		f.p.Y.Max += 0.08 * span
	}
	if f.p.Y.Min < 0 {
		f.p.Y.Min -= 0.08 * span
	}
}

// valueLabels writes each value above (or, if negative, below) its bar.
func valueLabels(values []float64, o Options) (*plotter.Labels, error) {
	xys := make(plotter.XYs, len(values))
	text := make([]string, len(values))
	for i, v := range values {
		xys[i] = plotter.XY{X: float64(i), Y: v}
		text[i] = valueText(v)
	}
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: text})
	if err != nil {
		return nil, fmt.Errorf("chart: labels: %w", err)
	}
	for i, v := range values {
		l.TextStyle[i].XAlign = draw.XCenter
		l.TextStyle[i].YAlign = draw.YBottom
		if v < 0 && !o.LogY {
			l.TextStyle[i].YAlign = draw.YTop
		}
	}
	return l, nil
}

// valueText formats a bar's value with at most 4 significant digits, in
// plain notation unless it is very large or very small: 870, 640.5, 12350,
// 0.0125, 1.235e+07.
func valueText(v float64) string {
	short := strconv.FormatFloat(v, 'g', 4, 64)
	r, _ := strconv.ParseFloat(short, 64) // short is a valid float: no error
	if a := math.Abs(r); a != 0 && (a >= 1e6 || a < 1e-3) {
		return short
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// seriesName names series j in error messages.
func seriesName(j int, s Series) string {
	if s.Name != "" {
		return strconv.Quote(s.Name)
	}
	return fmt.Sprintf("series[%d]", j)
}
