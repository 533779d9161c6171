package chart_test

import (
	"bytes"
	"fmt"
	"image/png"
	"time"

	"github.com/gokernel/gokernel/interp/chart"
	"github.com/gokernel/gokernel/interp/display"
)

// size prints the pixel size of a chart.
func size(img display.PNG) {
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%dx%d PNG\n", cfg.Width, cfg.Height)
}

func ExampleBar() {
	img := chart.Bar("requests per second",
		[]string{"serial", "goroutines", "pool of 4"},
		[]float64{120, 870, 640})
	size(img)
	// Output: 640x400 PNG
}

func ExampleGrouped() {
	img := chart.Grouped("wall time (ms)",
		[]string{"10 tasks", "100 tasks"},
		[]chart.Series{
			{Name: "one by one", Y: []float64{100, 1000}},
			{Name: "concurrently", Y: []float64{11, 14}},
		},
		chart.Options{YLabel: "ms", LogY: true})
	size(img)
	// Output: 640x400 PNG
}

func ExampleLine() {
	img := chart.Line("squares", "n", "n²",
		chart.Series{Name: "n²", X: []float64{1, 2, 3, 4}, Y: []float64{1, 4, 9, 16}})
	size(img)
	// Output: 640x400 PNG
}

func ExampleLines() {
	tasks := []float64{1, 10, 100, 1000}
	img := chart.Lines("time against the number of tasks", []chart.Series{
		{Name: "sequential", X: tasks, Y: []float64{10, 100, 1000, 10000}},
		{Name: "event loop", X: tasks, Y: []float64{10, 11, 15, 40}},
	}, chart.Options{XLabel: "tasks", YLabel: "ms", LogX: true, LogY: true, Width: 800, Height: 500})
	size(img)
	// Output: 800x500 PNG
}

func ExampleTimeline() {
	// Three downloads awaited together overlap; "a" resumes later.
	img := chart.Timeline("downloads on the event loop", []chart.Span{
		{Label: "a", Start: 0, End: 100},
		{Label: "b", Start: 5, End: 110},
		{Label: "c", Start: 8, End: 90},
		{Label: "a", Start: 150, End: 170},
	}, chart.Options{XLabel: "ms"})
	size(img)
	// Output: 640x400 PNG
}

func ExampleBar_noData() {
	// Bad input never panics: the chart is an image that names the problem
	// ("chart: 3 labels but 2 values").
	img := chart.Bar("oops", []string{"a", "b", "c"}, []float64{1, 2})
	size(img)
	// Output: 640x400 PNG
}

func ExampleMillis() {
	begin := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	start, end := begin.Add(1500*time.Microsecond), begin.Add(42*time.Millisecond)
	span := chart.Span{Label: "fetch", Start: chart.Millis(start.Sub(begin)), End: chart.Millis(end.Sub(begin))}
	fmt.Println(span.Start, span.End)
	// Output: 1.5 42
}
