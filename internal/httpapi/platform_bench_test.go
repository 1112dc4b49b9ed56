package httpapi_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
)

// platformSeed fills the shared schema with 10,000 businesses (rows only:
// the lists never read tenant schemas), 200,000 users (20 a business: an
// owner, two staff, customers), a year of plan ledger and weekly bookings.
const platformSeed = `
INSERT INTO shared.tenants (id, slug, schema_name, name, status, plan, created_at)
SELECT gen_random_uuid(), 'biz' || i, 't_biz' || i,
	(ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Hooli','Bella'])[1 + i % 8] || ' ' ||
	(ARRAY['Salon','Fitness','Clinic','Studio','Spa'])[1 + i % 5] || ' ' || i,
	CASE WHEN i % 10 = 0 THEN 'suspended' ELSE 'active' END,
	(ARRAY['free','professional','business','enterprise'])[1 + i % 4], now() - (i || ' hours')::interval
FROM generate_series(1, 10000) i;
UPDATE shared.plan_ledger SET at = now() - ((random() * 365) || ' days')::interval;
INSERT INTO shared.users (id, tenant_id, email, name, role, password_hash, last_login_at)
SELECT gen_random_uuid(), t.id, 'user' || g || '@' || t.slug || '.example', 'User ' || g || ' of ' || t.name,
	CASE WHEN g = 1 THEN 'TENANT_OWNER' WHEN g < 4 THEN 'TENANT_STAFF' ELSE 'CUSTOMER' END, 'x',
	now() - ((g * 37 % 400) || ' days')::interval
FROM shared.tenants t, generate_series(1, 20) g;
INSERT INTO shared.daily_bookings (day, tenant_id, booked)
SELECT d::date, t.id, 1 + (abs(hashtext(t.slug || d::text)) % 9)
FROM shared.tenants t, generate_series(now() - interval '90 days', now(), interval '7 days') d;`

func BenchmarkPlatformLists(b *testing.B) {
	e := apptest.New(b, apptest.Log(slog.New(slog.DiscardHandler)))
	ctx := context.Background()
	if _, err := e.App.DB.Pool.Exec(ctx, platformSeed); err != nil {
		b.Fatal(err)
	}
	// As autovacuum would: statistics and the visibility map (index-only scans).
	if _, err := e.App.DB.Pool.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		b.Fatal(err)
	}
	e.User("root@example.com", access.Superuser, "")
	get := func(path string, hdr ...string) (int, map[string]any) {
		r := e.Do(apptest.Request{Host: "platform.localhost", Path: path, Header: hdr})
		var out map[string]any
		_ = json.Unmarshal(r.Body, &out)
		return r.Status, out
	}
	rec := e.Do(apptest.Request{Method: "POST", Host: "platform.localhost", Path: "/api/auth/login/",
		Body: `{"email":"root@example.com","password":"` + testPassword + `"}`})
	login := rec.JSON()
	if rec.Status != 200 || login == nil {
		b.Fatalf("login: %d %s", rec.Status, rec.Body)
	}
	auth := bearer(login["access"].(string))
	today := time.Now().UTC().Format(time.DateOnly)
	yearAgo := time.Now().UTC().AddDate(-1, 0, 1).Format(time.DateOnly)
	for _, c := range []struct{ name, path string }{
		{"businesses/page1", "/api/platform/businesses/"},
		{"businesses/search=globex", "/api/platform/businesses/?search=globex"},
		{"businesses/search=owner-email", "/api/platform/businesses/?search=user1@biz4242"},
		{"businesses/search=none", "/api/platform/businesses/?search=zzzz"},
		{"businesses/plan+ordering", "/api/platform/businesses/?plan=business&ordering=name&page=7"},
		{"users/page1", "/api/platform/users/"},
		{"users/search=biz777", "/api/platform/users/?search=biz777"},
		{"users/search=name", "/api/platform/users/?search=user+7+of+stark"},
		{"users/role=owner", "/api/platform/users/?role=TENANT_OWNER&page=20"},
		{"metrics/30d", "/api/platform/businesses/metrics/"},
		{"metrics/365d", "/api/platform/businesses/metrics/?start_date=" + yearAgo + "&end_date=" + today},
	} {
		b.Run(c.name, func(b *testing.B) {
			if code, doc := get(c.path, auth...); code != 200 {
				b.Fatalf("%d %v", code, doc)
			}
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				if code, _ := get(c.path, auth...); code != 200 {
					b.Fatal(code)
				}
				lat = append(lat, time.Since(start))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}
