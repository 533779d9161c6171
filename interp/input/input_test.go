package input

import (
	"errors"
	"io"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestReadLine(t *testing.T) {
	r := strings.NewReader("Ada\r\nrest\nlast")
	var w strings.Builder
	for _, want := range []string{"Ada", "rest", "last"} {
		got, err := readLine(r, &w, "? ")
		if err != nil || got != want {
			t.Errorf("readLine = %q, %v; want %q", got, err, want)
		}
	}
	if w.String() != "? ? ? " {
		t.Errorf("prompts %q", w.String())
	}
	if _, err := readLine(r, io.Discard, ""); !errors.Is(err, ErrNoInput) {
		t.Errorf("at EOF: %v, want ErrNoInput", err)
	}
}

func TestReadLineLeavesTheRest(t *testing.T) {
	r := strings.NewReader("one\ntwo\n")
	if _, err := readLine(r, io.Discard, ""); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(r)
	if string(rest) != "two\n" {
		t.Errorf("consumed too much: rest %q", rest)
	}
}
