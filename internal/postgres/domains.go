package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

var _ tenancy.DomainStore = (*Tenants)(nil)

const domainColumns = `d.domain, d.tenant_id::text, d.is_primary, d.is_custom, d.verification_token, d.verified_at, d.created_at`

func scanDomain(row pgx.Row) (*tenancy.DomainRecord, error) {
	var d tenancy.DomainRecord
	if err := row.Scan(&d.Domain, &d.TenantID, &d.Primary, &d.Custom, &d.Token, &d.VerifiedAt, &d.CreatedAt); err != nil {
		return nil, err
	}
	return &d, nil
}

// TenantDomains lists a tenant's domains, primary first.
func (s *Tenants) TenantDomains(ctx context.Context, tenantID string) ([]tenancy.DomainRecord, error) {
	rows, err := s.DB.Pool.Query(ctx, `SELECT `+domainColumns+` FROM shared.domains d
		WHERE d.tenant_id::text = $1 ORDER BY d.is_primary DESC, d.is_custom, d.created_at, d.domain`, tenantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []tenancy.DomainRecord{}
	for rows.Next() {
		d, err := scanDomain(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, rows.Err()
}

// AddCustomDomain inserts a pending custom domain. A per-tenant advisory
// lock makes the count and the insert atomic (two requests cannot take the
// last place); a stale unverified claim of the name by another tenant is
// dropped in the same transaction. events are written in it too.
func (s *Tenants) AddCustomDomain(ctx context.Context, d tenancy.DomainRecord, max int, staleBefore time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext('ss_domains:' || $1))", d.TenantID); err != nil {
			return err
		}
		var owner string
		var verified bool
		var created time.Time
		err := tx.QueryRow(ctx, `SELECT tenant_id::text, verified_at IS NOT NULL, created_at FROM shared.domains WHERE domain = $1 FOR UPDATE`,
			d.Domain).Scan(&owner, &verified, &created)
		switch {
		case err == nil && owner == d.TenantID:
			return conflictDomain("%s is already one of your domains", d.Domain)
		case err == nil && (verified || !created.Before(staleBefore)):
			return conflictDomain("%s is already in use by another business; if it is yours, contact support", d.Domain)
		case err == nil:
			if _, err := tx.Exec(ctx, `DELETE FROM shared.domains WHERE domain = $1 AND is_custom AND verified_at IS NULL`, d.Domain); err != nil {
				return err
			}
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM shared.domains WHERE tenant_id::text = $1 AND is_custom`, d.TenantID).Scan(&n); err != nil {
			return err
		}
		if n >= max {
			e := errs.Field("domain", "a business can have at most %d custom domains; remove one to add another", max).
				With("limit", "maxCustomDomains").With("allowed", max)
			e.Code = errs.LimitReached
			return e
		}
		_, err = tx.Exec(ctx, `INSERT INTO shared.domains (domain, tenant_id, is_primary, is_custom, verification_token, created_at)
			VALUES ($1, $2, false, true, $3, $4)`, d.Domain, d.TenantID, d.Token, d.CreatedAt)
		if pgCode(err) == sqlUniqueViolation {
			return conflictDomain("%s is already in use by another business; if it is yours, contact support", d.Domain)
		}
		return err
	})
}

func conflictDomain(format string, args ...any) error {
	e := errs.Field("domain", format, args...)
	e.Code = errs.Conflict
	return e
}

// TenantDomain finds one of a tenant's domains.
func (s *Tenants) TenantDomain(ctx context.Context, tenantID, domain string) (*tenancy.DomainRecord, error) {
	d, err := scanDomain(s.DB.Pool.QueryRow(ctx, `SELECT `+domainColumns+` FROM shared.domains d
		WHERE d.tenant_id::text = $1 AND d.domain = $2`, tenantID, domain))
	if err != nil {
		return nil, notFoundf(err, "%s is not one of this business's domains", domain)
	}
	return d, nil
}

// MarkDomainVerified stamps a domain verified (an earlier stamp is kept)
// and, when this call verified it, writes events in the same transaction.
// The domains trigger tells every process to drop its host cache.
func (s *Tenants) MarkDomainVerified(ctx context.Context, tenantID, domain string, at time.Time, events ...audit.Event) (*tenancy.DomainRecord, error) {
	var d *tenancy.DomainRecord
	err := s.DB.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		var err error
		d, err = scanDomain(tx.QueryRow(ctx, `UPDATE shared.domains d SET verified_at = $3
			WHERE d.tenant_id::text = $1 AND d.domain = $2 AND d.verified_at IS NULL RETURNING `+domainColumns, tenantID, domain, at))
		if err == nil {
			return w.write(ctx, events...)
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		d, err = scanDomain(tx.QueryRow(ctx, `SELECT `+domainColumns+` FROM shared.domains d
			WHERE d.tenant_id::text = $1 AND d.domain = $2`, tenantID, domain))
		return notFoundf(err, "%s is not one of this business's domains", domain)
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// RemoveCustomDomain deletes a custom, non-primary domain of a tenant and
// writes events in the same transaction.
func (s *Tenants) RemoveCustomDomain(ctx context.Context, tenantID, domain string, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM shared.domains WHERE tenant_id::text = $1 AND domain = $2 AND is_custom AND NOT is_primary`,
			tenantID, domain)
		if err == nil && tag.RowsAffected() == 0 {
			return errs.E(errs.NotFound, "%s is not a removable custom domain of this business", domain)
		}
		return err
	})
}
