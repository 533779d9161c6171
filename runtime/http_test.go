package runtime

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// Handlers meet in groups of limit at a barrier while in flight: the test
// deadlocks if the client sends fewer at once, and the server counts more
// if it sends more.
func TestHTTPManyInFlightWithLimit(t *testing.T) {
	const limit, requests = 3, 12
	meet := NewBarrier(limit)
	var cur, maxSeen atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for m := maxSeen.Load(); n > m && !maxSeen.CompareAndSwap(m, n); m = maxSeen.Load() {
		}
		_, err := meet.Wait(r.Context())
		cur.Add(-1)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		fmt.Fprint(w, r.URL.Query().Get("i"))
	}))
	defer srv.Close()
	c := NewHTTPClient(HTTPOptions{MaxConcurrent: limit})
	defer c.Close()
	futs := make([]*Future, requests)
	for i := range futs {
		futs[i] = c.GetAsync(context.Background(), fmt.Sprintf("%s/?i=%d", srv.URL, i))
	}
	for i, f := range futs {
		v, err := f.Await(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if r := v.(*HTTPResponse); r.Text() != fmt.Sprint(i) || r.Err() != nil {
			t.Fatalf("response %d: %q %v", i, r.Text(), r.Err())
		}
	}
	if maxSeen.Load() != limit {
		t.Fatalf("server saw %d requests at once, want %d", maxSeen.Load(), limit)
	}
}

func TestHTTPTimeoutAndStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-r.Context().Done() // answers only when the client gives up
			return
		}
		w.WriteHeader(http.StatusTeapot)
		fmt.Fprint(w, `{"tea":true}`)
	}))
	defer srv.Close()
	c := NewHTTPClient(HTTPOptions{Timeout: 5 * time.Millisecond})
	defer c.Close()
	if _, err := c.Get(context.Background(), srv.URL+"/slow"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("slow request: %v, want deadline exceeded", err)
	}
	r, err := c.Get(context.Background(), srv.URL+"/tea")
	if err != nil {
		t.Fatal(err)
	}
	var body struct{ Tea bool }
	if r.StatusCode != http.StatusTeapot || r.Err() == nil || r.JSON(&body) != nil || !body.Tea {
		t.Fatalf("response %d %q, Err %v", r.StatusCode, r.Body, r.Err())
	}
}
