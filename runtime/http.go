package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// HTTPOptions configures NewHTTPClient. The zero value means no limit on
// concurrent requests, no timeout, and a transport of the client's own.
type HTTPOptions struct {
	// MaxConcurrent bounds the requests in flight at once; <= 0: no bound.
	MaxConcurrent int
	// Timeout bounds each request, body included; 0: no bound.
	Timeout time.Duration
	// Client is the http.Client to use; nil: one with its own transport,
	// whose idle connections Close closes.
	Client *http.Client
}

// HTTPClient sends HTTP requests whose answers are read in full, either
// waiting (Get, Do) or as futures (GetAsync, DoAsync) so that many are in
// flight at once, with a bound on concurrency and a timeout per request,
// like an aiohttp.ClientSession.
//
// Use NewHTTPClient; the zero value is not usable. The client owns one
// goroutine per asynchronous request; Close waits for them, so every
// HTTPClient must be closed. Waiting calls wait as blocking regions.
type HTTPClient struct {
	client *http.Client
	own    bool
	sem    *Semaphore
	opts   HTTPOptions
	wg     sync.WaitGroup
}

// HTTPResponse is a response read in full.
type HTTPResponse struct {
	StatusCode int         // e.g. 200
	Status     string      // e.g. "200 OK"
	Header     http.Header // response header
	Body       []byte      // the whole body
	URL        string      // the final URL, after redirects
}

// NewHTTPClient returns a client configured by opts.
func NewHTTPClient(opts HTTPOptions) *HTTPClient {
	c := &HTTPClient{client: opts.Client, opts: opts}
	if c.client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = max(opts.MaxConcurrent, 2)
		c.client, c.own = &http.Client{Transport: tr}, true
	}
	if opts.MaxConcurrent > 0 {
		c.sem = NewSemaphore(opts.MaxConcurrent)
	}
	return c
}

// Do sends a request (body may be nil) and waits for the whole response.
// A status of 400 or more is not an error here; see HTTPResponse.Err.
func (c *HTTPClient) Do(ctx context.Context, method, url string, body []byte) (*HTTPResponse, error) {
	if c.sem != nil {
		if err := c.sem.Acquire(ctx); err != nil {
			return nil, err
		}
		defer c.sem.Release()
	}
	if c.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.opts.Timeout)
		defer cancel()
	}
	var resp *HTTPResponse
	err := blockingWait(ctx, func() error {
		var err error
		resp, err = c.roundTrip(ctx, method, url, body)
		return err
	})
	return resp, err
}

// roundTrip sends the request and reads the body.
func (c *HTTPClient) roundTrip(ctx context.Context, method, url string, body []byte) (*HTTPResponse, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return nil, fmt.Errorf("runtime: http request: %w", err)
	}
	res, err := c.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("runtime: http %s %s: %w", method, url, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, fmt.Errorf("runtime: http %s %s: body: %w", method, url, err)
	}
	return &HTTPResponse{StatusCode: res.StatusCode, Status: res.Status, Header: res.Header,
		Body: data, URL: res.Request.URL.String()}, nil
}

// Get is Do with GET and no body.
func (c *HTTPClient) Get(ctx context.Context, url string) (*HTTPResponse, error) {
	return c.Do(ctx, http.MethodGet, url, nil)
}

// DoAsync starts Do on a goroutine of the client's and returns its future
// at once; the future's value is the *HTTPResponse. Cancelling ctx aborts
// the request; cancelling the future does not.
func (c *HTTPClient) DoAsync(ctx context.Context, method, url string, body []byte) *Future {
	f := NewFuture()
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		resp, err := c.Do(detachedCtx{ctx}, method, url, body)
		if err != nil {
			f.SetError(err)
			return
		}
		f.SetResult(resp)
	}()
	return f
}

// GetAsync is DoAsync with GET and no body.
func (c *HTTPClient) GetAsync(ctx context.Context, url string) *Future {
	return c.DoAsync(ctx, http.MethodGet, url, nil)
}

// Close waits for the asynchronous requests to finish and then closes
// idle connections of the client's own transport.
func (c *HTTPClient) Close() {
	c.wg.Wait()
	if c.own {
		c.client.CloseIdleConnections()
	}
}

// Text returns the body as a string.
func (r *HTTPResponse) Text() string { return string(r.Body) }

// JSON decodes the body into v.
func (r *HTTPResponse) JSON(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("runtime: http json: %w", err)
	}
	return nil
}

// Err returns an error for a status of 400 or more, like
// raise_for_status, and nil otherwise.
func (r *HTTPResponse) Err() error {
	if r.StatusCode >= 400 {
		return fmt.Errorf("runtime: http %s: %s", r.URL, r.Status)
	}
	return nil
}
