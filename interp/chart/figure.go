package chart

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// figure is a plot and its legend, which is drawn to the right of the plot
// so that it never hides data.
type figure struct {
	p       *plot.Plot
	legend  plot.Legend
	entries int
}

// newFigure returns a figure with the title, axis labels and scales of o.
func newFigure(title string, o Options) *figure {
	leg := plot.NewLegend()
	leg.Top, leg.Left = true, true
	return &figure{p: newPlot(title, o), legend: leg}
}

// addLegend adds a legend entry; an empty name adds none.
func (f *figure) addLegend(name string, t plot.Thumbnailer) {
	if name == "" {
		return
	}
	f.legend.Add(name, t)
	f.entries++
}

// draw draws the figure on dc: the plot, and the legend in a strip on the
// right when it has entries.
func (f *figure) draw(dc draw.Canvas) {
	if f.entries == 0 {
		f.p.Draw(dc)
		return
	}
	pad := vg.Points(8)
	w := f.legend.Rectangle(dc).Size().X
	f.p.Draw(draw.Crop(dc, 0, -(w + 2*pad), 0, 0))
	top := f.p.Title.TextStyle.Rectangle(f.p.Title.Text).Size().Y + f.p.Title.Padding + pad
	f.legend.Draw(draw.Crop(dc, dc.Size().X-w-pad, -pad, 0, -top))
}

// newPlot returns a plot with the title and the axis labels of o.
func newPlot(title string, o Options) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = o.XLabel
	p.Y.Label.Text = o.YLabel
	if o.LogX {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	}
	if o.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	}
	return p
}
