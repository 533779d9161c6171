package chart

import "gonum.org/v1/plot/plotter"

// horizontalGrid returns grid lines across the value axis only.
func horizontalGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = gridColor
	return g
}

// verticalGrid returns grid lines across the X axis only.
func verticalGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Horizontal.Color = nil
	g.Vertical.Color = gridColor
	return g
}
