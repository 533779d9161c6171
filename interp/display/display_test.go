package display

import (
	"encoding/base64"
	"image"
	"image/color"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type card struct{ title string }

func (c card) HTML() string     { return "<h1>" + c.title + "</h1>" }
func (c card) Markdown() string { return "# " + c.title }
func (c card) String() string   { return "card " + c.title }

func TestBundle(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 2, 3))
	img.Set(0, 0, color.White)
	cases := []struct {
		name string
		v    any
		want map[string]string
	}{
		{"html", HTML("<b>x</b>"), map[string]string{"text/html": "<b>x</b>", "text/plain": "<b>x</b>"}},
		{"markdown", Markdown("*x*"), map[string]string{"text/markdown": "*x*"}},
		{"svg", SVG("<svg/>"), map[string]string{"image/svg+xml": "<svg/>"}},
		{"latex", Latex("$x$"), map[string]string{"text/latex": "$x$"}},
		{"png", PNG{1, 2, 3}, map[string]string{"image/png": base64.StdEncoding.EncodeToString([]byte{1, 2, 3}), "text/plain": "<PNG image, 3 bytes>"}},
		{"jpeg", JPEG{4}, map[string]string{"image/jpeg": base64.StdEncoding.EncodeToString([]byte{4})}},
		{"json", JSON{map[string]int{"a": 1}}, map[string]string{"text/plain": `{"a":1}`}},
		{"mime", MIME{"text/csv": "a,b"}, map[string]string{"text/csv": "a,b", "text/plain": "map[text/csv:a,b]"}},
		{"methods", card{"hi"}, map[string]string{"text/html": "<h1>hi</h1>", "text/markdown": "# hi", "text/plain": "card hi"}},
		{"image", img, map[string]string{"text/plain": "<image 2x3>"}},
		{"plain", 42, map[string]string{"text/plain": "42"}},
	}
	for _, c := range cases {
		b := Bundle(c.v)
		for k, want := range c.want {
			if got, _ := b[k].(string); got != want {
				t.Errorf("%s: %s = %q, want %q", c.name, k, got, want)
			}
		}
		if _, ok := b["text/plain"]; !ok {
			t.Errorf("%s: no text/plain", c.name)
		}
	}
	if m, ok := Bundle(JSON{map[string]int{"a": 1}})["application/json"].(map[string]any); !ok || m["a"] != float64(1) {
		t.Errorf("application/json = %#v", Bundle(JSON{map[string]int{"a": 1}})["application/json"])
	}
	if s, _ := Bundle(img)["image/png"].(string); len(s) == 0 {
		t.Errorf("image.Image has no image/png")
	}
}

type recordPublisher struct {
	ids     []string
	updates []bool
}

func (r *recordPublisher) Publish(b map[string]any, id string, update bool) {
	r.ids = append(r.ids, id)
	r.updates = append(r.updates, update)
}
func (r *recordPublisher) Clear(bool) {}

func TestHandle(t *testing.T) {
	p := &recordPublisher{}
	h := NewHandleWith(p)
	h.Show(1)
	h.Update(2)
	if len(p.ids) != 2 || p.ids[0] != h.ID() || p.ids[1] != h.ID() || h.ID() == "" {
		t.Errorf("ids %q, handle %q", p.ids, h.ID())
	}
	if p.updates[0] || !p.updates[1] {
		t.Errorf("updates %v, want [false true]", p.updates)
	}
	if NewHandleWith(p).ID() == h.ID() {
		t.Errorf("two handles share an id")
	}
}

// Outside the kernel, Show prints the text/plain form.
func ExampleShow() {
	Show(Markdown("**bold**"))
	Show(card{"report"})
	// Output:
	// **bold**
	// card report
}
