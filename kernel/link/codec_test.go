package link

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	frames := []*Frame{
		{Kind: Execute, Cell: "c1", Code: "fmt.Println(1)", AllowStdin: true},
		{Kind: Output, Cell: "c1", Event: &Event{Kind: "stream", Name: "stdout", Text: "1\n"}},
		{Kind: Done, Cell: "c1", Result: &Bundle{Data: map[string]any{"text/plain": "42"}}},
		{Kind: Done, Cell: "c2", Error: &Error{Name: "panic", Value: "boom", Traceback: []string{"cell:1"}}},
	}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, f := range frames {
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	r := NewReader(&buf)
	for i, want := range frames {
		got, err := r.Read()
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("frame %d: got %+v, want %+v", i, got, want)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("after last frame: got %v, want io.EOF", err)
	}
}

func TestConcurrentWritesStayWhole(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				if err := w.Write(&Frame{Kind: Output, Event: &Event{Text: strings.Repeat("x", 1000)}}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	r := NewReader(&buf)
	for i := 0; i < 800; i++ {
		f, err := r.Read()
		if err != nil || len(f.Event.Text) != 1000 {
			t.Fatalf("frame %d: %v", i, err)
		}
	}
}

func TestBadInput(t *testing.T) {
	huge := make([]byte, 4)
	binary.BigEndian.PutUint32(huge, MaxFrame+1)
	cases := map[string][]byte{
		"truncated header": {0, 0},
		"oversized":        huge,
		"truncated body":   {0, 0, 0, 10, '{'},
		"invalid json":     {0, 0, 0, 1, '{'},
	}
	for name, in := range cases {
		_, err := NewReader(bytes.NewReader(in)).Read()
		if err == nil || errors.Is(err, io.EOF) && name != "truncated header" {
			t.Errorf("%s: got %v, want a link error", name, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "link: ") {
			t.Errorf("%s: error %q lacks the package prefix", name, err)
		}
	}
}
