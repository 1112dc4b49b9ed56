package httpapi_test

import (
	"context"
	"github.com/smoothschedule/smoothschedule/internal/app"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.DropTemplate()
	os.Exit(code)
}

func TestHealthOnAnyHost(t *testing.T) {
	e := newEnv(t)
	for _, host := range []string{"localhost", "platform.localhost", "nobody.localhost", "10.0.0.1:8000", "example.com"} {
		code, _, body := e.do("GET", host, "/api/health/", "")
		if code != 200 || body["status"] != "ok" || body["database"] != "ok" || body["version"] != app.Version {
			t.Errorf("%s: %d %v", host, code, body)
		}
	}
}

func TestHostRouting(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	widgets := e.tenant("Widgets", "widgets")
	ctx := context.Background()
	if err := e.store.AddDomain(ctx, tenancy.Domain{Domain: "booking.acme-salon.com", TenantID: acme.ID, Custom: true, Verified: true}); err != nil {
		t.Fatal(err)
	}
	if err := e.store.AddDomain(ctx, tenancy.Domain{Domain: "unverified.example.org", TenantID: widgets.ID, Custom: true}); err != nil {
		t.Fatal(err)
	}
	e.res.Invalidate()
	found := func(host, tenantID string) apptest.Scenario {
		return apptest.Scenario{Name: host, Request: apptest.Request{Host: host, Path: "/api/tenant/config/"},
			Status: 200, JSON: map[string]any{"id": tenantID}}
	}
	unknown := func(host string) apptest.Scenario {
		return apptest.Scenario{Name: host, Request: apptest.Request{Host: host, Path: "/api/tenant/config/"}, Status: 404,
			Check: func(t *testing.T, r *apptest.Response) {
				if r.Header.Get("Content-Type") != "application/problem+json" || r.JSON()["detail"] == "" {
					t.Errorf("want problem JSON, got %s %s", r.Header.Get("Content-Type"), r.Body)
				}
			}}
	}
	e.Run(t, []apptest.Scenario{
		found("acme.localhost", acme.ID),
		found("widgets.localhost", widgets.ID),
		found("acme.localhost:8000", acme.ID),
		found("ACME.LocalHost.", acme.ID),
		found("booking.acme-salon.com", acme.ID),
		found("booking.acme-salon.com:443", acme.ID),
		unknown("nonexistent.localhost"),
		unknown("example.com"),
		unknown("unverified.example.org"),
		unknown("127.0.0.1:8000"),
	})
	// The platform host is the platform, not a tenant: tenant routes are not
	// there, and the web app says so in its runtime configuration.
	if code, _, _ := e.do("GET", "platform.localhost", "/api/tenant/config/", ""); code != 404 {
		t.Errorf("tenant config on the platform host: %d", code)
	}
	rec := e.Do(apptest.Request{Host: "platform.localhost:8000", Path: "/some/client/route"})
	if !strings.Contains(string(rec.Body), "web app is not built") && !strings.Contains(string(rec.Body), `"site":"platform"`) {
		t.Errorf("platform host page: %d %s", rec.Status, rec.Body)
	}
}

func TestTenantConfigShape(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme Salon", "acme")
	code, _, body := e.do("GET", "acme.localhost", "/api/tenant/config", "")
	if code != 200 {
		t.Fatal(code, body)
	}
	for _, k := range []string{"id", "name", "subdomain", "primaryColor", "secondaryColor", "logoUrl", "timezone", "status",
		"resourcesCanReschedule", "requirePaymentMethodToBook", "cancellationWindowHours", "lateCancellationFeePercent"} {
		if _, ok := body[k]; !ok {
			t.Errorf("missing %s in %v", k, body)
		}
	}
	if body["subdomain"] != "acme" || body["timezone"] != "Europe/Berlin" || body["name"] != "Acme Salon" {
		t.Errorf("%v", body)
	}
}

func TestSuspendedAndDeletedTenants(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	ctx := context.Background()
	if _, err := e.tenancy.Suspend(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	e.res.Invalidate()
	code, hdr, body := e.do("GET", "acme.localhost", "/api/tenant/config/", "")
	if code != 403 || hdr.Get("Content-Type") != "application/problem+json" || !strings.Contains(body["detail"].(string), "suspended") {
		t.Fatalf("suspended: %d %v", code, body)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/health/", ""); code != 200 {
		t.Fatalf("health on a suspended tenant: %d", code)
	}
	if _, err := e.tenancy.Activate(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	e.res.Invalidate()
	if code, _, _ := e.do("GET", "acme.localhost", "/api/tenant/config/", ""); code != 200 {
		t.Fatalf("reactivated: %d", code)
	}
	if _, err := e.tenancy.Delete(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	e.res.Invalidate()
	if code, _, _ := e.do("GET", "acme.localhost", "/api/tenant/config/", ""); code != 404 {
		t.Fatalf("deleted: %d", code)
	}
}

// TestCacheFollowsDatabaseNotifications: one process suspends a tenant; a
// second process's host cache hears of it through LISTEN/NOTIFY.
func TestCacheFollowsDatabaseNotifications(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	if code, _, _ := e.do("GET", "acme.localhost", "/api/tenant/config/", ""); code != 200 {
		t.Fatal(code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	heard := make(chan struct{}, 10)
	go e.db.Listen(ctx, "ss_tenancy", slog.New(slog.DiscardHandler), func(string) { e.res.Invalidate(); heard <- struct{}{} })
	time.Sleep(200 * time.Millisecond) // let LISTEN start
	// "Another process": a direct SQL update, as psql or another serve would do.
	if _, err := e.db.Pool.Exec(ctx, "UPDATE shared.tenants SET status = 'suspended' WHERE slug = 'acme'"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-heard:
	case <-time.After(5 * time.Second):
		t.Fatal("no notification")
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/tenant/config/", ""); code != 403 {
		t.Fatalf("after suspension elsewhere: %d", code)
	}
}

func TestTrailingSlashAndUnknownRoutes(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	for _, p := range []string{"/api/tenant/config", "/api/tenant/config/"} {
		if code, _, _ := e.do("GET", "acme.localhost", p, ""); code != 200 {
			t.Errorf("%s: %d", p, code)
		}
	}
	code, hdr, _ := e.do("GET", "acme.localhost", "/api/nothing-here/", "")
	if code != 404 || hdr.Get("Content-Type") != "application/problem+json" {
		t.Errorf("unknown API route: %d %s", code, hdr.Get("Content-Type"))
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	_, hdr, _ := e.do("GET", "localhost", "/api/health/", "")
	for k, want := range map[string]string{
		"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY",
	} {
		if hdr.Get(k) != want {
			t.Errorf("%s = %q", k, hdr.Get(k))
		}
	}
	if !strings.Contains(hdr.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("CSP %q", hdr.Get("Content-Security-Policy"))
	}
	if hdr.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS must be off by default")
	}
	_, hdr, _ = e.do("GET", "localhost", "/api/health/", "", "Origin", "https://evil.example")
	if hdr.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS must be off by default")
	}
}
