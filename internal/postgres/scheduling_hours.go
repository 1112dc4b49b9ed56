package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

const hoursSQL = `SELECT day_of_week, to_char(open_time, 'HH24:MI'),
	CASE WHEN close_time = '24:00' THEN '24:00' ELSE to_char(close_time, 'HH24:MI') END
	FROM business_hours ORDER BY day_of_week, open_time`

func scanWeekly(row pgx.Row) (*scheduling.WeeklyInterval, error) {
	var w scheduling.WeeklyInterval
	var day int
	var open, close string
	if err := row.Scan(&day, &open, &close); err != nil {
		return nil, err
	}
	w.DayOfWeek, w.Open, w.Close = scheduling.Weekday(day), clock(open), clock(close)
	return &w, nil
}

func (r *repo) BusinessHours(ctx context.Context) ([]scheduling.WeeklyInterval, error) {
	rows, err := r.tx.Query(ctx, hoursSQL)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanWeekly)
}

// SetBusinessHours replaces the week in one batch.
func (r *repo) SetBusinessHours(ctx context.Context, week []scheduling.WeeklyInterval) error {
	b := &pgx.Batch{}
	b.Queue(`DELETE FROM business_hours`)
	for _, w := range week {
		b.Queue(`INSERT INTO business_hours (day_of_week, open_time, close_time) VALUES ($1, $2, $3)`,
			int(w.DayOfWeek), timeArg(w.Open), timeArg(w.Close))
	}
	return r.tx.SendBatch(ctx, b).Close()
}

const overrideSQL = `SELECT id::text, resource_id::text, date, closed, COALESCE(to_char(open_time, 'HH24:MI'), ''),
	COALESCE(CASE WHEN close_time = '24:00' THEN '24:00' ELSE to_char(close_time, 'HH24:MI') END, ''), note
	FROM date_overrides`

func scanOverride(row pgx.Row) (*scheduling.OverrideRow, error) {
	var o scheduling.OverrideRow
	var d time.Time
	var open, close string
	if err := row.Scan(&o.ID, &o.ResourceID, &d, &o.Closed, &open, &close, &o.Note); err != nil {
		return nil, err
	}
	o.Date, o.Open, o.Close = scheduling.DateOf(d), clock(open), clock(close)
	return &o, nil
}

func (r *repo) ListOverrides(ctx context.Context) ([]scheduling.OverrideRow, error) {
	rows, err := r.tx.Query(ctx, overrideSQL+` ORDER BY date, resource_id NULLS FIRST, open_time NULLS FIRST`)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanOverride)
}

func (r *repo) CreateOverride(ctx context.Context, o *scheduling.OverrideRow) error {
	o.ID = uuid.NewString()
	var open, close *string
	if !o.Closed {
		a, b := timeArg(o.Open), timeArg(o.Close)
		open, close = &a, &b
	}
	_, err := r.tx.Exec(ctx, `INSERT INTO date_overrides (id, resource_id, date, closed, open_time, close_time, note)
		VALUES ($1, $2, $3::date, $4, $5, $6, $7)`, o.ID, o.ResourceID, o.Date.String(), o.Closed, open, close, o.Note)
	switch {
	case pgCode(err) == sqlUniqueViolation:
		return errs.E(errs.Conflict, "%s already has an override starting then", o.Date)
	case pgCode(err) == sqlForeignKey:
		return errs.Field("resourceId", "resource does not exist")
	}
	return err
}

func (r *repo) DeleteOverride(ctx context.Context, id string) error {
	tag, err := r.tx.Exec(ctx, `DELETE FROM date_overrides WHERE id = $1`, id)
	return affected(tag.RowsAffected(), err, "override", id)
}

// overridesOf groups stored rows into the engine's date overrides.
func overridesOf(rows []scheduling.OverrideRow) []scheduling.DateOverride {
	type key struct {
		res  string
		date scheduling.Date
	}
	index := map[key]int{}
	var out []scheduling.DateOverride
	for _, o := range rows {
		k := key{date: o.Date}
		if o.ResourceID != nil {
			k.res = *o.ResourceID
		}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, scheduling.DateOverride{ResourceID: o.ResourceID, Date: o.Date})
		}
		if o.Closed {
			out[i].Closed, out[i].Intervals = true, nil
		} else if !out[i].Closed {
			out[i].Intervals = append(out[i].Intervals, scheduling.TimeRange{Open: o.Open, Close: o.Close})
		}
	}
	return out
}
