package chart

import (
	"fmt"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gokernel/gokernel/interp/display"
)

// Line draws a line chart of the series (Y against X, points marked), with
// a legend of the series names and linear axes. It is Lines with the axis
// labels as Options.
func Line(title, xlabel, ylabel string, series ...Series) display.PNG {
	return Lines(title, series, Options{XLabel: xlabel, YLabel: ylabel})
}

// Lines draws a line chart of the series, like Line, with Options: use
// LogX and LogY for quantities that span decades, such as time against the
// number of tasks. Each series needs as many X as Y values; points are
// joined in the order given.
func Lines(title string, series []Series, opts ...Options) display.PNG {
	o := merge(opts)
	f, err := lines(title, series, o)
	return finish(title, f, o, err)
}

// lines builds the figure of a line chart.
func lines(title string, series []Series, o Options) (*figure, error) {
	if err := checkSeries(series, o); err != nil {
		return nil, err
	}
	f := newFigure(title, o)
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = gridColor, gridColor
	f.p.Add(g)
	for j, s := range series {
		if len(s.X) == 0 {
			continue
		}
		xys := make(plotter.XYs, len(s.X))
		for i := range s.X {
			xys[i] = plotter.XY{X: s.X[i], Y: s.Y[i]}
		}
		l, pts, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, fmt.Errorf("chart: %s: %w", seriesName(j, s), err)
		}
		l.Color, l.Width = colorAt(j), vg.Points(1.5)
		pts.Color, pts.Shape, pts.Radius = colorAt(j), plotutil.Shape(j), vg.Points(3)
		f.p.Add(l, pts)
		f.addLegend(s.Name, legendMark{l, pts})
	}
	return f, nil
}

// checkSeries reports series a line chart cannot draw.
func checkSeries(series []Series, o Options) error {
	n := 0
	for j, s := range series {
		if len(s.X) != len(s.Y) {
			return fmt.Errorf("chart: %s has %d X but %d Y values", seriesName(j, s), len(s.X), len(s.Y))
		}
		n += len(s.X)
		for _, c := range []struct {
			axis string
			vs   []float64
			log  bool
		}{{"X", s.X, o.LogX}, {"Y", s.Y, o.LogY}} {
			if err := checkFinite(seriesName(j, s)+"."+c.axis, c.vs); err != nil {
				return err
			}
			if c.log {
				if err := checkPositive(seriesName(j, s)+"."+c.axis, c.vs); err != nil {
					return err
				}
			}
		}
	}
	if n == 0 {
		return errNoData
	}
	return nil
}

// legendMark is the legend thumbnail of a series: its line and its marker.
type legendMark struct {
	line *plotter.Line
	pts  *plotter.Scatter
}

// Thumbnail implements plot.Thumbnailer.
func (m legendMark) Thumbnail(c *draw.Canvas) {
	m.line.Thumbnail(c)
	m.pts.Thumbnail(c)
}
