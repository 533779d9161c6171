package interp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// testStream opens a stream whose router has cell running ("" for none)
// and closes it when the test ends.
func testStream(t *testing.T, name, running string) (*stream, *recorder) {
	t.Helper()
	r := new(router)
	if running != "" {
		r.begin(running)
	}
	rec := &recorder{}
	st, err := newStream(name, r, rec.emit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.close() })
	return st, rec
}

func TestStreamFramesAndRawWrites(t *testing.T) {
	st, rec := testStream(t, "stdout", "running")

	big := strings.Repeat("héllo wörld ", 1000) // > PIPE_BUF, multibyte runes
	if _, err := st.writeCell("cellA", []byte(big)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.w.WriteString("raw bytes\x00GK"); err != nil { // ends like a frame start
		t.Fatal(err)
	}
	if _, err := st.writeCell("cellB", []byte("b1\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.writeCell("cellB", []byte("b2\n")); err != nil {
		t.Fatal(err)
	}
	st.sync()

	ev := rec.take()
	var a, raw, b strings.Builder
	for _, e := range ev {
		if !utf8.ValidString(e.Text) {
			t.Errorf("event text is not valid UTF-8: %q", e.Text)
		}
		switch e.CellID {
		case "cellA":
			a.WriteString(e.Text)
		case "running":
			raw.WriteString(e.Text)
		case "cellB":
			b.WriteString(e.Text)
		}
	}
	if a.String() != big {
		t.Errorf("cellA got %d bytes, want %d", a.Len(), len(big))
	}
	if raw.String() != "raw bytes\x00GK" {
		t.Errorf("raw output %q", raw.String())
	}
	if b.String() != "b1\nb2\n" {
		t.Errorf("cellB %q", b.String())
	}
}

func TestStreamMergesWritesOfOneRead(t *testing.T) {
	st, rec := testStream(t, "stderr", "")
	// How many writes one read sees depends on scheduling; what is
	// guaranteed: the text, and never more events than writes.
	for i := 0; i < 100; i++ {
		st.writeCell("c", []byte("line\n"))
	}
	st.sync()
	ev := rec.take()
	var sb strings.Builder
	for _, e := range ev {
		sb.WriteString(e.Text)
	}
	if sb.String() != strings.Repeat("line\n", 100) || len(ev) > 100 || len(ev) == 0 {
		t.Errorf("%d events, text %d bytes", len(ev), sb.Len())
	}
}
