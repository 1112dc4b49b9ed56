package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
)

const platformUserFrom = ` FROM shared.users u LEFT JOIN shared.tenants t ON t.id = u.tenant_id`

func scanUserRow(row pgx.Row) (platform.UserRow, error) {
	var r platform.UserRow
	var a identity.Account
	var role, status string
	if err := row.Scan(append(userDest(&a, &role, &status), &r.BusinessName, &r.BusinessSlug)...); err != nil {
		return r, err
	}
	a.Role, a.Status = access.Role(role), identity.Status(status)
	r.User = a.User
	return r, nil
}

// validUUIDText reports whether s is a UUID (checked before SQL casts).
func validUUIDText(s string) bool { _, err := uuid.Parse(s); return err == nil && len(s) == 36 }

// Users returns a page of users of the whole platform, by email, and the
// total matching. Search matches the email and the name (trigram indexes).
func (s *PlatformAdmin) Users(ctx context.Context, f platform.UserFilter) ([]platform.UserRow, int, error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if q := strings.TrimSpace(f.Search); q != "" {
		p := arg("%" + escapeLike(strings.ToLower(q)) + "%")
		where = append(where, "(u.email LIKE "+p+" OR lower(u.name) LIKE "+p+")")
	}
	if f.Role != "" {
		r, err := access.ParseRole(f.Role)
		if err != nil {
			return nil, 0, errs.Field("role", "unknown role %q", f.Role)
		}
		where = append(where, "u.role = "+arg(string(r)))
	}
	if f.BusinessID != "" {
		if !validUUIDText(f.BusinessID) {
			return nil, 0, errs.Field("business_id", "business_id must be a business id")
		}
		where = append(where, "u.tenant_id = "+arg(f.BusinessID)+"::uuid")
	}
	if f.Status != "" {
		if f.Status != "active" && f.Status != "disabled" {
			return nil, 0, errs.Field("status", "status must be active or disabled")
		}
		where = append(where, "u.status = "+arg(f.Status))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	countSQL, countArgs := "SELECT count(*)::int FROM shared.users u"+cond, append([]any(nil), args...)
	from := platformUserFrom
	if f.Search != "" {
		// Matches come from the trigram indexes, then are sorted: walking
		// the email index and filtering can read most of the table when
		// the matches sort late.
		from = ` FROM (WITH m AS MATERIALIZED (SELECT u.id FROM shared.users u` + cond + `)
			SELECT u.* FROM shared.users u JOIN m USING (id)) u LEFT JOIN shared.tenants t ON t.id = u.tenant_id`
		cond = ""
	}
	page := "SELECT " + userColumns + ", coalesce(t.name, ''), coalesce(t.slug, '')" + from + cond +
		" ORDER BY u.email, u.id LIMIT " + arg(max(f.Limit, 1)) + " OFFSET " + arg(f.Offset)
	return countedPage(ctx, s.DB, countSQL, countArgs, page, args,
		func(r pgx.CollectableRow) (platform.UserRow, error) { return scanUserRow(r) })
}

// User reads one user with its business.
func (s *PlatformAdmin) User(ctx context.Context, id string) (*platform.UserRow, error) {
	r, err := scanUserRow(s.DB.Pool.QueryRow(ctx, "SELECT "+userColumns+", coalesce(t.name, ''), coalesce(t.slug, '')"+
		platformUserFrom+" WHERE u.id = $1::uuid", id))
	if err != nil {
		return nil, notFoundf(err, "no user %q", id)
	}
	return &r, nil
}

// StaffSeats counts a business's staff users and pending staff invitations.
func (s *PlatformAdmin) StaffSeats(ctx context.Context, tenantID string) (int, error) {
	var n int
	err := s.DB.Pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM shared.users WHERE tenant_id = $1::uuid AND role <> 'CUSTOMER')
		+ (SELECT count(*) FROM shared.invitations WHERE tenant_id = $1::uuid AND role <> 'CUSTOMER'
			AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())`, tenantID).Scan(&n)
	return n, err
}
