package postgres_test

import (
	"context"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TestLastOwnerKept: two owners demoted (or disabled) at the same moment:
// one change wins, the other is a Conflict, and the business keeps an
// active owner every time. Other users' changes are never refused.
func TestLastOwnerKept(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	svc := tenancyOn(db)
	acme, err := svc.Create(ctx, tenancy.NewTenant{Name: "Acme", Slug: "acme"})
	if err != nil {
		t.Fatal(err)
	}
	store := &postgres.Identity{DB: db}
	add := func(role access.Role) string {
		id := uuid.NewString()
		if err := store.CreateUser(ctx, &identity.Account{User: identity.User{ID: id, TenantID: &acme.ID, Email: id[:8] + "@acme.example",
			Name: "X", Role: role, Status: identity.StatusActive, CreatedAt: nowUTC()}, PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	a, b, staff := add(access.TenantOwner), add(access.TenantOwner), add(access.TenantStaff)
	owner, manager, disabled := access.TenantOwner, access.TenantManager, identity.StatusDisabled
	changes := []identity.UserChange{{Role: &manager}, {Status: &disabled}}
	for i := range 20 {
		var wg sync.WaitGroup
		errsOf := make([]error, 2)
		for j, id := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errsOf[j] = store.UpdateUser(ctx, id, changes[(i+j)%2], nowUTC())
			}()
		}
		wg.Wait()
		if (errsOf[0] == nil) == (errsOf[1] == nil) || errs.CodeOf(errsOf[0])+errs.CodeOf(errsOf[1]) != errs.Conflict {
			t.Fatalf("round %d: %v / %v", i, errsOf[0], errsOf[1])
		}
		active := identity.StatusActive
		for _, id := range []string{a, b} {
			if err := store.UpdateUser(ctx, id, identity.UserChange{Role: &owner, Status: &active}, nowUTC()); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := store.UpdateUser(ctx, staff, identity.UserChange{Status: &disabled}, nowUTC()); err != nil {
		t.Errorf("disabling staff: %v", err)
	}
}
