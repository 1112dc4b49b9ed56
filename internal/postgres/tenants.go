package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Tenants implements tenancy.Store.
type Tenants struct {
	DB         *DB
	Migrations Migrations
}

var _ tenancy.Store = (*Tenants)(nil)

const tenantColumns = `t.id::text, t.slug, t.schema_name, t.name, t.status, t.plan, t.timezone,
	t.primary_color, t.secondary_color, t.logo_url, t.is_demo, t.expires_at,
	t.resources_can_reschedule, t.require_payment_method_to_book, t.cancellation_window_hours,
	t.late_cancellation_fee_percent, t.platform_approval_required, t.schema_version,
	t.created_at, t.updated_at, t.deleted_at`

func scanTenant(row pgx.Row, extra ...any) (*tenancy.Tenant, error) {
	var t tenancy.Tenant
	var status string
	dest := []any{&t.ID, &t.Slug, &t.Schema, &t.Name, &status, &t.Plan, &t.TimeZone,
		&t.PrimaryColor, &t.SecondaryColor, &t.LogoURL, &t.IsDemo, &t.ExpiresAt,
		&t.Policies.ResourcesCanReschedule, &t.Policies.RequirePaymentMethodToBook, &t.Policies.CancellationWindowHours,
		&t.Policies.LateCancellationFeePercent, &t.ApprovalRequired, &t.SchemaVersion,
		&t.CreatedAt, &t.UpdatedAt, &t.DeletedAt}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	t.Status = tenancy.Status(status)
	return &t, nil
}

// Create provisions a tenant in one transaction: the tenant row, its primary
// domain, its schema and every tenant migration, sent as one batch of
// statements. Any failure rolls all of it back.
func (s *Tenants) Create(ctx context.Context, t *tenancy.Tenant, primaryDomain string) error {
	err := s.DB.InTenant(ctx, t.Schema, func(tx pgx.Tx) error {
		return s.CreateInTx(ctx, tx, t, primaryDomain)
	})
	return mapTenantErr(err, t.Slug)
}

// CreateInTx provisions t inside a caller's transaction (whose search_path is
// the tenant's schema, as InTenant sets it), so that callers can add rows of
// their own (an owner, an invitation) to the same all-or-nothing unit.
func (s *Tenants) CreateInTx(ctx context.Context, tx pgx.Tx, t *tenancy.Tenant, primaryDomain string) error {
	t.SchemaVersion = s.Migrations.Head()
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO shared.tenants (id, slug, schema_name, name, status, plan, timezone, primary_color,
			secondary_color, is_demo, expires_at, cancellation_window_hours, schema_version, migrated_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now(), $14, $14)`,
		t.ID, t.Slug, t.Schema, t.Name, string(t.Status), t.Plan, t.TimeZone, t.PrimaryColor,
		t.SecondaryColor, t.IsDemo, t.ExpiresAt, t.Policies.CancellationWindowHours, t.SchemaVersion, t.CreatedAt)
	b.Queue(`INSERT INTO shared.domains (domain, tenant_id, is_primary, is_custom, verified_at) VALUES ($1, $2, true, false, now())`,
		primaryDomain, t.ID)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	// DDL goes as one simple-protocol statement list: one round trip.
	_, err := tx.Exec(ctx, "CREATE SCHEMA "+t.Schema+";\n"+s.Migrations.tenantSQL(0))
	return err
}

func mapTenantErr(err error, slug string) error {
	switch {
	case err == nil:
		return nil
	case pgCode(err) == sqlUniqueViolation && (strings.Contains(constraintOf(err), "slug") || strings.Contains(constraintOf(err), "schema_name") || strings.Contains(constraintOf(err), "domains_pkey")):
		return errs.Field("slug", "slug %q is already taken; choose another", slug)
	case pgCode(err) == sqlForeignKey && constraintOf(err) == "tenants_plan_fk":
		return errs.Field("plan", "unknown plan: choose one of the platform's plans (free, professional, business, enterprise by default)")
	case pgCode(err) == "42P06": // duplicate_schema: a leftover schema with no tenant row
		return errs.Field("slug", "slug %q is already taken (a schema of that name exists); choose another", slug)
	}
	return err
}

// BySlug finds a tenant, deleted ones included.
func (s *Tenants) BySlug(ctx context.Context, slug string) (*tenancy.Tenant, error) {
	t, err := scanTenant(s.DB.Pool.QueryRow(ctx, "SELECT "+tenantColumns+" FROM shared.tenants t WHERE t.slug = $1", slug))
	if err != nil {
		return nil, notFoundf(err, "no tenant with slug %q", slug)
	}
	return t, nil
}

// ByID finds a tenant, deleted ones included.
func (s *Tenants) ByID(ctx context.Context, id string) (*tenancy.Tenant, error) {
	t, err := scanTenant(s.DB.Pool.QueryRow(ctx, "SELECT "+tenantColumns+" FROM shared.tenants t WHERE t.id::text = $1", id))
	if err != nil {
		return nil, notFoundf(err, "no tenant with id %q", id)
	}
	return t, nil
}

// List returns a page of tenants and the total that match.
func (s *Tenants) List(ctx context.Context, f tenancy.Filter) ([]tenancy.Tenant, int, error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if !f.IncludeDeleted && f.Status != tenancy.StatusDeleted {
		where = append(where, "t.status <> 'deleted'")
	}
	if f.Status != "" {
		where = append(where, "t.status = "+arg(string(f.Status)))
	}
	if f.Plan != "" {
		where = append(where, "t.plan = "+arg(f.Plan))
	}
	if f.Search != "" {
		p := arg("%" + escapeLike(strings.ToLower(f.Search)) + "%")
		where = append(where, "(lower(t.name) LIKE "+p+" OR t.slug LIKE "+p+")")
	}
	sql := "SELECT " + tenantColumns + ", count(*) OVER () FROM shared.tenants t"
	if len(where) > 0 {
		sql += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	sql += " ORDER BY t.created_at, t.slug LIMIT " + arg(limit) + " OFFSET " + arg(f.Offset)
	rows, err := s.DB.Pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []tenancy.Tenant
	total := 0
	for rows.Next() {
		t, err := scanTenant(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *t)
	}
	return out, total, rows.Err()
}

// SetStatus changes a tenant's status (and stamps deleted_at for deletes).
// events are written in the same transaction.
func (s *Tenants) SetStatus(ctx context.Context, id string, st tenancy.Status, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.tenants SET status = $2, updated_at = now(),
			deleted_at = CASE WHEN $2 = 'deleted' THEN coalesce(deleted_at, now()) ELSE NULL END WHERE id::text = $1`, id, string(st))
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no tenant with id %q", id)
		}
		return nil
	})
}

// Purge drops a soft-deleted tenant's schema and its shared rows in one
// transaction, with events.
func (s *Tenants) Purge(ctx context.Context, id string, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		var schema string
		err := tx.QueryRow(ctx, "SELECT schema_name FROM shared.tenants WHERE id::text = $1 AND status = 'deleted' FOR UPDATE", id).Scan(&schema)
		if err != nil {
			return notFoundf(err, "no deleted tenant with id %q", id)
		}
		if !ValidSchema(schema) {
			return fmt.Errorf("refusing to drop schema %q", schema)
		}
		if _, err := tx.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE"); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "DELETE FROM shared.tenants WHERE id::text = $1", id)
		return err
	})
}

// ByHost finds the tenant a domain reaches.
func (s *Tenants) ByHost(ctx context.Context, host string) (*tenancy.Tenant, *tenancy.Domain, error) {
	d := &tenancy.Domain{Domain: host}
	t, err := scanTenant(s.DB.Pool.QueryRow(ctx, "SELECT "+tenantColumns+`, d.is_primary, d.is_custom, d.verified_at IS NOT NULL
		FROM shared.domains d JOIN shared.tenants t ON t.id = d.tenant_id WHERE d.domain = $1`, host),
		&d.Primary, &d.Custom, &d.Verified)
	if err != nil {
		return nil, nil, notFoundf(err, "no business at %s", host)
	}
	d.TenantID = t.ID
	return t, d, nil
}

// AddDomain records a custom domain (unverified until VerifyDomain).
func (s *Tenants) AddDomain(ctx context.Context, d tenancy.Domain) error {
	_, err := s.DB.Pool.Exec(ctx, `INSERT INTO shared.domains (domain, tenant_id, is_primary, is_custom, verified_at)
		VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)`, d.Domain, d.TenantID, d.Primary, d.Custom, d.Verified)
	if pgCode(err) == sqlUniqueViolation {
		return errs.Field("domain", "domain %s is already in use", d.Domain)
	}
	return err
}

// VerifyDomain marks a custom domain verified.
func (s *Tenants) VerifyDomain(ctx context.Context, domain string) error {
	tag, err := s.DB.Pool.Exec(ctx, "UPDATE shared.domains SET verified_at = now() WHERE domain = $1", domain)
	if err == nil && tag.RowsAffected() == 0 {
		return errs.E(errs.NotFound, "no domain %s", domain)
	}
	return err
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
