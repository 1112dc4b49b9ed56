package apptest

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// Request is one request to the application. Body is sent as it is when it
// is a string (malformed JSON included) and encoded as JSON otherwise; a
// body makes the request application/json.
type Request struct {
	Method string // default GET
	Host   string // default localhost
	Path   string // sent as it is: it may carry a query, and need not be a valid URL's path
	Auth   string // an access token, sent as a bearer token; "" for anonymous
	Body   any
	Header []string // name, value, name, value…: they replace the fixture's own (Content-Type, Authorization); a value may be empty
	// RemoteAddr is the client's address (default: httptest's 192.0.2.1).
	RemoteAddr string
}

// Response is the application's answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes a JSON object answer; any other answer (an array, HTML, an
// empty body) decodes to nil.
func (r *Response) JSON() map[string]any {
	var out map[string]any
	if strings.Contains(r.Header.Get("Content-Type"), "json") {
		_ = json.Unmarshal(r.Body, &out)
	}
	return out
}

// Do sends r to the application.
func (e *Env) Do(r Request) *Response {
	e.T.Helper()
	if r.Method == "" {
		r.Method = "GET"
	}
	if r.Host == "" {
		r.Host = "localhost"
	}
	var body []byte
	switch b := r.Body.(type) {
	case nil:
	case string:
		if b != "" {
			body = []byte(b)
		}
	case []byte:
		body = b
	default:
		js, err := json.Marshal(b)
		if err != nil {
			e.T.Fatalf("request body: %v", err)
		}
		body = js
	}
	req := httptest.NewRequest(r.Method, "http://"+r.Host+"/", nil)
	u, err := url.Parse(r.Path)
	if err != nil {
		e.T.Fatalf("bad test path %q: %v", r.Path, err)
	}
	req.URL, req.RequestURI = u, r.Path
	if body != nil {
		req.Body = io.NopCloser(strings.NewReader(string(body)))
		req.ContentLength = int64(len(body))
		req.Header.Set("Content-Type", "application/json")
	}
	if r.Auth != "" {
		req.Header.Set("Authorization", "Bearer "+r.Auth)
	}
	for i := 0; i+1 < len(r.Header); i += 2 {
		req.Header[http.CanonicalHeaderKey(r.Header[i])] = []string{r.Header[i+1]}
	}
	if r.RemoteAddr != "" {
		req.RemoteAddr = r.RemoteAddr
	}
	rec := httptest.NewRecorder()
	e.Server.ServeHTTP(rec, req)
	return &Response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// Scenario is one row of a table of requests and what they must answer,
// in the manner of PocketBase's tests.ApiScenario.
type Scenario struct {
	Name string
	Request
	Status int            // the answer's status
	JSON   map[string]any // fields the JSON answer must carry, with these values (compared as decoded JSON)
	// Check, when set, looks further at the answer.
	Check func(t *testing.T, r *Response)
}

// Run sends every scenario as a subtest of t.
func (e *Env) Run(t *testing.T, scenarios []Scenario) {
	t.Helper()
	for _, s := range scenarios {
		name := s.Name
		if name == "" {
			name = s.Method + " " + s.Path
		}
		t.Run(name, func(t *testing.T) {
			r := e.Do(s.Request)
			if r.Status != s.Status {
				t.Fatalf("%s %s on %s: %d, want %d: %.500s", s.Method, s.Path, s.Host, r.Status, s.Status, r.Body)
			}
			if len(s.JSON) > 0 {
				got := r.JSON()
				for k, want := range s.JSON {
					if !reflect.DeepEqual(got[k], normal(want)) {
						t.Errorf("%s: %v, want %v (answer %.500s)", k, got[k], want, r.Body)
					}
				}
			}
			if s.Check != nil {
				s.Check(t, r)
			}
		})
	}
}

// normal gives v the shape json.Unmarshal gives values (numbers as float64).
func normal(v any) any {
	js, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	_ = json.Unmarshal(js, &out)
	return out
}

// DNS answers TXT lookups from a map: no test touches the network.
type DNS struct {
	mu  sync.Mutex
	txt map[string][]string
	err error
}

// Set publishes values as name's TXT records.
func (d *DNS) Set(name string, values ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.txt == nil {
		d.txt = map[string][]string{}
	}
	d.txt[name] = values
}

// Fail makes every lookup fail with err (nil: answer again).
func (d *DNS) Fail(err error) { d.mu.Lock(); d.err = err; d.mu.Unlock() }

// LookupTXT implements tenancy.TXTResolver.
func (d *DNS) LookupTXT(_ context.Context, name string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return nil, d.err
	}
	if v, ok := d.txt[name]; ok {
		return v, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}
