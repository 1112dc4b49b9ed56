package postgres_test

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TestCleanUp: the identity clean-up deletes old expired and revoked
// sessions (with their refresh tokens), used or expired one-time codes and
// stale throttle rows, keeps everything live or recent, and audits the end
// of a masquerade nobody saw end before it goes.
func TestCleanUp(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	tenants := tenancyOn(db)
	acme, err := tenants.Create(ctx, tenancy.NewTenant{Name: "Acme", Slug: "acme"})
	if err != nil {
		t.Fatal(err)
	}
	store := &postgres.Identity{DB: db}
	now := nowUTC().Truncate(time.Second)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := &identity.Service{Store: store, Audit: &postgres.AuditLog{DB: db, Log: log}, Log: log, Now: func() time.Time { return now }}
	user := func(email string, role access.Role, tenant *string) string {
		id := uuid.NewString()
		if err := store.CreateUser(ctx, &identity.Account{User: identity.User{ID: id, TenantID: tenant, Email: email, Name: "X",
			Role: role, Status: identity.StatusActive, CreatedAt: now}, PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	owner := user("owner@acme.example", access.TenantOwner, &acme.ID)
	support := user("sup@example.com", access.PlatformSupport, nil)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := db.Pool.Exec(ctx, sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	day := 24 * time.Hour
	session := func(expires time.Time, revoked *time.Time, impersonator *string) string {
		id := uuid.NewString()
		exec(`INSERT INTO shared.sessions (id, user_id, access_hash, access_expires_at, cookie_hash, expires_at, revoked_at,
				impersonator_id, masquerade_started_at, created_at)
			VALUES ($1, $2, $3, $4, $5, $4, $6, $7, CASE WHEN $7::uuid IS NULL THEN NULL ELSE $8::timestamptz END, $8)`,
			id, owner, rand.Text(), expires, rand.Text(), revoked, impersonator, expires.Add(-time.Hour))
		exec(`INSERT INTO shared.session_refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, rand.Text(), id)
		return id
	}
	keep := map[string]string{}
	gone := map[string]string{}
	keep["live session"] = session(now.Add(time.Hour), nil, nil)
	keep["session expired a day ago"] = session(ago(day), nil, nil)
	keep["session revoked an hour ago"] = session(now.Add(time.Hour), ptr(ago(time.Hour)), nil)
	gone["session expired 8 days ago"] = session(ago(8*day), nil, nil)
	gone["session revoked 8 days ago"] = session(now.Add(time.Hour), ptr(ago(8*day)), nil)
	masquerade := session(ago(10*time.Minute), nil, &support)
	keep["expired masquerade"] = masquerade

	for _, table := range []string{"mfa_challenges", "password_resets", "email_verifications", "masquerade_codes"} {
		col := map[string]string{"mfa_challenges": "user_id", "password_resets": "user_id", "email_verifications": "user_id", "masquerade_codes": "session_id"}[table]
		ref := map[string]string{"user_id": owner, "session_id": keep["live session"]}[col]
		hashCol := map[bool]string{true: "code_hash", false: "token_hash"}[table == "masquerade_codes"]
		for name, row := range map[string]struct {
			expires time.Time
			used    *time.Time
			kept    bool
		}{"live": {now.Add(time.Minute), nil, true}, "used": {now.Add(time.Minute), ptr(ago(time.Second)), false},
			"expired": {ago(time.Second), nil, false}} {
			hash := rand.Text()
			exec(`INSERT INTO shared.`+table+` (`+hashCol+`, `+col+`, expires_at, used_at) VALUES ($1, $2, $3, $4)`, hash, ref, row.expires, row.used)
			check := `SELECT count(*) FROM shared.` + table + ` WHERE ` + hashCol + ` = '` + hash + `'::bytea`
			if row.kept {
				keep[table+" "+name] = check
			} else {
				gone[table+" "+name] = check
			}
		}
	}
	throttle := func(key string, last time.Time, locked *time.Time) {
		exec(`INSERT INTO shared.auth_throttle (key, failures, last_failure, locked_until) VALUES ($1, 12, $2, $3)`, key, last, locked)
	}
	throttle("ip:stale", ago(2*time.Hour), nil)
	throttle("ip:lock-ended", ago(2*time.Hour), ptr(ago(time.Hour)))
	throttle("ip:recent", ago(5*time.Minute), nil)
	throttle("ip:still-locked", ago(2*time.Hour), ptr(now.Add(10*time.Minute)))

	n, err := svc.CleanUp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n.Sessions != 2 || n.MFAChallenges != 2 || n.PasswordResets != 2 || n.EmailVerifications != 2 || n.MasqueradeCodes != 2 || n.Throttle != 2 || n.MasqueradesEnded != 1 {
		t.Errorf("counts: %+v", n)
	}
	count := func(what, q string) int {
		if _, err := uuid.Parse(q); err == nil {
			q = `SELECT count(*) FROM shared.sessions WHERE id = '` + q + `'`
		}
		var c int
		if err := db.Pool.QueryRow(ctx, q).Scan(&c); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return c
	}
	for what, q := range keep {
		if count(what, q) != 1 {
			t.Errorf("%s was deleted", what)
		}
	}
	for what, q := range gone {
		if count(what, q) != 0 {
			t.Errorf("%s was kept", what)
		}
	}
	if c := count("refresh tokens", `SELECT count(*) FROM shared.session_refresh_tokens t
		WHERE NOT EXISTS (SELECT 1 FROM shared.sessions s WHERE s.id = t.session_id)`); c != 0 {
		t.Errorf("%d refresh tokens of deleted sessions left", c)
	}
	var keys []string
	rows, _ := db.Pool.Query(ctx, `SELECT key FROM shared.auth_throttle ORDER BY key`)
	for rows.Next() {
		var k string
		_ = rows.Scan(&k)
		keys = append(keys, k)
	}
	if len(keys) != 2 || keys[0] != "ip:recent" || keys[1] != "ip:still-locked" {
		t.Errorf("throttle rows left: %v", keys)
	}
	if c := count("masquerade end", `SELECT count(*) FROM shared.audit_events WHERE action = 'MASQUERADE_END' AND reason = 'expired'`); c != 1 {
		t.Errorf("%d MASQUERADE_END events", c)
	}
	// A second run finds nothing more and audits no end twice.
	if n, err := svc.CleanUp(ctx); err != nil || n != (identity.CleanupCounts{}) {
		t.Errorf("second run: %+v %v", n, err)
	}
}

func ptr[T any](v T) *T { return &v }
