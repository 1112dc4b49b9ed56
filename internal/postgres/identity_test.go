package postgres_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TestUserEmailUniqueness: one email per tenant and one among platform users
// (NULL tenants do not defeat the constraint), and roles match tenants.
func TestUserEmailUniqueness(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	svc := tenancyOn(db)
	store := &postgres.Identity{DB: db}
	var ids []string
	for _, slug := range []string{"acme", "globex"} {
		tn, err := svc.Create(ctx, tenancy.NewTenant{Name: slug, Slug: slug})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, tn.ID)
	}
	add := func(email string, role access.Role, tenant *string) error {
		return store.CreateUser(ctx, &identity.Account{User: identity.User{ID: uuid.NewString(), TenantID: tenant,
			Email: email, Name: "X", Role: role, Status: identity.StatusActive, CreatedAt: nowUTC()}, PasswordHash: "h"})
	}
	for _, c := range []struct {
		email  string
		role   access.Role
		tenant *string
		code   errs.Code
	}{
		{"ann@example.com", access.TenantOwner, &ids[0], ""},
		{"ann@example.com", access.TenantStaff, &ids[1], ""},
		{"ann@example.com", access.Superuser, nil, ""},
		{"ann@example.com", access.TenantStaff, &ids[0], errs.Invalid},
		{"ann@example.com", access.PlatformSales, nil, errs.Invalid},
	} {
		if err := add(c.email, c.role, c.tenant); errs.CodeOf(err) != c.code {
			t.Errorf("%s %s: %v", c.email, c.role, err)
		}
	}
	// The database itself refuses a tenant role without a tenant.
	if err := add("bob@example.com", access.TenantStaff, nil); err == nil {
		t.Error("tenant role without a tenant accepted")
	}
}

// TestAuditLogIsAppendOnly: rows go in; updates, deletes and truncation fail.
func TestAuditLogIsAppendOnly(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	log := &postgres.AuditLog{DB: db, Log: slog.New(slog.NewJSONHandler(io.Discard, nil))}
	if err := log.Record(ctx, audit.Event{Action: audit.LoginFailed, ActorEmail: "a@example.com", IP: "192.0.2.1",
		TargetID: "not-a-uuid", Detail: map[string]any{"reason": "x"}, CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		"UPDATE shared.audit_events SET reason = 'tampered'",
		"DELETE FROM shared.audit_events",
		"TRUNCATE shared.audit_events",
	} {
		if _, err := db.Pool.Exec(ctx, sql); err == nil || !contains(err.Error(), "append-only") {
			t.Errorf("%s: %v", sql, err)
		}
	}
	var n int
	if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM shared.audit_events WHERE action = 'LOGIN_FAILED' AND target_id IS NULL").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d rows, %v", n, err)
	}
}
