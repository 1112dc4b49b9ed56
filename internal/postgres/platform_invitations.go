package postgres

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
)

const businessInvitationColumns = `id::text, email, business_name, plan, overrides, coalesce(invited_by::text, ''),
	created_at, expires_at, accepted_at, revoked_at, coalesce(tenant_id::text, '')`

func scanBusinessInvitation(row pgx.Row) (*platform.BusinessInvitation, error) {
	var inv platform.BusinessInvitation
	var overrides []byte
	if err := row.Scan(&inv.ID, &inv.Email, &inv.BusinessName, &inv.Plan, &overrides, &inv.InvitedBy,
		&inv.CreatedAt, &inv.ExpiresAt, &inv.AcceptedAt, &inv.RevokedAt, &inv.TenantID); err != nil {
		return nil, err
	}
	if overrides != nil {
		var o struct {
			Limits   map[platform.Limit]*int   `json:"limits"`
			Features map[platform.Feature]bool `json:"features"`
		}
		if err := json.Unmarshal(overrides, &o); err != nil {
			return nil, err
		}
		inv.Overrides = &platform.Overrides{Limits: o.Limits, Features: o.Features}
	}
	return &inv, nil
}

// jsonObject marshals a map, rendering nil as {}.
func jsonObject(v any) []byte {
	b, _ := json.Marshal(v)
	return emptyObject(b)
}

// CreateBusinessInvitation inserts inv.
func (s *PlatformAdmin) CreateBusinessInvitation(ctx context.Context, inv *platform.BusinessInvitation, hash []byte, events ...audit.Event) error {
	var overrides []byte
	if o := inv.Overrides; o != nil {
		overrides = []byte(`{"limits":` + string(jsonObject(o.Limits)) + `,"features":` + string(jsonObject(o.Features)) + `}`)
	}
	err := s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO shared.business_invitations (id, token_hash, email, business_name, plan, overrides,
				invited_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			inv.ID, hash, inv.Email, inv.BusinessName, inv.Plan, overrides, nullUUID(inv.InvitedBy), inv.CreatedAt, inv.ExpiresAt)
		return err
	})
	if pgCode(err) == sqlForeignKey {
		return errs.Field("tier", "unknown tier %q: choose one of the platform's plans", inv.Plan)
	}
	return err
}

// BusinessInvitationByToken finds an invitation by its token's hash.
func (s *PlatformAdmin) BusinessInvitationByToken(ctx context.Context, hash []byte) (*platform.BusinessInvitation, error) {
	inv, err := scanBusinessInvitation(s.DB.Pool.QueryRow(ctx, "SELECT "+businessInvitationColumns+
		" FROM shared.business_invitations WHERE token_hash = $1", hash))
	return inv, notFoundf(err, "no such invitation")
}

// BusinessInvitationByID finds an invitation.
func (s *PlatformAdmin) BusinessInvitationByID(ctx context.Context, id string) (*platform.BusinessInvitation, error) {
	inv, err := scanBusinessInvitation(s.DB.Pool.QueryRow(ctx, "SELECT "+businessInvitationColumns+
		" FROM shared.business_invitations WHERE id = $1::uuid", id))
	return inv, notFoundf(err, "no business invitation %q", id)
}

// PendingBusinessInvitations lists invitations neither accepted nor revoked.
func (s *PlatformAdmin) PendingBusinessInvitations(ctx context.Context) ([]platform.BusinessInvitation, error) {
	rows, err := s.DB.Pool.Query(ctx, "SELECT "+businessInvitationColumns+` FROM shared.business_invitations
		WHERE accepted_at IS NULL AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1000`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (platform.BusinessInvitation, error) {
		inv, err := scanBusinessInvitation(r)
		if err != nil {
			return platform.BusinessInvitation{}, err
		}
		return *inv, nil
	})
}

// RenewBusinessInvitation replaces a pending invitation's token and expiry.
func (s *PlatformAdmin) RenewBusinessInvitation(ctx context.Context, id string, hash []byte, expires time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.business_invitations SET token_hash = $2, expires_at = $3
			WHERE id = $1::uuid AND accepted_at IS NULL AND revoked_at IS NULL`, id, hash, expires)
		if err == nil && tag.RowsAffected() == 0 {
			return errs.E(errs.Conflict, "this invitation was already accepted or revoked")
		}
		return err
	})
}

// RevokeBusinessInvitation withdraws a pending invitation.
func (s *PlatformAdmin) RevokeBusinessInvitation(ctx context.Context, id string, now time.Time, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE shared.business_invitations SET revoked_at = $2
			WHERE id = $1::uuid AND accepted_at IS NULL AND revoked_at IS NULL`, id, now)
		if err == nil && tag.RowsAffected() == 0 {
			return errs.E(errs.Conflict, "this invitation was already accepted or revoked")
		}
		return err
	})
}

// AcceptBusinessInvitation locks the pending invitation, provisions p and
// marks the invitation used, in one transaction. A concurrent acceptance
// waits on the row lock and then finds the invitation used (NotFound).
// p.Audit is written in the same transaction.
func (s *PlatformAdmin) AcceptBusinessInvitation(ctx context.Context, hash []byte, p platform.Provisioning, now time.Time) error {
	return s.DB.inTenantAudited(ctx, p.Tenant.Schema, p.Audit, func(tx pgx.Tx) error {
		var id string
		err := tx.QueryRow(ctx, `SELECT id::text FROM shared.business_invitations
			WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 FOR UPDATE`, hash, now).Scan(&id)
		if err != nil {
			return notFoundf(err, "this invitation is not valid, was already used or has expired")
		}
		if err := s.provision(ctx, tx, p); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE shared.business_invitations SET accepted_at = $2, tenant_id = $3 WHERE id = $1::uuid`, id, now, p.Tenant.ID)
		return err
	})
}
