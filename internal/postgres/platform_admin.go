package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// PlatformAdmin implements platform.AdminStore: the console's reads across
// businesses and users, provisioning, export and clean-up.
type PlatformAdmin struct {
	DB       *DB
	Tenants  *Tenants
	Platform *Platform
}

var _ platform.AdminStore = (*PlatformAdmin)(nil)

// businessOrder maps the console's ordering values to SQL.
var businessOrder = map[string]string{
	"name": "lower(t.name), t.id", "-name": "lower(t.name) DESC, t.id",
	"created_at": "t.created_at, t.id", "-created_at": "t.created_at DESC, t.id",
	"subdomain": "t.slug", "-subdomain": "t.slug DESC",
	"plan": "t.plan, lower(t.name)", "-plan": "t.plan DESC, lower(t.name)",
	"status": "t.status, lower(t.name)", "-status": "t.status DESC, lower(t.name)",
}

// Businesses returns a page of businesses with their owner and number of
// staff users, and the total matching. The page is cut before the owner
// and user counts are joined, so their cost is per row shown.
func (s *PlatformAdmin) Businesses(ctx context.Context, f platform.BusinessFilter) ([]platform.BusinessRow, int, error) {
	order, ok := businessOrder[f.Ordering]
	if f.Ordering == "" {
		order, ok = businessOrder["-created_at"], true
	}
	if !ok {
		return nil, 0, errs.Field("ordering", "ordering must be one of %s", strings.Join(platform.BusinessOrderings, ", "))
	}
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if f.Status == "" {
		where = append(where, "t.status <> 'deleted'")
	} else {
		where = append(where, "t.status = "+arg(string(f.Status)))
	}
	if f.Plan != "" {
		where = append(where, "t.plan = "+arg(f.Plan))
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		p := arg("%" + escapeLike(strings.ToLower(q)) + "%")
		where = append(where, "(lower(t.name) LIKE "+p+" OR t.slug LIKE "+p+
			" OR t.id IN (SELECT u.tenant_id FROM shared.users u WHERE u.role = 'TENANT_OWNER' AND u.email LIKE "+p+"))")
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	count := "SELECT count(*)::int FROM shared.tenants t" + cond
	countArgs := append([]any(nil), args...)
	page := "SELECT " + tenantColumns + `, o.id, o.email, o.name,
			(SELECT count(*)::int FROM shared.users u WHERE u.tenant_id = t.id AND u.role <> 'CUSTOMER')
		FROM (SELECT t.* FROM shared.tenants t` + cond + " ORDER BY " + order + " LIMIT " + arg(max(f.Limit, 1)) + " OFFSET " + arg(f.Offset) + `) t
		LEFT JOIN LATERAL (SELECT u.id::text, u.email, u.name FROM shared.users u
			WHERE u.tenant_id = t.id AND u.role = 'TENANT_OWNER' ORDER BY u.created_at LIMIT 1) o ON true
		ORDER BY ` + order
	return countedPage(ctx, s.DB, count, countArgs, page, args, func(row pgx.CollectableRow) (platform.BusinessRow, error) {
		var r platform.BusinessRow
		var oid, oemail, oname *string
		t, err := scanTenant(row, &oid, &oemail, &oname, &r.Users)
		if err != nil {
			return r, err
		}
		r.Tenant = *t
		if oid != nil {
			r.Owner = &platform.Owner{ID: *oid, Email: *oemail, Name: *oname}
		}
		return r, nil
	})
}

// Business reads one business: its row, then one tenant transaction
// carrying, in a single batch, its owner and staff count, domains, last
// sign-in and usage counts; then its entitlements.
func (s *PlatformAdmin) Business(ctx context.Context, id string, now time.Time) (*platform.BusinessDetail, error) {
	t, err := s.Tenants.ByID(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &platform.BusinessDetail{BusinessRow: platform.BusinessRow{Tenant: *t}}
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	local := now.In(loc)
	monthStart := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
	err = s.DB.InTenant(ctx, t.Schema, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(`SELECT (SELECT count(*)::int FROM shared.users u WHERE u.tenant_id = $1::uuid AND u.role <> 'CUSTOMER'),
				(SELECT max(u.last_login_at) FROM shared.users u WHERE u.tenant_id = $1::uuid),
				(SELECT count(*)::int FROM resources WHERE is_active),
				(SELECT count(*)::int FROM services WHERE is_active),
				(SELECT count(*)::int FROM appointments WHERE start_time >= $2 AND start_time < $3 AND status <> 'CANCELLED')`,
			t.ID, monthStart, monthStart.AddDate(0, 1, 0))
		b.Queue(`SELECT u.id::text, u.email, u.name FROM shared.users u WHERE u.tenant_id = $1::uuid AND u.role = 'TENANT_OWNER'
			ORDER BY u.created_at LIMIT 1`, t.ID)
		b.Queue(`SELECT domain, is_primary, is_custom, verified_at IS NOT NULL FROM shared.domains WHERE tenant_id = $1::uuid
			ORDER BY is_primary DESC, domain`, t.ID)
		br := tx.SendBatch(ctx, b)
		defer br.Close()
		u := &d.Usage
		if err := br.QueryRow().Scan(&u.Users, &d.LastActivity, &u.Resources, &u.Services, &u.AppointmentsThisMonth); err != nil {
			return err
		}
		d.Users = u.Users
		var o platform.Owner
		switch err := br.QueryRow().Scan(&o.ID, &o.Email, &o.Name); {
		case err == nil:
			d.Owner = &o
		case err != pgx.ErrNoRows:
			return err
		}
		rows, err := br.Query()
		if err != nil {
			return err
		}
		d.Domains, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (tenancy.Domain, error) {
			dm := tenancy.Domain{TenantID: t.ID}
			return dm, r.Scan(&dm.Domain, &dm.Primary, &dm.Custom, &dm.Verified)
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	d.Entitlements, err = s.Platform.Entitlements(ctx, t.ID, t.Plan)
	return d, err
}

// UpdateBusiness applies a console edit; an unknown plan is Invalid on
// plan.
func (s *PlatformAdmin) UpdateBusiness(ctx context.Context, id string, c platform.BusinessChange, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.tenants SET name = coalesce($2, name), plan = coalesce($3, plan),
				primary_color = coalesce($4, primary_color), secondary_color = coalesce($5, secondary_color),
				logo_url = coalesce($6, logo_url), timezone = coalesce($7, timezone), updated_at = now()
			WHERE id = $1::uuid`, id, c.Name, c.Plan, c.PrimaryColor, c.SecondaryColor, c.LogoURL, c.TimeZone)
		if err != nil {
			return mapTenantErr(err, "")
		}
		if tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no business %q", id)
		}
		return nil
	})
}

// Provision creates a business with its owner or owner invitation, its
// overrides and (for demos) its demo data, and writes p.Audit, in one
// tenant transaction.
func (s *PlatformAdmin) Provision(ctx context.Context, p platform.Provisioning) error {
	return s.DB.inTenantAudited(ctx, p.Tenant.Schema, p.Audit, func(tx pgx.Tx) error {
		return s.provision(ctx, tx, p)
	})
}

func (s *PlatformAdmin) provision(ctx context.Context, tx pgx.Tx, p platform.Provisioning) error {
	t := p.Tenant
	if err := s.Tenants.CreateInTx(ctx, tx, t, p.Domain); err != nil {
		return mapTenantErr(err, t.Slug)
	}
	if p.Owner != nil {
		p.Owner.TenantID = &t.ID
		if err := insertUser(ctx, tx, p.Owner); err != nil {
			return mapUserErr(err, p.Owner.Email)
		}
	}
	if inv := p.OwnerInvitation; inv != nil {
		inv.TenantID = &t.ID
		if _, err := tx.Exec(ctx, `INSERT INTO shared.invitations (id, token_hash, tenant_id, email, role, name, invited_by, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, inv.ID, p.InvitationHash, t.ID, inv.Email, string(inv.Role), inv.Name,
			nullUUID(inv.InvitedBy), inv.CreatedAt, inv.ExpiresAt); err != nil {
			return err
		}
	}
	if o := p.Overrides; o != nil && (len(o.Limits) > 0 || len(o.Features) > 0) {
		if _, err := tx.Exec(ctx, `INSERT INTO shared.tenant_overrides (tenant_id, limits, features) VALUES ($1, $2, $3)`,
			t.ID, jsonObject(o.Limits), jsonObject(o.Features)); err != nil {
			return err
		}
	}
	if p.DemoData {
		return fillDemo(ctx, tx, t)
	}
	return nil
}

// Purgeable lists deleted businesses deleted before t, and deleted demos.
func (s *PlatformAdmin) Purgeable(ctx context.Context, before time.Time) ([]tenancy.Tenant, error) {
	return s.tenants(ctx, "t.status = 'deleted' AND (t.deleted_at < $1 OR t.is_demo)", before)
}

// ExpiredDemos lists live demo businesses whose expiry is before t.
func (s *PlatformAdmin) ExpiredDemos(ctx context.Context, before time.Time) ([]tenancy.Tenant, error) {
	return s.tenants(ctx, "t.is_demo AND t.status <> 'deleted' AND t.expires_at < $1", before)
}

func (s *PlatformAdmin) tenants(ctx context.Context, cond string, args ...any) ([]tenancy.Tenant, error) {
	rows, err := s.DB.Pool.Query(ctx, "SELECT "+tenantColumns+" FROM shared.tenants t WHERE "+cond+" ORDER BY t.created_at", args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (tenancy.Tenant, error) {
		t, err := scanTenant(r)
		if err != nil {
			return tenancy.Tenant{}, err
		}
		return *t, nil
	})
}

// DeletePlan removes a plan that no business or invitation uses.
func (s *PlatformAdmin) DeletePlan(ctx context.Context, key string, events ...audit.Event) error {
	err := s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "DELETE FROM shared.plans WHERE key = $1", key)
		if err == nil && tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "no plan %q", key)
		}
		return err
	})
	if pgCode(err) == sqlForeignKey {
		var n int
		_ = s.DB.Pool.QueryRow(ctx, "SELECT count(*)::int FROM shared.tenants WHERE plan = $1", key).Scan(&n)
		return errs.E(errs.Conflict, "plan %q is in use by %d businesses (or a pending invitation); move them to another plan first", key, n).With("businesses", n)
	}
	return err
}
