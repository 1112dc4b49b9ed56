package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// deadline gives every API request a deadline (REQUEST_TIMEOUT): a request
// that waits on a connection, a lock or a slow query gives up and answers
// instead of hanging until its client does. WebSockets live longer and are
// left alone.
func (s *Server) deadline(next http.Handler) http.Handler {
	d := s.Config.RequestTimeout
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// tenantShare caps the API requests one business has in flight at once, so
// that a burst on one business (a flash sale, a script gone wrong) cannot
// hold every database connection while other businesses wait. A request
// over the cap waits up to the pool's acquire timeout for a place, then
// answers 429 with Retry-After. The cap is TENANT_DB_SHARE percent of the
// pool (default half).
type tenantShare struct {
	limit int
	wait  time.Duration
	mu    sync.Mutex
	slots map[string]chan struct{}
}

func newTenantShare(poolSize, percent int, wait time.Duration) *tenantShare {
	if poolSize <= 0 || percent <= 0 {
		return nil
	}
	return &tenantShare{limit: max(1, poolSize*percent/100), wait: wait, slots: map[string]chan struct{}{}}
}

func (t *tenantShare) of(tenantID string) chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	c, ok := t.slots[tenantID]
	if !ok {
		c = make(chan struct{}, t.limit)
		t.slots[tenantID] = c
	}
	return c
}

// enter takes a place for tenantID, waiting at most t.wait; release gives
// it back. ok is false when no place became free in time.
func (t *tenantShare) enter(ctx context.Context, tenantID string) (release func(), ok bool) {
	c := t.of(tenantID)
	select {
	case c <- struct{}{}:
		return func() { <-c }, true
	default:
	}
	timer := time.NewTimer(t.wait)
	defer timer.Stop()
	select {
	case c <- struct{}{}:
		return func() { <-c }, true
	case <-timer.C:
	case <-ctx.Done():
	}
	return nil, false
}

// fairShare applies the tenant share to a business's API requests (the
// health check excepted).
func (s *Server) fairShare(next http.Handler) http.Handler {
	if s.share == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := tenancy.TenantFrom(r.Context())
		if t == nil || !strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/api/health" {
			next.ServeHTTP(w, r)
			return
		}
		release, ok := s.share.enter(r.Context(), t.ID)
		if !ok {
			s.Log.LogAttrs(r.Context(), slog.LevelWarn, "business over its share of the database; request refused",
				slog.Int("share", s.share.limit), slog.String("path", r.URL.Path))
			if s.Metrics != nil {
				s.Metrics.shed.WithLabelValues("tenant_share").Inc()
			}
			w.Header().Set("Retry-After", "1")
			writeProblem(w, &Problem{Title: http.StatusText(http.StatusTooManyRequests), Status: http.StatusTooManyRequests,
				Detail: t.Name + " has too many requests in progress; please retry in a moment"})
			return
		}
		defer release()
		next.ServeHTTP(w, r)
	})
}
