package interp

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestStreamSyncWithoutMarkerWhenIdle checks that sync on a stream whose
// pipe is empty writes no marker (the fast path a cell that printed nothing
// takes), and still writes one when output is on its way.
func TestStreamSyncWithoutMarkerWhenIdle(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the pipe's fill level is read with FIONREAD on linux only; elsewhere sync always writes a marker")
	}
	st, rec := testStream(t, "stdout", "running")
	st.sync()
	st.sync()
	if st.sent != 0 {
		t.Fatalf("sync on an idle stream wrote %d markers, want 0", st.sent)
	}
	if _, err := st.writeCell("c", []byte("x")); err != nil {
		t.Fatal(err)
	}
	st.sync()
	if got := textOf(rec.take()); got != "x" {
		t.Fatalf("after sync: %q, want %q", got, "x")
	}
}

// TestStreamSyncSeesEveryWrite writes raw and framed output and syncs right
// after each write, many times: whichever path sync takes, the output
// written before it must have been emitted when it returns.
func TestStreamSyncSeesEveryWrite(t *testing.T) {
	st, rec := testStream(t, "stdout", "running")
	for i := range 2000 {
		want := fmt.Sprintf("line %d\n", i)
		var err error
		if i%2 == 0 {
			_, err = st.w.WriteString(want) // as os.Stdout or a child process does
		} else {
			_, err = st.writeCell("running", []byte(want))
		}
		if err != nil {
			t.Fatal(err)
		}
		st.sync()
		if got := textOf(rec.take()); got != want {
			t.Fatalf("write %d: emitted %q before sync returned, want %q", i, got, want)
		}
	}
}

func textOf(ev []Event) string {
	var b strings.Builder
	for _, e := range ev {
		b.WriteString(e.Text)
	}
	return b.String()
}
