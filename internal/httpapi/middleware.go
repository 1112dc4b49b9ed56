package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/logctx"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// middleware wraps the mux, outermost first: panics become 500 problems,
// every request gets an id and an access-log line, security headers, a
// canonical path, a deadline, its site (from the Host header), a place in
// its business's share of the database, its principal (from the session),
// and a suspended tenant's refusal.
func (s *Server) middleware(next http.Handler) http.Handler {
	h := s.suspended(next)
	h = s.authenticate(h)
	h = s.fairShare(h)
	h = s.resolveSite(h)
	h = s.deadline(h)
	h = canonicalPath(h)
	h = s.securityHeaders(h)
	h = s.recoverer(h)
	return s.requestLog(h)
}

type principalKey struct{}

func principalFrom(ctx context.Context) *access.Principal {
	p, _ := ctx.Value(principalKey{}).(*access.Principal)
	return p
}

// withPrincipal stores p in ctx and puts its identities on every log line.
func withPrincipal(ctx context.Context, p *access.Principal) context.Context {
	ctx = context.WithValue(ctx, principalKey{}, p)
	attrs := []slog.Attr{slog.String("user", p.UserID)}
	if p.ImpersonatorID != "" {
		attrs = append(attrs, slog.String("impersonator", p.ImpersonatorID))
	}
	return logctx.With(ctx, attrs...)
}

var requestIDRE = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestLog assigns the request id (or keeps a sane X-Request-ID from a
// proxy) and logs one line per request.
func (s *Server) requestLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !requestIDRE.MatchString(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		ctx := logctx.With(r.Context(), slog.String("request_id", id))
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(ctx)
		var final *http.Request
		next.ServeHTTP(sw, r.WithContext(context.WithValue(ctx, finalReqKey{}, &final)))
		if final != nil {
			ctx = final.Context()
		}
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		} else if r.URL.Path == "/api/health" {
			level = slog.LevelDebug
		}
		s.Log.LogAttrs(ctx, level, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("host", r.Host),
			slog.Int("status", sw.status), slog.Int("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)), slog.String("remote", r.RemoteAddr))
	})
}

// finalReqKey lets inner middleware hand its enriched context (tenant, user)
// back to the access log.
type finalReqKey struct{}

func publish(r *http.Request) {
	if p, ok := r.Context().Value(finalReqKey{}).(**http.Request); ok {
		*p = r
	}
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Log.ErrorContext(r.Context(), "panic", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				writeProblem(w, &Problem{Title: "Internal Server Error", Status: 500, Detail: "something went wrong on our side; it has been logged — please try again"})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries. The web app's CSP
// allows only our own scripts; the API docs page loads its renderer from a CDN.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	const appCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
		"font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
	const docsCSP = "default-src 'self'; script-src 'self' https://unpkg.com; style-src 'self' 'unsafe-inline' https://unpkg.com; " +
		"img-src 'self' data: https:; font-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'"
	origins := map[string]bool{}
	for _, o := range s.Config.CORSOrigins {
		origins[o] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if strings.HasPrefix(r.URL.Path, "/api/docs") {
			h.Set("Content-Security-Policy", docsCSP)
		} else {
			h.Set("Content-Security-Policy", appCSP)
		}
		if s.Config.PublicScheme == "https" {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		if o := r.Header.Get("Origin"); o != "" && origins[o] {
			h.Set("Access-Control-Allow-Origin", o)
			h.Set("Access-Control-Allow-Credentials", "true")
			h.Add("Vary", "Origin")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-CSRF-Token, Idempotency-Key")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// canonicalPath makes every API path work with and without a trailing slash
// by routing on the form without one.
func canonicalPath(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if len(p) > 1 && strings.HasSuffix(p, "/") && (strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/ws/")) {
			r.URL.Path = strings.TrimRight(p, "/")
			r.URL.RawPath = ""
		}
		next.ServeHTTP(w, r)
	})
}

// resolveSite finds the site the Host header names. Unknown hosts get a 404
// problem; only the health check answers on any host (load balancers probe
// by IP).
func (s *Server) resolveSite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site, err := s.Resolver.Resolve(r.Context(), r.Host)
		if err != nil {
			if r.URL.Path == "/api/health" && errs.Is(err, errs.NotFound) {
				next.ServeHTTP(w, r)
				return
			}
			writeProblem(w, problemFrom(r.Context(), s.Log, err))
			return
		}
		ctx := tenancy.WithSite(r.Context(), site)
		if site.Tenant != nil {
			ctx = logctx.With(ctx, slog.String("tenant", site.Tenant.Slug))
		}
		r = r.WithContext(ctx)
		publish(r)
		next.ServeHTTP(w, r)
	})
}

// authenticate resolves the caller's session into a principal (and notes
// the caller's address and user agent for sessions and audit events).
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(withClient(r.Context(), s.clientOf(r)))
		if s.Auth == nil {
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.Auth.Authenticate(r, tenancy.SiteFrom(r.Context()))
		if err != nil {
			writeProblem(w, problemFrom(r.Context(), s.Log, err))
			return
		}
		if p != nil {
			r = r.WithContext(withPrincipal(r.Context(), p))
			publish(r)
		}
		next.ServeHTTP(w, r)
	})
}

// suspended refuses a suspended tenant's site to everyone but platform staff
// (who reach it by masquerade). The health check still answers.
func (s *Server) suspended(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := tenancy.TenantFrom(r.Context())
		if t != nil && t.Status == tenancy.StatusSuspended && r.URL.Path != "/api/health" {
			p := principalFrom(r.Context())
			if p == nil || !p.ImpersonatorRole.IsPlatform() {
				writeProblem(w, &Problem{Title: "Forbidden", Status: http.StatusForbidden,
					Detail: fmt.Sprintf("%s is suspended; its owner can contact support to restore it", t.Name)})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
