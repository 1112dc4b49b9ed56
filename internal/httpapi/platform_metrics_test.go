package httpapi_test

import (
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
)

// TestMetricsEndpoint: the dashboard's shape, with bookings counted through
// BumpDailyBookings (the figures themselves are checked against a
// hand-computed fixture in package postgres).
func TestMetricsEndpoint(t *testing.T) {
	e := newEnv(t)
	acme := e.tenantOnPlan("Acme", "acme", "free")
	e.tenantOnPlan("Globex", "globex", "free")
	root := e.signIn("root@example.com", access.Superuser, "", plat)
	today := e.clock.Now().UTC()
	err := e.db.InShared(t.Context(), func(tx pgx.Tx) error {
		if err := postgres.BumpDailyBookings(t.Context(), tx, acme.ID, today, 3); err != nil {
			return err
		}
		return postgres.BumpDailyBookings(t.Context(), tx, acme.ID, today, -1)
	})
	if err != nil {
		t.Fatal(err)
	}
	code, _, m := e.do("GET", plat, "/api/platform/businesses/metrics/?start_date="+today.AddDate(0, 0, -6).Format(time.DateOnly)+
		"&end_date="+today.Format(time.DateOnly), nil, root...)
	if code != 200 {
		t.Fatalf("%d %v", code, m)
	}
	if m["activeTenants"] != 2.0 || m["payingTenants"] != 2.0 || m["newTenants"] != 2.0 || m["appointments"] != 2.0 ||
		m["mrr"] != "0.00" || m["currency"] != "USD" || m["users"] != 1.0 {
		t.Errorf("figures: %v", m)
	}
	series := m["series"].(map[string]any)
	for _, k := range []string{"mrr", "activeTenants", "newTenants", "churn", "appointments"} {
		if pts, _ := series[k].([]any); len(pts) != 7 || pts[6].(map[string]any)["date"] != today.Format(time.DateOnly) {
			t.Errorf("series %s: %v", k, series[k])
		}
	}
	if pb := m["planBreakdown"].([]any); len(pb) != 1 || pb[0].(map[string]any)["plan"] != "free" || pb[0].(map[string]any)["count"] != 2.0 {
		t.Errorf("plan breakdown: %v", pb)
	}
	for _, q := range []string{"start_date=2026-13-01", "start_date=2026-02-01&end_date=2026-01-01", "start_date=2020-01-01&end_date=2026-01-01"} {
		if code, _, doc := e.do("GET", plat, "/api/platform/businesses/metrics/?"+q, nil, root...); code != 400 || fieldOf(doc) == "" {
			t.Errorf("%s: %d %v", q, code, doc)
		}
	}
}

// TestDemoTenant: sales creates a demo business filled with data; it
// expires after the platform's demo days and the sweep deletes it.
func TestDemoTenant(t *testing.T) {
	e := newEnv(t)
	sales := e.signIn("sal@example.com", access.PlatformSales, "", plat)
	support := e.signIn("sue@example.com", access.PlatformSupport, "", plat)
	body := map[string]any{"name": "Demo Fitness", "subdomain": "demofit", "timezone": "America/New_York"}
	if code, _, _ := e.do("POST", plat, "/api/platform/demo-tenants/", body, support...); code != 403 {
		t.Errorf("support creating a demo: %d", code)
	}
	code, _, d := e.do("POST", plat, "/api/platform/demo-tenants/", body, sales...)
	if code != 201 || d["ownerPassword"] == "" || d["business"].(map[string]any)["isDemo"] != true || d["expiresAt"] == nil {
		t.Fatalf("demo: %d %v", code, d)
	}
	var resources, appts int
	err := e.db.InTenant(t.Context(), "t_demofit", func(tx pgx.Tx) error {
		return tx.QueryRow(t.Context(), "SELECT (SELECT count(*) FROM resources), (SELECT count(*) FROM appointments)").Scan(&resources, &appts)
	})
	if err != nil || resources < 3 || appts < 50 {
		t.Fatalf("demo data: %d resources, %d appointments, %v", resources, appts, err)
	}
	eventually(t, "demo host", func() bool {
		code, _, _ := e.login("demofit.localhost", d["ownerEmail"].(string), d["ownerPassword"].(string))
		return code == 200
	})
	if list, err := e.admin.ExpireDemos(t.Context()); err != nil || len(list) != 0 {
		t.Fatalf("fresh demo expired: %v %v", list, err)
	}
	e.clock.Advance(8 * 24 * time.Hour)
	c, err := e.admin.PurgeExpired(t.Context(), 30*24*time.Hour)
	if err != nil || len(c.DemosDeleted) != 1 || len(c.Purged) != 1 {
		t.Fatalf("demo clean-up: %+v %v", c, err)
	}
}
