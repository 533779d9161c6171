package install

import (
	"bytes"
	"image/color"
	"image/png"
	"testing"
)

func TestLogoSizesAndContent(t *testing.T) {
	for _, size := range logoSizes {
		b, err := Logo(size)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("logo %d is not a PNG: %v", size, err)
		}
		if got := img.Bounds().Size(); got.X != size || got.Y != size {
			t.Errorf("logo %d decodes to %v", size, got)
		}
		white := 0
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				if color.RGBAModel.Convert(img.At(x, y)) == (color.RGBA{255, 255, 255, 255}) {
					white++
				}
			}
		}
		if white == 0 || white > size*size/2 {
			t.Errorf("logo %d has %d white text pixels, want some but less than half", size, white)
		}
		again, _ := Logo(size)
		if !bytes.Equal(b, again) {
			t.Errorf("logo %d is not deterministic", size)
		}
	}
}

func TestLogoTooSmall(t *testing.T) {
	if _, err := Logo(8); err == nil {
		t.Fatal("Logo(8) succeeded")
	}
}
