package chart

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestBadInputGivesANoteNotAPanic(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		err  func() error // the builder's error, nil when only the image is checked
		want string
	}{
		{"Bar/empty", func() error { _, err := bars("t", nil, []Series{{}}, merge(nil)); return err }, "chart: no data"},
		{"Bar/mismatch", func() error {
			_, err := bars("t", []string{"a", "b"}, []Series{{Y: []float64{1}}}, merge(nil))
			return err
		}, "has 1 values for 2 groups"},
		{"Bar/NaN", func() error {
			_, err := bars("t", []string{"a"}, []Series{{Y: []float64{nan}}}, merge(nil))
			return err
		}, "series[0].Y[0] is NaN"},
		{"Bar/log of zero", func() error {
			_, err := bars("t", []string{"a"}, []Series{{Name: "s", Y: []float64{0}}}, Options{LogY: true})
			return err
		}, `"s".Y[0] = 0, but a log scale needs values > 0`},
		{"Grouped/no series", func() error { _, err := bars("t", []string{"a"}, nil, merge(nil)); return err }, "chart: no data"},
		{"Lines/empty", func() error { _, err := lines("t", []Series{{Name: "s"}}, merge(nil)); return err }, "chart: no data"},
		{"Lines/mismatch", func() error {
			_, err := lines("t", []Series{{Name: "s", X: []float64{1, 2}, Y: []float64{1}}}, merge(nil))
			return err
		}, `"s" has 2 X but 1 Y values`},
		{"Lines/Inf", func() error {
			_, err := lines("t", []Series{{X: []float64{1}, Y: []float64{inf}}}, merge(nil))
			return err
		}, "series[0].Y[0] is +Inf"},
		{"Lines/log X of negative", func() error {
			_, err := lines("t", []Series{{X: []float64{-1}, Y: []float64{1}}}, Options{LogX: true})
			return err
		}, "series[0].X[0] = -1, but a log scale"},
		{"Timeline/empty", func() error { _, err := timeline("t", nil, merge(nil)); return err }, "chart: no data"},
		{"Timeline/backwards", func() error { _, err := timeline("t", []Span{{"a", 5, 1}}, merge(nil)); return err }, `spans[0] ("a") ends at 1, before its start 5`},
		{"Timeline/NaN", func() error { _, err := timeline("t", []Span{{"a", nan, 1}}, merge(nil)); return err }, "spans[0].Start is NaN"},
		{"size", func() error { return checkSize(Options{Width: -1, Height: 10}) }, "size -1x10 out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "chart: ") {
				t.Fatalf("error = %v, want chart: ...%s...", err, tt.want)
			}
		})
	}
}

func TestPublicFunctionsDrawNotesForBadInput(t *testing.T) {
	nan := math.NaN()
	calls := map[string]func() []byte{
		"Bar/nil":           func() []byte { return Bar("", nil, nil) },
		"Bar/mismatch":      func() []byte { return Bar("t", []string{"a", "b", "c"}, []float64{1, 2}) },
		"Bar/log zero":      func() []byte { return Bar("t", []string{"a"}, []float64{0}, Options{LogY: true}) },
		"Grouped/nil":       func() []byte { return Grouped("t", nil, nil) },
		"Grouped/short":     func() []byte { return Grouped("t", []string{"a", "b"}, []Series{{Y: []float64{1}}}) },
		"Line/none":         func() []byte { return Line("t", "x", "y") },
		"Line/NaN":          func() []byte { return Line("t", "x", "y", Series{X: []float64{nan}, Y: []float64{1}}) },
		"Lines/log zero":    func() []byte { return Lines("t", []Series{{X: []float64{0}, Y: []float64{1}}}, Options{LogX: true}) },
		"Timeline/nil":      func() []byte { return Timeline("t", nil) },
		"Timeline/reversed": func() []byte { return Timeline("t", []Span{{"a", 2, 1}}) },
	}
	valid := Bar("t", []string{"a"}, []float64{1})
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			img := call()
			checkImage(t, img, DefaultWidth, DefaultHeight)
			if bytes.Equal(img, valid) {
				t.Fatal("bad input drew the same image as good input")
			}
		})
	}
	t.Run("bad size falls back to default", func(t *testing.T) {
		checkImage(t, Bar("t", []string{"a"}, []float64{1}, Options{Width: 1 << 20, Height: 5}), DefaultWidth, DefaultHeight)
	})
}

func TestNoteNamesTheProblem(t *testing.T) {
	// The note of a mismatch differs from the note of empty data: the
	// message is drawn, not a fixed picture.
	a := Bar("t", []string{"a", "b"}, []float64{1})
	b := Bar("t", nil, nil)
	if bytes.Equal(a, b) {
		t.Fatal("different problems drew the same note")
	}
}

func TestEdgeCasesDraw(t *testing.T) {
	// Degenerate but valid data draws a chart (one value, all zeros,
	// negative values, a zero-length span, a single point).
	calls := map[string]func() []byte{
		"one bar":       func() []byte { return Bar("t", []string{"only"}, []float64{7}) },
		"zero bars":     func() []byte { return Bar("t", []string{"a", "b"}, []float64{0, 0}) },
		"negative bars": func() []byte { return Bar("t", []string{"a", "b"}, []float64{-3, 2}) },
		"one point":     func() []byte { return Line("t", "x", "y", Series{X: []float64{1}, Y: []float64{1}}) },
		"instant span":  func() []byte { return Timeline("t", []Span{{"a", 3, 3}}) },
		"empty label":   func() []byte { return Timeline("t", []Span{{"", 0, 1}}) },
		"many series":   func() []byte { return Grouped("t", []string{"g"}, manySeries(15)) },
		"empty + nonempty": func() []byte {
			return Line("t", "x", "y", Series{Name: "empty"}, Series{Name: "s", X: []float64{1, 2}, Y: []float64{1, 4}})
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) { checkImage(t, call(), DefaultWidth, DefaultHeight) })
	}
}

// small is the size of test charts whose pixels are not inspected.
var small = Options{Width: 240, Height: 150}

// manySeries returns n one-value series, more than the palette has colours.
func manySeries(n int) []Series {
	ss := make([]Series, n)
	for i := range ss {
		ss[i] = Series{Name: strings.Repeat("s", i+1), Y: []float64{float64(i + 1)}}
	}
	return ss
}

func TestMergeOptions(t *testing.T) {
	got := merge([]Options{{Width: 100, XLabel: "a"}, {Height: 50, XLabel: "b", LogY: true}})
	want := Options{Width: 100, Height: 50, XLabel: "b", LogY: true}
	if got != want {
		t.Fatalf("merge = %+v, want %+v", got, want)
	}
	if d := merge(nil); d.Width != DefaultWidth || d.Height != DefaultHeight {
		t.Fatalf("default size = %dx%d", d.Width, d.Height)
	}
}
