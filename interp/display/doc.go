// Package display shows rich values in a notebook: HTML, Markdown, SVG,
// PNG and JPEG images, JSON, LaTeX and raw MIME bundles.
//
// In a gokernel notebook, Show publishes a display_data message under the
// running cell, and a Handle updates one output in place (display_id). The
// value of a cell's final expression is rendered the same way, with Bundle.
//
// Outside the kernel (a plain compiled program) the same calls print the
// text/plain form of the value to standard output, so notebook code also
// compiles and runs with the Go toolchain.
//
// # Rendering
//
// Bundle turns any value into a MIME bundle. A value of one of this
// package's types (HTML, Markdown, SVG, PNG, JPEG, JSON, Latex, MIME) is
// rendered as that type; a value with an HTML(), SVG(), Markdown(), Latex() or
// MIME() method gets those forms; an image.Image becomes image/png. Every
// bundle has a text/plain form: String() for a fmt.Stringer, else %v.
//
//	display.Show(display.HTML("<b>bold</b>"))
//	h := display.NewHandle()
//	h.Show(display.Markdown("step 1"))
//	h.Update(display.Markdown("step 2"))
package display
