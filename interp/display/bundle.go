package display

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
)

// The interfaces Bundle looks for on values of other types.
type (
	htmler     interface{ HTML() string }
	markdowner interface{ Markdown() string }
	svger      interface{ SVG() string }
	latexer    interface{ Latex() string }
	mimer      interface{ MIME() map[string]any }
)

// Bundle returns the MIME bundle of v (see the package documentation for the
// rules). Binary image data is base64-encoded, as Jupyter expects. The
// result always has a "text/plain" entry.
func Bundle(v any) map[string]any {
	b := make(map[string]any)
	switch x := v.(type) {
	case HTML:
		b["text/html"] = string(x)
	case Markdown:
		b["text/markdown"] = string(x)
	case SVG:
		b["image/svg+xml"] = string(x)
	case Latex:
		b["text/latex"] = string(x)
	case PNG:
		b["image/png"] = base64.StdEncoding.EncodeToString(x)
		b["text/plain"] = fmt.Sprintf("<PNG image, %d bytes>", len(x))
	case JPEG:
		b["image/jpeg"] = base64.StdEncoding.EncodeToString(x)
		b["text/plain"] = fmt.Sprintf("<JPEG image, %d bytes>", len(x))
	case JSON:
		data, err := json.Marshal(x.Value)
		if err != nil {
			b["text/plain"] = fmt.Sprintf("display: json: %v", err)
			break
		}
		var generic any
		_ = json.Unmarshal(data, &generic)
		b["application/json"] = generic
		b["text/plain"] = string(data)
	case MIME:
		for k, d := range x {
			b[k] = d
		}
	case image.Image:
		var buf bytes.Buffer
		if err := png.Encode(&buf, x); err == nil {
			b["image/png"] = base64.StdEncoding.EncodeToString(buf.Bytes())
			r := x.Bounds()
			b["text/plain"] = fmt.Sprintf("<image %dx%d>", r.Dx(), r.Dy())
		}
	default:
		addMethods(b, v)
	}
	if _, ok := b["text/plain"]; !ok {
		b["text/plain"] = plain(v)
	}
	return b
}

// addMethods adds the forms v's methods provide.
func addMethods(b map[string]any, v any) {
	if m, ok := v.(mimer); ok {
		for k, d := range m.MIME() {
			b[k] = d
		}
	}
	if h, ok := v.(htmler); ok {
		b["text/html"] = h.HTML()
	}
	if m, ok := v.(markdowner); ok {
		b["text/markdown"] = m.Markdown()
	}
	if s, ok := v.(svger); ok {
		b["image/svg+xml"] = s.SVG()
	}
	if l, ok := v.(latexer); ok {
		b["text/latex"] = l.Latex()
	}
}

// plain is the text/plain form: String() for a Stringer, else %v. Text
// forms (HTML, Markdown...) show as their source.
func plain(v any) string {
	switch x := v.(type) {
	case HTML:
		return string(x)
	case Markdown:
		return string(x)
	case SVG:
		return string(x)
	case Latex:
		return string(x)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}
