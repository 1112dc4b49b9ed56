package httpapi

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TestFreePlanLimitAndOverride: a Free business is refused a third
// resource (naming the plan that allows more), allowed after an override;
// MaxUsers counts staff and pending staff invitations; features follow the
// plan and the overrides.
func TestFreePlanLimitAndOverride(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	tenants := &postgres.Tenants{DB: db, Migrations: postgres.Embedded()}
	svc := &tenancy.Service{Store: tenants, BaseDomain: "localhost", Now: time.Now}
	ten, err := svc.Create(ctx, tenancy.NewTenant{Name: "Free Co", Slug: "freeco", Plan: "free"})
	if err != nil {
		t.Fatal(err)
	}
	store := &postgres.Platform{DB: db}
	s := &Server{Deps: Deps{Platform: store, Admin: &platform.Admin{Admin: &postgres.PlatformAdmin{DB: db, Tenants: tenants, Platform: store}}}}
	ctx = tenancy.WithSite(ctx, &tenancy.Site{Kind: tenancy.SiteTenant, Host: "freeco.localhost", Tenant: ten})

	if err := s.checkLimit(ctx, platform.MaxResources, 1); err != nil {
		t.Fatalf("second resource: %v", err)
	}
	err = s.checkLimit(ctx, platform.MaxResources, 2)
	var e *errs.Error
	if !errs.Is(err, errs.LimitReached) || !errorsAs(err, &e) || e.Extra["upgradeTo"] != "professional" {
		t.Fatalf("third resource on Free: %v", err)
	}
	if p := problemFrom(ctx, nil, err); p.Status != 403 || p.Extra["limit"] != "maxResources" {
		t.Errorf("problem: %+v", p)
	}
	if err := s.requireFeature(ctx, platform.Webhooks); !errs.Is(err, errs.LimitReached) {
		t.Errorf("webhooks on Free: %v", err)
	}
	five := 5
	if err := store.SetOverrides(ctx, ten.ID, platform.Overrides{Limits: map[platform.Limit]*int{platform.MaxResources: &five},
		Features: map[platform.Feature]bool{platform.Webhooks: true}}); err != nil {
		t.Fatal(err)
	}
	if err := s.checkLimit(ctx, platform.MaxResources, 2); err != nil {
		t.Errorf("after the override: %v", err)
	}
	if err := s.checkLimit(ctx, platform.MaxResources, 5); !errs.Is(err, errs.LimitReached) {
		t.Errorf("past the override: %v", err)
	}
	if err := s.requireFeature(ctx, platform.Webhooks); err != nil {
		t.Errorf("feature override: %v", err)
	}

	// Staff seats: Free allows 2 users; an owner and a pending invitation fill them.
	users := &postgres.Identity{DB: db}
	now := time.Now()
	owner := &identity.Account{User: identity.User{ID: uuid.NewString(), TenantID: &ten.ID, Email: "o@freeco.example", Name: "O",
		Role: "TENANT_OWNER", Status: identity.StatusActive, CreatedAt: now}, PasswordHash: "x"}
	if err := users.CreateUser(ctx, owner); err != nil {
		t.Fatal(err)
	}
	if err := s.checkStaffSeat(ctx); err != nil {
		t.Fatalf("second seat: %v", err)
	}
	_, h := identity.NewToken(identity.PrefixInvitation)
	if err := users.CreateInvitation(ctx, &identity.Invitation{ID: uuid.NewString(), TenantID: &ten.ID, Email: "s@freeco.example",
		Role: "TENANT_STAFF", InvitedBy: owner.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}, h); err != nil {
		t.Fatal(err)
	}
	if err := s.checkStaffSeat(ctx); !errs.Is(err, errs.LimitReached) {
		t.Errorf("third seat on Free: %v", err)
	}

	// Without a platform store nothing is enforced (other areas' tests).
	if err := (&Server{}).checkLimit(ctx, platform.MaxResources, 1000); err != nil {
		t.Errorf("nil platform: %v", err)
	}
}

func errorsAs(err error, target **errs.Error) bool {
	e, ok := err.(*errs.Error)
	*target = e
	return ok
}
