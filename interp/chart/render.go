package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/gokernel/gokernel/interp/display"
)

// checkSize reports an image size that Options does not allow.
func checkSize(o Options) error {
	if o.Width < 1 || o.Width > maxSide || o.Height < 1 || o.Height > maxSide {
		return fmt.Errorf("chart: size %dx%d out of range (1..%d pixels per side)", o.Width, o.Height, maxSide)
	}
	return nil
}

// render draws f on a Width×Height image and encodes it as PNG. A panic in
// gonum/plot (it panics on some degenerate input) becomes an error, so the
// caller can draw a note instead.
func render(f *figure, o Options) (img []byte, err error) {
	if err := checkSize(o); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("chart: cannot draw: %v", r)
		}
	}()
	c := canvas(o)
	f.draw(draw.New(c))
	return encode(c.Image())
}

// canvas returns a white image canvas of exactly o.Width×o.Height pixels.
func canvas(o Options) *vgimg.Canvas {
	rgba := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	return vgimg.NewWith(vgimg.UseImage(rgba), vgimg.UseDPI(dpi))
}

// encode encodes img as PNG.
func encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("chart: encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// note draws an image that shows title and, in its middle, the message of
// err. It is what a chart function returns when it cannot draw the chart.
// An unusable size falls back to the default one.
func note(title string, err error, o Options) []byte {
	if checkSize(o) != nil {
		o.Width, o.Height = DefaultWidth, DefaultHeight
	}
	c := canvas(o)
	dc := draw.New(c)
	style := text.Style{
		Color:   textColor,
		Font:    font.From(plot.DefaultFont, 12),
		XAlign:  draw.XCenter,
		YAlign:  draw.YCenter,
		Handler: plot.DefaultTextHandler,
	}
	center := dc.Center()
	if title != "" {
		t := style
		t.Font.Size = vg.Points(13)
		t.YAlign = draw.YTop
		dc.FillText(t, vg.Point{X: center.X, Y: dc.Max.Y - vg.Points(6)}, title)
	}
	dc.FillText(style, center, err.Error())
	out, encErr := encode(c.Image())
	if encErr != nil {
		// png.Encode fails only on writer errors; a bytes.Buffer has none.
		panic(encErr)
	}
	return out
}

// finish renders f, or a note about err (or about a rendering failure).
func finish(title string, f *figure, o Options, err error) display.PNG {
	if err == nil {
		var img []byte
		if img, err = render(f, o); err == nil {
			return display.PNG(img)
		}
	}
	return display.PNG(note(title, err, o))
}
