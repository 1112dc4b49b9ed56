package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

const blockerColumns = `id::text, resource_id::text, start_time, end_time, title, reason, rrule, repeat_until`

func scanBlocker(row pgx.Row) (*scheduling.Blocker, error) {
	var b scheduling.Blocker
	if err := row.Scan(&b.ID, &b.ResourceID, &b.Start, &b.End, &b.Title, &b.Reason, &b.RRule, &b.Until); err != nil {
		return nil, err
	}
	return &b, nil
}

// blockersInWindow selects blockers that may touch [$1, $2): one-off ones
// overlapping it, recurring ones whose series started before its end and
// has not ended before its start ($3 resource filter, ” for all).
const blockersInWindow = `SELECT ` + blockerColumns + ` FROM blockers
	WHERE ($1::timestamptz IS NULL OR CASE WHEN rrule = '' THEN end_time > $1 ELSE repeat_until IS NULL OR repeat_until + (end_time - start_time) > $1 END)
	  AND ($2::timestamptz IS NULL OR start_time < $2)
	  AND ($3 = '' OR resource_id::text = $3 OR resource_id IS NULL)
	ORDER BY start_time, id`

func (r *repo) ListBlockers(ctx context.Context, from, to time.Time, resourceID string) ([]scheduling.Blocker, error) {
	rows, err := r.tx.Query(ctx, blockersInWindow, optTime(from), optTime(to), resourceID)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanBlocker)
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func (r *repo) GetBlocker(ctx context.Context, id string) (*scheduling.Blocker, error) {
	b, err := scanBlocker(r.tx.QueryRow(ctx, `SELECT `+blockerColumns+` FROM blockers WHERE id = $1`, id))
	return b, notFound(err, "blocker", id)
}

func (r *repo) CreateBlocker(ctx context.Context, b *scheduling.Blocker) error {
	b.ID = uuid.NewString()
	_, err := r.tx.Exec(ctx, `INSERT INTO blockers (id, resource_id, start_time, end_time, title, reason, rrule, repeat_until)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, b.ID, b.ResourceID, b.Start, b.End, b.Title, b.Reason, b.RRule, b.Until)
	return blockerErr(err)
}

func (r *repo) UpdateBlocker(ctx context.Context, b *scheduling.Blocker) error {
	tag, err := r.tx.Exec(ctx, `UPDATE blockers SET resource_id = $2, start_time = $3, end_time = $4, title = $5, reason = $6,
		rrule = $7, repeat_until = $8, updated_at = now() WHERE id = $1`, b.ID, b.ResourceID, b.Start, b.End, b.Title, b.Reason, b.RRule, b.Until)
	if err != nil {
		return blockerErr(err)
	}
	return affected(tag.RowsAffected(), nil, "blocker", b.ID)
}

func (r *repo) DeleteBlocker(ctx context.Context, id string) error {
	tag, err := r.tx.Exec(ctx, `DELETE FROM blockers WHERE id = $1`, id)
	return affected(tag.RowsAffected(), err, "blocker", id)
}

func blockerErr(err error) error {
	if pgCode(err) == sqlForeignKey || pgCode(err) == sqlInvalidText {
		return &errs.Error{Code: errs.NotFound, Message: "resourceId names a resource that does not exist",
			Fields: []errs.FieldError{{Location: "resourceId", Message: "resource does not exist"}}}
	}
	return err
}
