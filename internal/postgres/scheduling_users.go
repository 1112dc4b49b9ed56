package postgres

import (
	"context"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// The logins a tenant's rows may link to (resources.user_id,
// customers.user_id): users of that business in the given roles. There is
// no foreign key across schemas, so the store checks, in the writing
// transaction.
var (
	staffRoles    = []string{"TENANT_OWNER", "TENANT_MANAGER", "TENANT_STAFF"}
	customerRoles = []string{"CUSTOMER"}
)

// checkLinkedUser refuses a userId that is not a user of the unit of work's business
// with one of roles (another tenant's user, a platform user, a wrong role or
// no user at all), naming field. table and id locate the row being
// updated ("" on insert): a link left unchanged is not checked again.
func (r *repo) checkLinkedUser(ctx context.Context, userID *string, roles []string, what, table, id string) error {
	if userID == nil {
		return nil
	}
	if u, err := uuid.Parse(*userID); err != nil || u.String() != *userID {
		return errs.Field("userId", "userId %q is not a valid id", *userID)
	}
	if id != "" {
		var cur *string
		err := r.tx.QueryRow(ctx, `SELECT user_id::text FROM `+table+` WHERE id = $1`, id).Scan(&cur)
		if err == nil && cur != nil && *cur == *userID {
			return nil
		}
	}
	var ok bool
	err := r.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM shared.users WHERE id = $1::uuid AND tenant_id = $2::uuid AND role = ANY($3))`,
		*userID, r.tenantID, roles).Scan(&ok)
	if err != nil {
		return err
	}
	if !ok {
		return errs.Field("userId", "userId %s is not a %s of this business", *userID, what)
	}
	return nil
}
