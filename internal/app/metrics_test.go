package app

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
)

// TestMetricsCountRequests: with METRICS_ADDR set, API requests are counted
// by operation and status (refusals too), and the pool and build series
// are there.
func TestMetricsCountRequests(t *testing.T) {
	a := open(t, map[string]string{"DATABASE_URL": pgtest.NewURL(t), "DATA_DIR": t.TempDir(), "METRICS_ADDR": "127.0.0.1:0"})
	if err := a.MigrateShared(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv, _ := a.Handler()
	for range 3 {
		srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "http://localhost/api/health/", nil))
	}
	srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "http://platform.localhost/api/auth/me/", nil))
	want := `
# HELP smoothschedule_http_requests_total API requests by operation and status.
# TYPE smoothschedule_http_requests_total counter
smoothschedule_http_requests_total{operation="health",status="200"} 3
smoothschedule_http_requests_total{operation="me",status="401"} 1
`
	if err := testutil.GatherAndCompare(a.registry, strings.NewReader(want), "smoothschedule_http_requests_total"); err != nil {
		t.Error(err)
	}
	names, err := a.registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, mf := range names {
		have[mf.GetName()] = true
	}
	for _, n := range []string{"smoothschedule_db_connections", "smoothschedule_build_info", "go_goroutines", "smoothschedule_http_request_duration_seconds"} {
		if !have[n] {
			t.Errorf("no %s series", n)
		}
	}
}
