package postgres

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

const resourceColumns = `r.id::text, r.name, r.type, r.user_id::text, r.timezone, r.capacity, r.is_active, r.own_hours,
	COALESCE((SELECT array_agg(h.day_of_week || ' ' || to_char(h.open_time, 'HH24:MI') || ' ' ||
		CASE WHEN h.close_time = '24:00' THEN '24:00' ELSE to_char(h.close_time, 'HH24:MI') END ORDER BY h.day_of_week, h.open_time)
		FROM resource_hours h WHERE h.resource_id = r.id), '{}')`

func scanResource(row pgx.Row) (*scheduling.Resource, error) {
	var r scheduling.Resource
	var typ string
	var own bool
	var hours []string
	if err := row.Scan(&r.ID, &r.Name, &typ, &r.UserID, &r.TimeZone, &r.Capacity, &r.IsActive, &own, &hours); err != nil {
		return nil, err
	}
	r.Type = scheduling.ResourceType(typ)
	if own {
		r.Hours = parseWeek(hours)
	}
	return &r, nil
}

// parseWeek reads "day HH:MM HH:MM" strings.
func parseWeek(rows []string) []scheduling.WeeklyInterval {
	out := make([]scheduling.WeeklyInterval, 0, len(rows))
	for _, s := range rows {
		if len(s) < 13 {
			continue
		}
		out = append(out, scheduling.WeeklyInterval{DayOfWeek: scheduling.Weekday(s[0] - '0'), Open: clock(s[2:7]), Close: clock(s[8:13])})
	}
	return out
}

func (r *repo) ListResources(ctx context.Context, activeOnly bool) ([]scheduling.Resource, error) {
	rows, err := r.tx.Query(ctx, `SELECT `+resourceColumns+` FROM resources r WHERE r.is_active OR NOT $1 ORDER BY r.name, r.id`, activeOnly)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanResource)
}

func (r *repo) GetResource(ctx context.Context, id string) (*scheduling.Resource, error) {
	res, err := scanResource(r.tx.QueryRow(ctx, `SELECT `+resourceColumns+` FROM resources r WHERE r.id = $1`, id))
	return res, notFound(err, "resource", id)
}

func (r *repo) CreateResource(ctx context.Context, res *scheduling.Resource) error {
	if err := r.checkLinkedUser(ctx, res.UserID, staffRoles, "staff member", "resources", ""); err != nil {
		return err
	}
	res.ID = uuid.NewString()
	_, err := r.tx.Exec(ctx, `INSERT INTO resources (id, name, type, user_id, timezone, capacity, is_active, own_hours)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		res.ID, res.Name, string(res.Type), res.UserID, res.TimeZone, res.Capacity, res.IsActive, res.Hours != nil)
	if err != nil {
		return resourceErr(err)
	}
	return r.setResourceHours(ctx, res)
}

func (r *repo) UpdateResource(ctx context.Context, res *scheduling.Resource) error {
	if err := r.checkLinkedUser(ctx, res.UserID, staffRoles, "staff member", "resources", res.ID); err != nil {
		return err
	}
	tag, err := r.tx.Exec(ctx, `UPDATE resources SET name = $2, type = $3, user_id = $4, timezone = $5, capacity = $6,
		is_active = $7, own_hours = $8, updated_at = now() WHERE id = $1`,
		res.ID, res.Name, string(res.Type), res.UserID, res.TimeZone, res.Capacity, res.IsActive, res.Hours != nil)
	if err != nil {
		return resourceErr(err)
	}
	if err := affected(tag.RowsAffected(), nil, "resource", res.ID); err != nil {
		return err
	}
	return r.setResourceHours(ctx, res)
}

func (r *repo) setResourceHours(ctx context.Context, res *scheduling.Resource) error {
	b := &pgx.Batch{}
	b.Queue(`DELETE FROM resource_hours WHERE resource_id = $1`, res.ID)
	for _, h := range res.Hours {
		b.Queue(`INSERT INTO resource_hours (resource_id, day_of_week, open_time, close_time) VALUES ($1, $2, $3, $4)`,
			res.ID, int(h.DayOfWeek), timeArg(h.Open), timeArg(h.Close))
	}
	return r.tx.SendBatch(ctx, b).Close()
}

// DeleteResource removes a resource with no appointments; one that has
// history is deactivated instead (isActive: false), so records stay whole.
func (r *repo) DeleteResource(ctx context.Context, id string) error {
	tag, err := r.tx.Exec(ctx, `DELETE FROM resources WHERE id = $1`, id)
	if pgCode(err) == sqlForeignKey {
		return errs.E(errs.Conflict, "resource %s has appointments; deactivate it (isActive: false) instead of deleting it", id)
	}
	return affected(tag.RowsAffected(), err, "resource", id)
}

func resourceErr(err error) error {
	if pgCode(err) == sqlUniqueViolation && constraintOf(err) == "resources_user" {
		return errs.Field("userId", "this user is already linked to another resource")
	}
	return err
}

// collect scans every row with scan.
func collect[T any](rows pgx.Rows, scan func(pgx.Row) (*T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *v)
	}
	return out, rows.Err()
}
