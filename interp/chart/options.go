package chart

// Default image size in pixels, used when Options leaves Width or Height
// zero.
const (
	DefaultWidth  = 640
	DefaultHeight = 400
)

// maxSide bounds the image size (pixels per side) to keep a typo from
// allocating gigabytes.
const maxSide = 4096

// dpi is the resolution charts are drawn at; text sizes are in points, so
// it sets how large text is relative to the image.
const dpi = 96

// Options are the optional settings of a chart. The zero value means a
// 640×400 image, linear axes and no axis labels beyond the ones the
// function takes.
//
// Functions take options as a variadic last argument (opts ...Options) so
// they can be left out; when several are given, the non-zero fields of later
// ones override earlier ones.
type Options struct {
	// Width and Height are the image size in pixels (zero: DefaultWidth,
	// DefaultHeight; at most 4096).
	Width, Height int
	// XLabel and YLabel label the axes. Timeline's X axis is labelled
	// "time" when XLabel is empty.
	XLabel, YLabel string
	// LogX and LogY use a base-10 logarithmic scale on that axis; every
	// value on it must then be positive. Bar and Grouped charts honour
	// LogY (bars then rise from the power of ten below the smallest
	// value) and ignore LogX; Timeline ignores both.
	LogX, LogY bool
}

// merge folds opts into one Options, later non-zero fields winning, and
// fills in the default size.
func merge(opts []Options) Options {
	var o Options
	for _, x := range opts {
		if x.Width != 0 {
			o.Width = x.Width
		}
		if x.Height != 0 {
			o.Height = x.Height
		}
		if x.XLabel != "" {
			o.XLabel = x.XLabel
		}
		if x.YLabel != "" {
			o.YLabel = x.YLabel
		}
		o.LogX = o.LogX || x.LogX
		o.LogY = o.LogY || x.LogY
	}
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.Height == 0 {
		o.Height = DefaultHeight
	}
	return o
}
