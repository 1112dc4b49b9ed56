package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// LinkCustomer links an existing CUSTOMER login with a verified email to
// its tenant's customer record, in one transaction (see linkCustomer); an
// unverified one is left alone.
func (s *Identity) LinkCustomer(ctx context.Context, a *identity.Account) error {
	return s.DB.InShared(ctx, func(tx pgx.Tx) error { return linkCustomer(ctx, tx, a) })
}

// linkCustomer links CUSTOMER login a, in tx, to its tenant's customer
// record: the one already naming the login (customers.user_id), else the
// one with its email, created (name and email) when there is none. Both
// sides are set: customers.user_id and users.customer_id. A record of that
// email already linked to another login is left alone and a.CustomerID
// stays "". Other users are not touched.
func linkCustomer(ctx context.Context, tx pgx.Tx, a *identity.Account) error {
	if a.Role != access.Customer || a.TenantID == nil || a.Unverified {
		return nil
	}
	customers, err := tenantTable(ctx, tx, *a.TenantID, "customers")
	if err != nil {
		return err
	}
	var id string
	var owner *string
	err = tx.QueryRow(ctx, `SELECT id::text, user_id::text FROM `+customers+` WHERE user_id = $1`, a.ID).Scan(&id, &owner)
	if err == pgx.ErrNoRows {
		if _, err := tx.Exec(ctx, `INSERT INTO `+customers+` (id, name, email) VALUES ($1, $2, $3)
			ON CONFLICT (lower(email)) WHERE email <> '' DO NOTHING`, uuid.NewString(), a.Name, a.Email); err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `SELECT id::text, user_id::text FROM `+customers+` WHERE lower(email) = lower($1) FOR UPDATE`,
			a.Email).Scan(&id, &owner)
	}
	if err != nil {
		return err
	}
	if owner != nil && *owner != a.ID {
		return nil
	}
	b := &pgx.Batch{}
	b.Queue(`UPDATE `+customers+` SET user_id = $2, updated_at = now() WHERE id = $1 AND user_id IS NULL`, id, a.ID)
	b.Queue(`UPDATE shared.users SET customer_id = $2 WHERE id = $1::uuid`, a.ID, id)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	a.CustomerID = id
	return nil
}

// ownCustomer gives CUSTOMER login a, whose email nobody verified yet, a
// customer record of its own, in tx: its name, no email (so that nothing
// keyed by email — a staff lookup, an anonymous booking — ever lands on
// it) and linked both ways. Its bookings are its own; the business's
// record with that email is not touched (see claimCustomer).
func ownCustomer(ctx context.Context, tx pgx.Tx, a *identity.Account) error {
	if a.Role != access.Customer || a.TenantID == nil {
		return nil
	}
	customers, err := tenantTable(ctx, tx, *a.TenantID, "customers")
	if err != nil {
		return err
	}
	id := uuid.NewString()
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO `+customers+` (id, name, email, user_id) VALUES ($1, $2, '', $3)`, id, a.Name, a.ID)
	b.Queue(`UPDATE shared.users SET customer_id = $2 WHERE id = $1::uuid`, a.ID, id)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	a.CustomerID = id
	return nil
}

// claimCustomer links CUSTOMER login a, whose email was just verified, to
// the business's customer record with that email, in tx. The login's own
// record (a.CustomerID, made by ownCustomer) is merged into it: its
// appointments move over and it is deleted. With no record of that email,
// the login's own record takes the email; with one already linked to
// another login, the login keeps its own record.
func claimCustomer(ctx context.Context, tx pgx.Tx, a *identity.Account) error {
	if a.Role != access.Customer || a.TenantID == nil {
		return nil
	}
	if a.CustomerID == "" {
		return linkCustomer(ctx, tx, a)
	}
	customers, err := tenantTable(ctx, tx, *a.TenantID, "customers")
	if err != nil {
		return err
	}
	appointments, err := tenantTable(ctx, tx, *a.TenantID, "appointments")
	if err != nil {
		return err
	}
	own := a.CustomerID
	var id string
	var owner *string
	err = tx.QueryRow(ctx, `SELECT id::text, user_id::text FROM `+customers+` WHERE lower(email) = lower($1) AND email <> '' FOR UPDATE`,
		a.Email).Scan(&id, &owner)
	switch {
	case err == pgx.ErrNoRows:
		_, err := tx.Exec(ctx, `UPDATE `+customers+` SET email = $2, updated_at = now() WHERE id = $1`, own, a.Email)
		return err
	case err != nil:
		return err
	case id == own || (owner != nil && *owner != a.ID):
		return nil
	}
	b := &pgx.Batch{}
	b.Queue(`UPDATE `+appointments+` SET customer_id = $2 WHERE customer_id = $1`, own, id)
	b.Queue(`UPDATE `+customers+` SET user_id = NULL WHERE id = $1`, own)
	b.Queue(`UPDATE `+customers+` c SET user_id = $3, total_spend = c.total_spend + o.total_spend,
			last_visit_at = greatest(c.last_visit_at, o.last_visit_at), updated_at = now()
		FROM `+customers+` o WHERE c.id = $1 AND o.id = $2`, id, own, a.ID)
	b.Queue(`DELETE FROM `+customers+` WHERE id = $1`, own)
	b.Queue(`UPDATE shared.users SET customer_id = $2 WHERE id = $1::uuid`, a.ID, id)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	a.CustomerID = id
	return nil
}

// CreateEmailVerification stores a verification link for the user unless
// one was made in the last minute (false: none made).
func (s *Identity) CreateEmailVerification(ctx context.Context, hash []byte, userID string, expires, now time.Time) (bool, error) {
	tag, err := s.DB.Pool.Exec(ctx, `INSERT INTO shared.email_verifications (token_hash, user_id, created_at, expires_at)
		SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM shared.email_verifications
			WHERE user_id = $2::uuid AND created_at > $3::timestamptz - interval '1 minute')`, hash, userID, now, expires)
	return err == nil && tag.RowsAffected() == 1, err
}

// VerifyEmail consumes an unused, unexpired link of a user of the site
// tenantID, marks the email verified and claims the customer record with
// that email (claimCustomer), in one transaction with events.
func (s *Identity) VerifyEmail(ctx context.Context, hash []byte, tenantID *string, now time.Time, events ...func(*identity.Account) audit.Event) (*identity.Account, error) {
	var a *identity.Account
	err := s.DB.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		var userID string
		err := tx.QueryRow(ctx, `UPDATE shared.email_verifications v SET used_at = $3 FROM shared.users u
			WHERE v.token_hash = $1 AND v.used_at IS NULL AND v.expires_at > $3 AND u.id = v.user_id
				AND u.tenant_id IS NOT DISTINCT FROM $2::uuid
			RETURNING v.user_id::text`, hash, tenantID, now).Scan(&userID)
		if err != nil {
			return notFoundf(err, "no such verification link")
		}
		if a, err = scanAccount(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM shared.users u WHERE u.id = $1::uuid FOR UPDATE`, userID)); err != nil {
			return err
		}
		if !a.Unverified {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE shared.users SET email_verified_at = $2, updated_at = $2 WHERE id = $1::uuid`, userID, now); err != nil {
			return err
		}
		a.Unverified = false
		if err := claimCustomer(ctx, tx, a); err != nil {
			return err
		}
		for _, e := range events {
			if err := w.write(ctx, e(a)); err != nil {
				return err
			}
		}
		return nil
	})
	return a, err
}

// tenantTable is the schema-qualified, quoted name of a tenant's table,
// for statements that reach into a tenant from a shared transaction.
func tenantTable(ctx context.Context, tx pgx.Tx, tenantID, table string) (string, error) {
	var schema string
	if err := tx.QueryRow(ctx, `SELECT schema_name FROM shared.tenants WHERE id = $1::uuid`, tenantID).Scan(&schema); err != nil {
		return "", notFoundf(err, "no tenant %q", tenantID)
	}
	if !ValidSchema(schema) {
		return "", fmt.Errorf("tenant %s has an invalid schema name %q", tenantID, schema)
	}
	return pgx.Identifier{schema, table}.Sanitize(), nil
}
