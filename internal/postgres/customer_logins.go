package postgres

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// LinkCustomer links an existing CUSTOMER login to its tenant's customer
// record, in one transaction (see linkCustomer).
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
	if a.Role != access.Customer || a.TenantID == nil {
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
