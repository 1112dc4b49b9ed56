package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

func newService(t *testing.T) (*tenancy.Service, *postgres.DB) {
	db := pgtest.New(t)
	return tenancyOn(db), db
}

// tenancyOn is the tenant lifecycle service on db.
func tenancyOn(db *postgres.DB) *tenancy.Service {
	return &tenancy.Service{Store: &postgres.Tenants{DB: db, Migrations: postgres.Embedded()}, BaseDomain: "localhost", Now: time.Now}
}

func schemaExists(t *testing.T, db *postgres.DB, schema string) bool {
	var ok bool
	if err := db.Pool.QueryRow(context.Background(), "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", schema).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

func count(t *testing.T, db *postgres.DB, sql string, args ...any) int {
	var n int
	if err := db.Pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateProvisionsSchemaDomainAndTables(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	ten, err := svc.Create(ctx, tenancy.NewTenant{Name: "Acme Salon", Slug: "acme-salon", TimeZone: "Europe/Berlin", Plan: "professional"})
	if err != nil {
		t.Fatal(err)
	}
	if ten.Schema != "t_acme_salon" || ten.Status != tenancy.StatusActive {
		t.Fatalf("got schema %q status %q", ten.Schema, ten.Status)
	}
	if !schemaExists(t, db, "t_acme_salon") {
		t.Fatal("schema not created")
	}
	if n := count(t, db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 't_acme_salon'"); n < 8 {
		t.Fatalf("tenant schema has %d tables", n)
	}
	got, dom, err := svc.Store.ByHost(ctx, "acme-salon.localhost")
	if err != nil || got.ID != ten.ID || !dom.Primary || dom.Custom {
		t.Fatalf("primary domain: %v %+v %+v", err, got, dom)
	}
	if got.SchemaVersion != postgres.Embedded().Head() {
		t.Fatalf("schema version %d, head %d", got.SchemaVersion, postgres.Embedded().Head())
	}
}

func TestCreateRejectsBadInputAndLeavesNothing(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	if _, err := svc.Create(ctx, tenancy.NewTenant{Name: "Acme", Slug: "acme"}); err != nil {
		t.Fatal(err)
	}
	long := "a123456789a123456789a123456789a123456789a1234567x"
	cases := []struct {
		name     string
		in       tenancy.NewTenant
		location string
		contains string
	}{
		{"uppercase", tenancy.NewTenant{Name: "X", Slug: "Acme"}, "slug", "lowercase"},
		{"spaces", tenancy.NewTenant{Name: "X", Slug: "my salon"}, "slug", "only lowercase letters"},
		{"too long", tenancy.NewTenant{Name: "X", Slug: long}, "slug", "too long"},
		{"reserved", tenancy.NewTenant{Name: "X", Slug: "platform"}, "slug", "reserved"},
		{"reserved www", tenancy.NewTenant{Name: "X", Slug: "www"}, "slug", "reserved"},
		{"leading hyphen", tenancy.NewTenant{Name: "X", Slug: "-acme"}, "slug", "inner hyphens"},
		{"duplicate", tenancy.NewTenant{Name: "X", Slug: "acme"}, "slug", "already taken"},
		{"time zone", tenancy.NewTenant{Name: "X", Slug: "zoned", TimeZone: "Mars/Olympus"}, "timezone", "unknown time zone"},
		{"plan", tenancy.NewTenant{Name: "X", Slug: "planned", Plan: "gold"}, "plan", "unknown plan"},
		{"name", tenancy.NewTenant{Name: "  ", Slug: "nameless"}, "name", "required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.Create(ctx, c.in)
			var e *errs.Error
			if !asErr(err, &e) || e.Code != errs.Invalid {
				t.Fatalf("want invalid error, got %v", err)
			}
			found := false
			for _, f := range e.Fields {
				if f.Location == c.location && contains(f.Message, c.contains) {
					found = true
				}
			}
			if !found {
				t.Fatalf("want %s mentioning %q, got %+v", c.location, c.contains, e.Fields)
			}
		})
	}
	if n := count(t, db, "SELECT count(*) FROM shared.tenants"); n != 1 {
		t.Fatalf("%d tenants, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"); n != 1 {
		t.Fatalf("%d tenant schemas, want 1", n)
	}
}

func TestCreateIsAtomicWhenTheSchemaFails(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	// A stray schema of the same name makes provisioning fail half-way, after
	// the tenant and domain rows were written in the same transaction.
	if _, err := db.Pool.Exec(ctx, "CREATE SCHEMA t_stray"); err != nil {
		t.Fatal(err)
	}
	_, err := svc.Create(ctx, tenancy.NewTenant{Name: "Stray", Slug: "stray"})
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("want a clear slug error, got %v", err)
	}
	if n := count(t, db, "SELECT count(*) FROM shared.tenants WHERE slug = 'stray'"); n != 0 {
		t.Fatal("tenant row left behind")
	}
	if n := count(t, db, "SELECT count(*) FROM shared.domains WHERE domain = 'stray.localhost'"); n != 0 {
		t.Fatal("domain row left behind")
	}
}

func TestLifecycleSuspendActivateDeletePurge(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	if _, err := svc.Create(ctx, tenancy.NewTenant{Name: "Widgets", Slug: "widgets"}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		do   func() (*tenancy.Tenant, error)
		want tenancy.Status
	}{
		{func() (*tenancy.Tenant, error) { return svc.Suspend(ctx, "widgets") }, tenancy.StatusSuspended},
		{func() (*tenancy.Tenant, error) { return svc.Activate(ctx, "widgets") }, tenancy.StatusActive},
		{func() (*tenancy.Tenant, error) { return svc.Delete(ctx, "widgets") }, tenancy.StatusDeleted},
	}
	for i, s := range steps {
		got, err := s.do()
		if err != nil || got.Status != s.want {
			t.Fatalf("step %d: %v %v", i, got, err)
		}
	}
	if _, err := svc.Activate(ctx, "widgets"); !errs.Is(err, errs.Conflict) {
		t.Fatalf("activating a deleted tenant: %v", err)
	}
	if !schemaExists(t, db, "t_widgets") {
		t.Fatal("soft delete dropped the schema")
	}
	// The slug stays taken until purge.
	if _, err := svc.Create(ctx, tenancy.NewTenant{Name: "W2", Slug: "widgets"}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("slug of a soft-deleted tenant reused: %v", err)
	}
	if err := svc.Purge(ctx, "widgets"); err != nil {
		t.Fatal(err)
	}
	if schemaExists(t, db, "t_widgets") {
		t.Fatal("purge kept the schema")
	}
	if _, err := svc.Suspend(ctx, "widgets"); !errs.Is(err, errs.NotFound) {
		t.Fatalf("purged tenant still found: %v", err)
	}
}

func TestListFiltersAndPages(t *testing.T) {
	svc, _ := newService(t)
	ctx := context.Background()
	for i := range 5 {
		plan := "free"
		if i%2 == 1 {
			plan = "business"
		}
		if _, err := svc.Create(ctx, tenancy.NewTenant{Name: fmt.Sprintf("Shop %d", i), Slug: fmt.Sprintf("shop-%d", i), Plan: plan}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Suspend(ctx, "shop-0"); err != nil {
		t.Fatal(err)
	}
	list, total, err := svc.Store.List(ctx, tenancy.Filter{Plan: "business"})
	if err != nil || total != 2 || len(list) != 2 {
		t.Fatalf("plan filter: %d %d %v", total, len(list), err)
	}
	list, total, _ = svc.Store.List(ctx, tenancy.Filter{Status: tenancy.StatusSuspended})
	if total != 1 || list[0].Slug != "shop-0" {
		t.Fatalf("status filter: %d %+v", total, list)
	}
	list, total, _ = svc.Store.List(ctx, tenancy.Filter{Limit: 2, Offset: 2})
	if total != 5 || len(list) != 2 || list[0].Slug != "shop-2" {
		t.Fatalf("paging: %d %+v", total, list)
	}
	_, total, _ = svc.Store.List(ctx, tenancy.Filter{Search: "SHOP 4"})
	if total != 1 {
		t.Fatalf("search: %d", total)
	}
}
