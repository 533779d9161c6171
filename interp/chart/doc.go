// Package chart draws charts for notebooks: bar charts, grouped bar charts,
// line charts (optionally with log scales) and timelines (Gantt-like charts
// of tasks over time). It is built on gonum.org/v1/plot.
//
// Every function returns a display.PNG, so a chart is shown by making it a
// cell's final expression or by passing it to display.Show. The API is made
// of plain functions, slices of float64 and string, and small structs, so it
// is easy to call from interpreted cells (no generics, no func options).
//
//	chart.Bar("requests per second", []string{"serial", "pool"}, []float64{120, 870})
//
// # Rules
//
//   - Charts are PNG images, 640×400 pixels unless Options says otherwise.
//   - The same input always gives the same bytes (rendering is
//     deterministic), so tests can compare charts.
//   - A chart never panics on bad input. Empty data, mismatched lengths,
//     NaN or infinite values, a span that ends before it starts, or a
//     non-positive value on a log axis give an image of the right size that
//     shows the title and the problem ("chart: no data",
//     "chart: 3 labels but 2 values"), so the notebook shows what went wrong
//     where the chart would have been.
//   - Functions do not start goroutines and are safe for concurrent use.
//
// # Timelines
//
// Timeline draws one row per distinct Span.Label, in order of first
// appearance, top to bottom, and one horizontal bar per Span from Start to
// End. Spans with the same label share a row, so a task that runs in
// several slices (awaiting, then resuming on an event loop) shows as
// several bars on one row. Times are plain numbers, in any unit: usually
// milliseconds since a common start, measured with time.Since.
package chart
