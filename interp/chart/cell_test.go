package chart_test

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"testing"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gokernel/gokernel/interp/display"
	"github.com/gokernel/gokernel/interp/symbols"
)

// newInterp returns a yaegi interpreter that has imported chart, as a cell
// would.
func newInterp(t *testing.T) *yaegi.Interpreter {
	t.Helper()
	i := yaegi.New(yaegi.Options{})
	for _, s := range []yaegi.Exports{stdlib.Symbols, symbols.Symbols} {
		if err := i.Use(s); err != nil {
			t.Fatalf("Use: %v", err)
		}
	}
	if _, err := i.Eval(`import (
	"fmt"
	"time"

	"github.com/gokernel/gokernel/interp/chart"
)`); err != nil {
		t.Fatalf("import chart in a cell: %v", err)
	}
	return i
}

// TestChartsFromCells evaluates chart calls the way notebook cells write
// them and checks that each result is a PNG display value whose bundle has
// an image/png and a text/plain form.
func TestChartsFromCells(t *testing.T) {
	i := newInterp(t)
	cells := []struct {
		name  string
		setup []string // cells run before expr (raw yaegi takes declarations and statements in separate cells)
		expr  string
		w, h  int
	}{
		{"Bar", nil, `chart.Bar("t", []string{"a", "b"}, []float64{1, 2}, chart.Options{Width: 320, Height: 200})`, 320, 200},
		{"Grouped", nil, `chart.Grouped("g", []string{"x", "y"}, []chart.Series{{Name: "s", Y: []float64{1, 2}}, {Name: "u", Y: []float64{3, 1}}})`, 640, 400},
		{"Line", nil, `chart.Line("l", "n", "ms", chart.Series{Name: "s", X: []float64{1, 2}, Y: []float64{3, 4}})`, 640, 400},
		{"Lines/log", nil, `chart.Lines("l", []chart.Series{{X: []float64{1, 10, 100}, Y: []float64{1, 5, 50}}}, chart.Options{LogX: true, LogY: true})`, 640, 400},
		{"Timeline/loop", []string{`var spans []chart.Span`, `for i := 0; i < 4; i++ {
	spans = append(spans, chart.Span{Label: fmt.Sprint("task ", i), Start: chart.Millis(time.Duration(i) * time.Millisecond), End: float64(i + 2)})
}`}, `chart.Timeline("tasks", spans, chart.Options{XLabel: "ms"})`, 640, 400},
		{"Bar/bad input", nil, `chart.Bar("t", nil, []float64{1})`, 640, 400},
	}
	for _, c := range cells {
		t.Run(c.name, func(t *testing.T) {
			for _, cell := range c.setup {
				if _, err := i.Eval(cell); err != nil {
					t.Fatalf("setup cell: %v", err)
				}
			}
			v, err := i.Eval(c.expr)
			if err != nil {
				t.Fatalf("Eval: %v", err)
			}
			img, ok := v.Interface().(display.PNG)
			if !ok {
				t.Fatalf("cell value is %T, want display.PNG", v.Interface())
			}
			b := display.Bundle(img)
			if b["text/plain"] == "" || b["image/png"] == nil {
				t.Fatalf("bundle lacks text/plain or image/png: keys %v", keys(b))
			}
			raw, err := base64.StdEncoding.DecodeString(b["image/png"].(string))
			if err != nil {
				t.Fatalf("image/png is not base64: %v", err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("image/png is not a PNG: %v", err)
			}
			if cfg.Width != c.w || cfg.Height != c.h {
				t.Fatalf("size %dx%d, want %dx%d", cfg.Width, cfg.Height, c.w, c.h)
			}
		})
	}
}

// keys lists the MIME types of a bundle.
func keys(b map[string]any) []string {
	var ks []string
	for k := range b {
		ks = append(ks, k)
	}
	return ks
}
