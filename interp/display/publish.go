package display

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
)

// A Publisher delivers display output. The kernel's session implements it
// (display_data, update_display_data and clear_output messages under the
// cell that owns the calling goroutine); Stdout implements it for plain
// programs. Methods must be safe for concurrent use.
type Publisher interface {
	// Publish shows bundle; update replaces the output with displayID
	// instead of adding one (displayID is "" for a plain display).
	Publish(bundle map[string]any, displayID string, update bool)
	// Clear clears the cell's output; wait delays it until new output.
	Clear(wait bool)
}

// Stdout is the Publisher of plain programs: it prints the text/plain form
// of each bundle on its own line and ignores Clear.
type Stdout struct{}

// Publish prints bundle's text/plain form.
func (Stdout) Publish(bundle map[string]any, displayID string, update bool) {
	fmt.Fprintln(os.Stdout, bundle["text/plain"])
}

// Clear does nothing.
func (Stdout) Clear(wait bool) {}

// Show displays v (see Bundle). Outside the kernel it prints v's text/plain
// form to standard output.
func Show(v any) { Stdout{}.Publish(Bundle(v), "", false) }

// Clear clears the running cell's output; with wait, only when new output
// arrives (avoids flicker in animations). Outside the kernel it does nothing.
func Clear(wait bool) {}

// A Handle is one output that can be updated in place (a Jupyter
// display_id). Create it with NewHandle; the zero value is not usable.
type Handle struct {
	id  string
	pub Publisher
}

// NewHandle returns a handle with a fresh display id. Nothing is shown until
// Show.
func NewHandle() *Handle { return NewHandleWith(Stdout{}) }

// NewHandleWith returns a handle that publishes through pub (the kernel
// uses it; programs use NewHandle).
func NewHandleWith(pub Publisher) *Handle {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return &Handle{id: "display-" + hex.EncodeToString(b[:]), pub: pub}
}

// ID returns the handle's display id.
func (h *Handle) ID() string { return h.id }

// Show displays v as a new output tied to the handle.
func (h *Handle) Show(v any) { h.pub.Publish(Bundle(v), h.id, false) }

// Update replaces the handle's output, wherever it was shown, by v.
func (h *Handle) Update(v any) { h.pub.Publish(Bundle(v), h.id, true) }
