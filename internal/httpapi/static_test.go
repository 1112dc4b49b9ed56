package httpapi_test

import (
	"bytes"
	"compress/gzip"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

// TestWebApp: hashed assets are immutable and sent gzipped to clients that
// accept it; client routes get index.html with the site's configuration
// injected and revalidated; a missing file is a 404, not the app.
func TestWebApp(t *testing.T) {
	js := strings.Repeat("console.log('smooth');\n", 200)
	e := newEnv(t, apptest.Web(fstest.MapFS{
		"index.html":         {Data: []byte(`<html><head><script id="ss-config" type="application/json">{}</script></head></html>`)},
		"assets/app-abc1.js": {Data: []byte(js)},
		"favicon.svg":        {Data: []byte("<svg/>")},
	}))
	e.tenant("Acme </script> Salon", "acme")
	get := func(host, path string, hdr ...string) (*apptest.Response, []byte) {
		r := e.Do(apptest.Request{Host: host, Path: path, Header: hdr})
		return r, r.Body
	}

	rec, body := get("acme.localhost", "/assets/app-abc1.js", "Accept-Encoding", "br, gzip;q=0.8")
	if rec.Status != 200 || rec.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(rec.Header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(rec.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("gzip asset: %d %v", rec.Status, rec.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if string(plain) != js || len(body) >= len(js)/4 {
		t.Fatalf("gzip body: %d bytes for %d", len(body), len(js))
	}
	rec, body = get("acme.localhost", "/assets/app-abc1.js")
	if rec.Header.Get("Content-Encoding") != "" || string(body) != js {
		t.Fatalf("plain asset: %v", rec.Header)
	}
	rec, body = get("acme.localhost", "/book/some/step")
	if rec.Status != 200 || rec.Header.Get("Cache-Control") != "no-cache" || !strings.Contains(string(body), `"site":"tenant"`) ||
		!strings.Contains(string(body), `"subdomain":"acme"`) {
		t.Fatalf("client route: %d %s", rec.Status, body)
	}
	if strings.Contains(string(body), "</script> Salon") {
		t.Fatal("the injected configuration can close its script element")
	}
	if rec, _ := get("acme.localhost", "/missing.png"); rec.Status != 404 {
		t.Fatalf("missing file: %d", rec.Status)
	}
	if rec, body := get("platform.localhost", "/businesses"); rec.Status != 200 || !strings.Contains(string(body), `"site":"platform"`) {
		t.Fatalf("platform route: %d %s", rec.Status, body)
	}
}
