package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour) // midday UTC
}

// TestMetricsAgainstAHandComputedFixture builds a small platform history and
// checks every figure of the dashboard against numbers worked out by hand.
func TestMetricsAgainstAHandComputedFixture(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	store := &postgres.Platform{DB: db}
	var lastID int64
	// at stamps the ledger rows the previous step wrote.
	at := func(when time.Time) {
		if _, err := db.Pool.Exec(ctx, "UPDATE shared.plan_ledger SET at = $1 WHERE id > $2", when, lastID); err != nil {
			t.Fatal(err)
		}
		if err := db.Pool.QueryRow(ctx, "SELECT coalesce(max(id), 0) FROM shared.plan_ledger").Scan(&lastID); err != nil {
			t.Fatal(err)
		}
	}
	create := func(slug, plan string, status tenancy.Status, demo bool, when string) {
		if _, err := svc.Create(ctx, tenancy.NewTenant{Name: slug, Slug: slug, Plan: plan, Status: status, Demo: demo}); err != nil {
			t.Fatal(err)
		}
		at(day(when))
	}
	create("t1", "free", tenancy.StatusActive, false, "2026-10-20")
	create("t2", "professional", tenancy.StatusActive, false, "2026-10-25")
	create("t4", "professional", tenancy.StatusActive, false, "2026-10-28")
	create("t5", "business", "", true, "2026-11-02") // demo: never counted
	create("t3", "business", tenancy.StatusActive, false, "2026-11-03")
	create("t6", "business", tenancy.StatusTrial, false, "2026-11-04")
	if _, err := svc.Suspend(ctx, "t4"); err != nil {
		t.Fatal(err)
	}
	at(day("2026-11-05"))
	for _, b := range []struct {
		day, slug string
		n         int
	}{{"2026-11-02", "t1", 3}, {"2026-11-03", "t2", 2}, {"2026-10-31", "t1", 5}} {
		if _, err := db.Pool.Exec(ctx, `INSERT INTO shared.daily_bookings (day, tenant_id, booked)
			SELECT $1::date, id, $3 FROM shared.tenants WHERE slug = $2`, b.day, b.slug, b.n); err != nil {
			t.Fatal(err)
		}
	}

	m, err := store.Metrics(ctx, day("2026-11-01").Add(-12*time.Hour), day("2026-11-08").Add(-12*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	// Start: t1 (0) + t2 (29) + t4 (29): 3 active, MRR 58. In the period:
	// t3 +99 (Nov 3), t6 trial +1 active (Nov 4), t4 suspended -29 (Nov 5).
	wantSeries := []platform.Day{
		{Date: "2026-11-01", ActiveTenants: 3, MRR: "58.00"},
		{Date: "2026-11-02", ActiveTenants: 3, MRR: "58.00", Appointments: 3},
		{Date: "2026-11-03", ActiveTenants: 4, MRR: "157.00", NewTenants: 1, Appointments: 2},
		{Date: "2026-11-04", ActiveTenants: 5, MRR: "157.00", NewTenants: 1},
		{Date: "2026-11-05", ActiveTenants: 4, MRR: "128.00", Churned: 1},
		{Date: "2026-11-06", ActiveTenants: 4, MRR: "128.00"},
		{Date: "2026-11-07", ActiveTenants: 4, MRR: "128.00"},
	}
	if d := cmp.Diff(wantSeries, m.Series); d != "" {
		t.Errorf("series (-want +got):\n%s", d)
	}
	if m.ActiveTenants != 4 || m.PayingTenants != 3 || m.MRR != "128.00" || m.NewTenants != 2 || m.ChurnedTenants != 1 ||
		m.AppointmentsBooked != 5 || m.ChurnRate < 0.333 || m.ChurnRate > 0.334 {
		t.Errorf("totals: %+v", m)
	}
	wantPlans := []platform.PlanMRR{
		{Plan: "free", Name: "Free", ActiveTenants: 1, PayingTenants: 1, MRR: "0.00"},
		{Plan: "professional", Name: "Professional", ActiveTenants: 1, PayingTenants: 1, MRR: "29.00"},
		{Plan: "business", Name: "Business", ActiveTenants: 2, PayingTenants: 1, MRR: "99.00"},
	}
	if d := cmp.Diff(wantPlans, m.MRRByPlan); d != "" {
		t.Errorf("by plan (-want +got):\n%s", d)
	}

	// A price change moves the MRR of every paying tenant on that plan.
	plans, _ := store.Plans(ctx)
	pro := plans[1]
	pro.Price = "39.00"
	if err := store.SavePlan(ctx, pro); err != nil {
		t.Fatal(err)
	}
	m, err = store.Metrics(ctx, day("2026-11-01").Add(-12*time.Hour), time.Now().Add(24*time.Hour).Truncate(24*time.Hour))
	if err != nil || m.MRR != "138.00" {
		t.Errorf("after a price change: %s %v", m.MRR, err)
	}
}

func TestEntitlementsAndOverrides(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	store := &postgres.Platform{DB: db}
	ten, err := svc.Create(ctx, tenancy.NewTenant{Name: "Acme", Slug: "acme"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := store.Entitlements(ctx, ten.ID, ten.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.CheckAdd(platform.MaxResources, 2); !errs.Is(err, errs.LimitReached) {
		t.Fatalf("free plan third resource: %v", err)
	}
	five := 5
	if err := store.SetOverrides(ctx, ten.ID, platform.Overrides{Limits: map[platform.Limit]*int{platform.MaxResources: &five}}); err != nil {
		t.Fatal(err)
	}
	e, _ = store.Entitlements(ctx, ten.ID, ten.Plan)
	if err := e.CheckAdd(platform.MaxResources, 2); err != nil {
		t.Fatalf("after override: %v", err)
	}
	if err := store.SetOverrides(ctx, "00000000-0000-0000-0000-000000000000", platform.Overrides{Features: map[platform.Feature]bool{platform.SSO: true}}); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown tenant: %v", err)
	}
	st, err := store.Settings(ctx)
	if err != nil || st.DefaultPlan != "free" || st.TrialDays != 14 {
		t.Fatalf("%+v %v", st, err)
	}
}
