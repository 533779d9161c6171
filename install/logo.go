package install

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
)

// logoSizes are the logo sizes Jupyter looks for in a kernelspec directory.
// Like the other package-level variables here it is never written.
var logoSizes = [...]int{32, 64}

// gopherBlue is the Go brand colour.
var gopherBlue = color.RGBA{R: 0x00, G: 0xAD, B: 0xD8, A: 0xFF}

// glyphs are 5×7 bitmaps of the letters of "Go"; '#' is ink.
var glyphs = [...][7]string{
	{" ### ", "#   #", "#    ", "# ###", "#   #", "#   #", " ### "},
	{"     ", "     ", " ### ", "#   #", "#   #", "#   #", " ### "},
}

// Logo draws the size×size logo, a gopher-blue square with "Go" in white,
// and encodes it as PNG. The drawing is deterministic: the same size always
// gives the same bytes.
func Logo(size int) ([]byte, error) {
	if size < 16 {
		return nil, fmt.Errorf("install: logo size %d is smaller than 16", size)
	}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), &image.Uniform{C: gopherBlue}, image.Point{}, draw.Src)
	drawText(img, size/16)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("install: encode %dx%d logo: %w", size, size, err)
	}
	return buf.Bytes(), nil
}

// drawText draws the glyphs in white, each pixel a scale×scale block, one
// glyph width apart, centred in img.
func drawText(img *image.RGBA, scale int) {
	const glyphW, glyphH, gap = 5, 7, 1
	textW := (len(glyphs)*glyphW + (len(glyphs)-1)*gap) * scale
	x0 := (img.Bounds().Dx() - textW) / 2
	y0 := (img.Bounds().Dy() - glyphH*scale) / 2
	for i, g := range glyphs {
		gx := x0 + i*(glyphW+gap)*scale
		for row, line := range g {
			for col, c := range line {
				if c != '#' {
					continue
				}
				r := image.Rect(gx+col*scale, y0+row*scale, gx+(col+1)*scale, y0+(row+1)*scale)
				draw.Draw(img, r, &image.Uniform{C: color.White}, image.Point{}, draw.Src)
			}
		}
	}
}
