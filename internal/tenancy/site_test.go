package tenancy

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// fakeLookup stands in for the database (the real one is tested in
// internal/postgres and internal/httpapi); it counts lookups.
type fakeLookup struct {
	calls   atomic.Int64
	tenants map[string]*Tenant
	domains map[string]*Domain
}

func (f *fakeLookup) lookup(_ context.Context, host string) (*Tenant, *Domain, error) {
	f.calls.Add(1)
	d, ok := f.domains[host]
	if !ok {
		return nil, nil, errs.E(errs.NotFound, "no business at %s", host)
	}
	return f.tenants[d.TenantID], d, nil
}

func newResolver(now *time.Time) (*Resolver, *fakeLookup) {
	f := &fakeLookup{
		tenants: map[string]*Tenant{"1": {ID: "1", Slug: "acme", Status: StatusActive}, "2": {ID: "2", Slug: "gone", Status: StatusDeleted}},
		domains: map[string]*Domain{
			"acme.localhost":  {Domain: "acme.localhost", TenantID: "1", Primary: true},
			"gone.localhost":  {Domain: "gone.localhost", TenantID: "2", Primary: true},
			"book.acme.com":   {Domain: "book.acme.com", TenantID: "1", Custom: true, Verified: true},
			"unverified.test": {Domain: "unverified.test", TenantID: "1", Custom: true},
		},
	}
	return &Resolver{BaseDomain: "localhost", Lookup: f.lookup, Now: func() time.Time { return *now }, MaxEntries: 3}, f
}

func TestResolveKinds(t *testing.T) {
	now := time.Now()
	r, _ := newResolver(&now)
	cases := []struct {
		host string
		kind SiteKind
		slug string
	}{
		{"localhost", SiteApex, ""},
		{"localhost:8000", SiteApex, ""},
		{"platform.localhost", SitePlatform, ""},
		{"PLATFORM.localhost.:8000", SitePlatform, ""},
		{"acme.localhost", SiteTenant, "acme"},
		{"acme.localhost:8000", SiteTenant, "acme"},
		{"book.acme.com", SiteTenant, "acme"},
	}
	for _, c := range cases {
		s, err := r.Resolve(context.Background(), c.host)
		if err != nil || s.Kind != c.kind || (c.slug != "" && s.Tenant.Slug != c.slug) {
			t.Errorf("%s: %+v %v", c.host, s, err)
		}
	}
	for _, host := range []string{"nonexistent.localhost", "example.com", "unverified.test", "gone.localhost", "127.0.0.1:8000", "[::1]:8000", ""} {
		if _, err := r.Resolve(context.Background(), host); !errs.Is(err, errs.NotFound) {
			t.Errorf("%q: want not found, got %v", host, err)
		}
	}
}

func TestResolverCachesUntilInvalidatedOrExpired(t *testing.T) {
	now := time.Now()
	r, f := newResolver(&now)
	ctx := context.Background()
	for range 5 {
		if _, err := r.Resolve(ctx, "acme.localhost"); err != nil {
			t.Fatal(err)
		}
		_, _ = r.Resolve(ctx, "nobody.localhost") // unknown hosts are cached too
	}
	if n := f.calls.Load(); n != 2 {
		t.Fatalf("%d lookups, want 2", n)
	}
	f.tenants["1"] = &Tenant{ID: "1", Slug: "acme", Status: StatusSuspended}
	r.Invalidate()
	s, _ := r.Resolve(ctx, "acme.localhost")
	if s.Tenant.Status != StatusSuspended || f.calls.Load() != 3 {
		t.Fatalf("after invalidation: %+v, %d lookups", s.Tenant, f.calls.Load())
	}
	now = now.Add(2 * time.Minute) // past the TTL
	_, _ = r.Resolve(ctx, "acme.localhost")
	if f.calls.Load() != 4 {
		t.Fatalf("expired entry not refreshed: %d lookups", f.calls.Load())
	}
}

func TestResolverCacheIsBounded(t *testing.T) {
	now := time.Now()
	r, _ := newResolver(&now)
	for _, h := range []string{"a.localhost", "b.localhost", "c.localhost", "d.localhost", "e.localhost"} {
		_, _ = r.Resolve(context.Background(), h)
	}
	if n := len(r.cache); n > 3 {
		t.Fatalf("cache holds %d entries, bound is 3", n)
	}
}

// TestResolverLoadsZone: the zone is loaded once, with the cached row;
// a stored name that is no zone leaves it nil (never silently UTC).
func TestResolverLoadsZone(t *testing.T) {
	now := time.Now()
	r, f := newResolver(&now)
	f.tenants["1"].TimeZone = "Europe/Berlin"
	site, err := r.Resolve(context.Background(), "acme.localhost")
	if err != nil || site.Tenant.Zone == nil || site.Tenant.Zone.String() != "Europe/Berlin" {
		t.Fatalf("zone %v, err %v", site.Tenant.Zone, err)
	}
	r.Invalidate()
	f.tenants["1"].TimeZone = "Mars/Olympus"
	if site, err = r.Resolve(context.Background(), "acme.localhost"); err != nil || site.Tenant.Zone != nil {
		t.Fatalf("an unknown zone resolved to %v (err %v)", site.Tenant.Zone, err)
	}
}
