package httpapi_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/support"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
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
	db := pgtest.New(b)
	ctx := context.Background()
	if _, err := db.Pool.Exec(ctx, platformSeed); err != nil {
		b.Fatal(err)
	}
	// As autovacuum would: statistics and the visibility map (index-only scans).
	if _, err := db.Pool.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Load(nil, func(k string) string {
		return map[string]string{"SECRET_KEY": strings.Repeat("s3cr3t-", 6)}[k]
	})
	if err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	tenants := &postgres.Tenants{DB: db, Migrations: postgres.Embedded()}
	users := &postgres.Identity{DB: db}
	box, _ := identity.NewSecretBox(cfg.SecretKey, "totp")
	ids := &identity.Service{Store: users, Mailer: &mailbox{}, Audit: &postgres.AuditLog{DB: db, Log: log}, Log: log, Box: box,
		Now: time.Now, AccessTTL: cfg.AccessTTL, SessionTTL: cfg.RefreshTTL, URL: cfg.URL, Issuer: "SmoothSchedule"}
	if _, err := ids.CreateUser(ctx, userOf("root@example.com", access.Superuser, ""), testPassword); err != nil {
		b.Fatal(err)
	}
	store := &postgres.Platform{DB: db}
	srv := httpapi.New(httpapi.Deps{Config: cfg, Log: log, Version: "bench", DB: db,
		Resolver: &tenancy.Resolver{BaseDomain: "localhost", Lookup: tenants.ByHost},
		Identity: ids, Auth: &httpapi.SessionAuth{Identity: ids, Config: cfg}, Platform: store,
		Admin:   &platform.Admin{Store: store, Admin: &postgres.PlatformAdmin{DB: db, Tenants: tenants, Platform: store}, Users: users},
		Support: &support.Service{Store: &postgres.Support{DB: db}, Now: time.Now}})
	get := func(path string, hdr ...string) (int, map[string]any) {
		req := httptest.NewRequest("GET", "http://platform.localhost"+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		var out map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &out)
		return rec.Code, out
	}
	req := httptest.NewRequest("POST", "http://platform.localhost/api/auth/login/", strings.NewReader(`{"email":"root@example.com","password":"`+testPassword+`"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	var login map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &login); err != nil || rec.Code != 200 {
		b.Fatalf("login: %d %s", rec.Code, rec.Body.String())
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
