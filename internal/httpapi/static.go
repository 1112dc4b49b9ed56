package httpapi

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// webApp serves the embedded single-page app: hashed files under /assets/
// are immutable and cached for a year; every other path that is not a file
// gets index.html (revalidated on each load) with the site's runtime
// configuration injected, so client-side routes survive a reload.
func (s *Server) webApp(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/ws/") {
		writeProblem(w, &Problem{Title: "Not Found", Status: http.StatusNotFound, Detail: "no API route " + r.URL.Path})
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if s.Web != nil && name != "" && name != "index.html" {
		if f, err := fs.Stat(s.Web, name); err == nil && !f.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				w.Header().Set("Cache-Control", "public, max-age=3600")
			}
			if s.serveCompressed(w, r, name) {
				return
			}
			http.ServeFileFS(w, r, s.Web, name)
			return
		}
		if path.Ext(name) != "" { // a missing file, not a client route
			http.NotFound(w, r)
			return
		}
	}
	s.serveIndex(w, r)
}

// compressible are the text types worth sending gzipped.
var compressible = map[string]string{
	".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
	".json": "application/json", ".txt": "text/plain; charset=utf-8", ".map": "application/json",
}

// serveCompressed answers with the gzip form of an embedded text file when
// the client accepts it. Each file is compressed once, on first request, and
// kept: the embedded files never change while the process runs.
func (s *Server) serveCompressed(w http.ResponseWriter, r *http.Request, name string) bool {
	ctype, ok := compressible[path.Ext(name)]
	if !ok || !acceptsGzip(r) {
		return false
	}
	w.Header().Add("Vary", "Accept-Encoding")
	v, done := s.gzipped.Load(name)
	if !done {
		raw, err := fs.ReadFile(s.Web, name)
		if err != nil {
			return false
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(raw)
		_ = zw.Close()
		v, _ = s.gzipped.LoadOrStore(name, buf.Bytes())
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Encoding", "gzip")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(v.([]byte)))
	return true
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}

const configPlaceholder = `<script id="ss-config" type="application/json">{}</script>`

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	var page []byte
	if s.Web != nil {
		page, _ = fs.ReadFile(s.Web, "index.html")
	}
	if page == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("The web app is not built into this binary. Build it with `make web` (npm ci && npm run build in web/), then rebuild; the API is at /api/docs.\n"))
		return
	}
	site := tenancy.SiteFrom(r.Context())
	cfg := map[string]any{"site": "apex", "baseDomain": s.Config.BaseDomain, "version": s.Version, "tenant": nil}
	if site != nil {
		cfg["site"] = site.Kind.String()
		if site.Tenant != nil {
			cfg["tenant"] = tenantConfigOf(site.Tenant)
		}
	}
	js, _ := json.Marshal(cfg)
	// Escape "<" so the JSON can never close its script element.
	js = bytes.ReplaceAll(js, []byte("<"), []byte(`\u003c`))
	page = bytes.Replace(page, []byte(configPlaceholder),
		[]byte(`<script id="ss-config" type="application/json">`+string(js)+`</script>`), 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(page))
}
