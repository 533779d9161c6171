package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"testing"

	"github.com/gokernel/gokernel/interp/display"
)

// decode decodes a chart, failing the test if it is not a PNG, and returns
// it as RGBA (pixel loops over Pix stay fast under -race).
func decode(t *testing.T, img display.PNG) *image.RGBA {
	t.Helper()
	m, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		t.Fatalf("chart is not a PNG: %v", err)
	}
	rgba := image.NewRGBA(m.Bounds())
	draw.Draw(rgba, rgba.Bounds(), m, m.Bounds().Min, draw.Src)
	return rgba
}

// inked counts the pixels that are not white.
func inked(m *image.RGBA) int {
	n := 0
	for i := 0; i < len(m.Pix); i += 4 {
		if m.Pix[i] != 0xff || m.Pix[i+1] != 0xff || m.Pix[i+2] != 0xff {
			n++
		}
	}
	return n
}

// region is the bounding box and count of the pixels of one exact colour.
type region struct {
	minX, maxX, minY, maxY, n int
}

// find returns the region of the pixels of colour c (n == 0: none).
func find(m *image.RGBA, c color.Color) region {
	return findIn(m, c, m.Bounds().Min.X, m.Bounds().Max.X)
}

// findIn is find restricted to the columns [lo, hi).
func findIn(m *image.RGBA, c color.Color, lo, hi int) region {
	want := color.RGBAModel.Convert(c).(color.RGBA)
	r := region{minX: 1 << 30, minY: 1 << 30, maxX: -1, maxY: -1}
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := lo; x < hi; x++ {
			if m.RGBAAt(x, y) != want {
				continue
			}
			r.n++
			r.minX, r.maxX = min(r.minX, x), max(r.maxX, x)
			r.minY, r.maxY = min(r.minY, y), max(r.maxY, y)
		}
	}
	return r
}

// checkImage decodes img and checks its size and that it is not blank.
func checkImage(t *testing.T, img display.PNG, w, h int) *image.RGBA {
	t.Helper()
	m := decode(t, img)
	if got := m.Bounds().Size(); got != image.Pt(w, h) {
		t.Fatalf("size = %v, want %dx%d", got, w, h)
	}
	// A chart has a title, axes and marks; a note has a title and a
	// sentence. Both ink well over 0.1% of the image.
	if n, least := inked(m), w*h/1000; n < least {
		t.Fatalf("image is nearly blank: %d inked pixels, want >= %d", n, least)
	}
	return m
}
