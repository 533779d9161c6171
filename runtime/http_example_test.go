package runtime_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	rt "github.com/gokernel/gokernel/runtime"
)

func newHello() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `{"path": %q}`, r.URL.Path)
	}))
}

func ExampleHTTPClient() {
	srv := newHello()
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{MaxConcurrent: 2})
	defer c.Close()
	var futs []*rt.Future
	for _, p := range []string{"/a", "/b", "/c"} {
		futs = append(futs, c.GetAsync(context.Background(), srv.URL+p)) // all in flight
	}
	for _, f := range futs {
		v, _ := f.Await(context.Background())
		fmt.Println(v.(*rt.HTTPResponse).Text())
	}
	// Output:
	// {"path": "/a"}
	// {"path": "/b"}
	// {"path": "/c"}
}

func ExampleNewHTTPClient() {
	c := rt.NewHTTPClient(rt.HTTPOptions{}) // no limit, no timeout
	c.Close()
	fmt.Println("closed")
	// Output: closed
}

func ExampleHTTPOptions() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	}))
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{Timeout: 10_000_000}) // 10ms
	defer c.Close()
	_, err := c.Get(context.Background(), srv.URL)
	fmt.Println(err != nil)
	// Output: true
}

func ExampleHTTPClient_Do() {
	srv := newHello()
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{})
	defer c.Close()
	r, err := c.Do(context.Background(), "POST", srv.URL+"/post", []byte("data"))
	fmt.Println(r.StatusCode, r.Text(), err)
	// Output: 200 {"path": "/post"} <nil>
}

func ExampleHTTPClient_Get() {
	srv := newHello()
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{})
	defer c.Close()
	r, _ := c.Get(context.Background(), srv.URL+"/x")
	fmt.Println(r.Status)
	// Output: 200 OK
}

func ExampleHTTPClient_DoAsync() {
	srv := newHello()
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{})
	defer c.Close()
	f := c.DoAsync(context.Background(), "PUT", srv.URL+"/put", nil)
	v, _ := f.Await(context.Background())
	fmt.Println(v.(*rt.HTTPResponse).Text())
	// Output: {"path": "/put"}
}

func ExampleHTTPClient_GetAsync() {
	srv := newHello()
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{})
	defer c.Close()
	v, err := c.GetAsync(context.Background(), srv.URL+"/missing").Await(context.Background())
	fmt.Println(v.(*rt.HTTPResponse).StatusCode, err)
	// Output: 404 <nil>
}

func ExampleHTTPClient_Close() {
	srv := newHello()
	defer srv.Close()
	c := rt.NewHTTPClient(rt.HTTPOptions{})
	f := c.GetAsync(context.Background(), srv.URL)
	c.Close() // waits for the request in flight
	fmt.Println(f.IsDone())
	// Output: true
}

func ExampleHTTPResponse() {
	r := &rt.HTTPResponse{StatusCode: 200, Body: []byte("hi")}
	fmt.Println(r.Text(), r.Err())
	// Output: hi <nil>
}

func ExampleHTTPResponse_Text() {
	fmt.Println((&rt.HTTPResponse{Body: []byte("body")}).Text())
	// Output: body
}

func ExampleHTTPResponse_JSON() {
	var v struct{ Path string }
	r := &rt.HTTPResponse{Body: []byte(`{"path": "/a"}`)}
	fmt.Println(r.JSON(&v), v.Path)
	// Output: <nil> /a
}

func ExampleHTTPResponse_Err() {
	r := &rt.HTTPResponse{StatusCode: 404, Status: "404 Not Found", URL: "http://x/y"}
	fmt.Println(r.Err())
	// Output: runtime: http http://x/y: 404 Not Found
}
