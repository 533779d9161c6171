package chart

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/interp/display"
)

// charts is one valid call of every chart function.
var charts = map[string]func(o Options) display.PNG{
	"Bar": func(o Options) display.PNG {
		return Bar("bar", []string{"a", "b", "c"}, []float64{3, 1, 2}, o)
	},
	"Grouped": func(o Options) display.PNG {
		return Grouped("grouped", []string{"x", "y"}, []Series{
			{Name: "one", Y: []float64{1, 2}}, {Name: "two", Y: []float64{3, 4}},
		}, o)
	},
	"Lines": func(o Options) display.PNG {
		return Lines("lines", []Series{{Name: "s", X: []float64{1, 10, 100}, Y: []float64{2, 20, 200}}}, o)
	},
	"Timeline": func(o Options) display.PNG {
		return Timeline("timeline", []Span{{"a", 0, 5}, {"b", 2, 8}}, o)
	},
}

// TestChartsSizeInkAndDeterminism checks, for every chart function, that
// the image has the requested size and is not blank, that drawing it again
// gives the same bytes, and that a different input gives different bytes.
func TestChartsSizeInkAndDeterminism(t *testing.T) {
	for name, draw := range charts {
		t.Run(name, func(t *testing.T) {
			a := draw(Options{})
			checkImage(t, a, DefaultWidth, DefaultHeight)
			if b := draw(Options{}); !bytes.Equal(a, b) {
				t.Fatalf("two renderings of the same chart differ (%d and %d bytes)", len(a), len(b))
			}
			c := draw(Options{Width: 300, Height: 180, YLabel: "other"})
			checkImage(t, c, 300, 180)
			if bytes.Equal(a, c) {
				t.Fatal("different options gave the same bytes")
			}
		})
	}
}

func TestBarHeightsFollowValues(t *testing.T) {
	// Linear axis from 0: a bar of 3 is three times as tall as a bar of 1.
	m := decode(t, Bar("", []string{"one", "three"}, []float64{1, 3}))
	var heights []int
	for _, half := range []struct{ lo, hi int }{{0, DefaultWidth / 2}, {DefaultWidth / 2, DefaultWidth}} {
		r := findIn(m, colorAt(0), half.lo, half.hi)
		if r.n == 0 {
			t.Fatalf("no bar in columns %d..%d", half.lo, half.hi)
		}
		heights = append(heights, r.maxY-r.minY+1)
	}
	if ratio := float64(heights[1]) / float64(heights[0]); math.Abs(ratio-3) > 0.1 {
		t.Fatalf("bar heights %v: ratio %.2f, want 3", heights, ratio)
	}
}

func TestGroupedColoursSeries(t *testing.T) {
	m := decode(t, Grouped("", []string{"g1", "g2"}, []Series{
		{Name: "first", Y: []float64{1, 1}}, {Name: "second", Y: []float64{2, 2}},
	}))
	first, second := find(m, colorAt(0)), find(m, colorAt(1))
	if first.n == 0 || second.n == 0 {
		t.Fatalf("series colours missing: first %d px, second %d px", first.n, second.n)
	}
	if second.minY >= first.minY {
		t.Fatalf("second series (value 2) top at y=%d, not above first (value 1) at y=%d", second.minY, first.minY)
	}
}

func TestTimelineShowsOverlap(t *testing.T) {
	// Serialized: b starts when a ends. Concurrent: both run over [0, 10].
	serial := decode(t, Timeline("", []Span{{"a", 0, 10}, {"b", 10, 20}}))
	a, b := find(serial, colorAt(0)), find(serial, colorAt(1))
	if a.n == 0 || b.n == 0 {
		t.Fatalf("rows missing: a %d px, b %d px", a.n, b.n)
	}
	if a.maxX >= b.minX {
		t.Errorf("serialized spans overlap on screen: a ends at x=%d, b starts at x=%d", a.maxX, b.minX)
	}
	if a.maxY >= b.minY {
		t.Errorf("first label not on the top row: a rows %d..%d, b rows %d..%d", a.minY, a.maxY, b.minY, b.maxY)
	}
	both := decode(t, Timeline("", []Span{{"a", 0, 10}, {"b", 0, 10}}))
	a, b = find(both, colorAt(0)), find(both, colorAt(1))
	if a.minX != b.minX || a.maxX != b.maxX {
		t.Errorf("concurrent spans differ on screen: a x=%d..%d, b x=%d..%d", a.minX, a.maxX, b.minX, b.maxX)
	}
}

func TestTimelineSharesRowsByLabel(t *testing.T) {
	_, labels := rowsOf([]Span{{"a", 0, 1}, {"b", 1, 2}, {"a", 2, 3}})
	if strings.Join(labels, ",") != "a,b" {
		t.Fatalf("rows = %q, want a,b", labels)
	}
	m := decode(t, Timeline("", []Span{{"a", 0, 1}, {"b", 1, 2}, {"a", 2, 3}}))
	a, b := find(m, colorAt(0)), find(m, colorAt(1))
	if !(a.minX < b.minX && b.maxX < a.maxX) {
		t.Fatalf("row a (x=%d..%d) should surround b (x=%d..%d)", a.minX, a.maxX, b.minX, b.maxX)
	}
	if find(m, colorAt(2)).n != 0 {
		t.Fatal("a third row was drawn for a repeated label")
	}
}

func TestValueText(t *testing.T) {
	for v, want := range map[float64]string{
		870: "870", 640.5: "640.5", 12345.678: "12350", 0.0125: "0.0125", 0: "0",
		-3.14159: "-3.142", 12345678: "1.235e+07", 0.000012345: "1.234e-05",
	} {
		if got := valueText(v); got != want {
			t.Errorf("valueText(%v) = %q, want %q", v, got, want)
		}
	}
}
