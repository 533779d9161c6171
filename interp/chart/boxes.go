package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// box is a filled rectangle in data coordinates.
type box struct {
	x0, x1, y0, y1 float64
	fill           color.Color
}

// boxes is a plot.Plotter that draws rectangles: the bars of bar charts and
// timelines.
type boxes []box

// Plot implements plot.Plotter.
func (bs boxes) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	outline := draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
	for _, b := range bs {
		pts := []vg.Point{
			{X: trX(b.x0), Y: trY(b.y0)},
			{X: trX(b.x0), Y: trY(b.y1)},
			{X: trX(b.x1), Y: trY(b.y1)},
			{X: trX(b.x1), Y: trY(b.y0)},
		}
		c.FillPolygon(b.fill, c.ClipPolygonXY(pts))
		c.StrokeLines(outline, c.ClipLinesXY(append(pts, pts[0]))...)
	}
}

// DataRange implements plot.DataRanger.
func (bs boxes) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, b := range bs {
		xmin = math.Min(xmin, math.Min(b.x0, b.x1))
		xmax = math.Max(xmax, math.Max(b.x0, b.x1))
		ymin = math.Min(ymin, math.Min(b.y0, b.y1))
		ymax = math.Max(ymax, math.Max(b.y0, b.y1))
	}
	return xmin, xmax, ymin, ymax
}

// swatch is a legend thumbnail: a square of one colour.
type swatch struct{ fill color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y},
		{X: c.Min.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Min.Y},
	}
	c.FillPolygon(s.fill, pts)
}
