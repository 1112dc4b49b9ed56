package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// bookingsInWindow reads holds alone: a group class's session key
// ("class:<service>:<start>") names its service, so no join is needed.
// UUIDs travel in binary and are formatted by pgx, and the engine sorts per
// resource itself: casting 10,000 ids to text and sorting them in the query
// made it five times slower.
const bookingsInWindow = `SELECT ar.appointment_id, CASE WHEN ar.session LIKE 'class:%' THEN ar.session END,
		ar.resource_id, lower(ar.during), upper(ar.during)
	FROM appointment_resources ar
	WHERE ar.active AND ar.during && tstzrange($1, $2, '[)')`

// Inputs loads the engine's inputs in one round trip (a batch of five
// queries): hours, overrides, resources, and the blockers and bookings
// overlapping [from − margin, to + margin).
func (r *repo) Inputs(ctx context.Context, from, to time.Time, margin time.Duration) (scheduling.Inputs, error) {
	var in scheduling.Inputs
	var overrides []scheduling.OverrideRow
	lo, hi := from.Add(-margin), to.Add(margin)
	b := &pgx.Batch{}
	b.Queue(hoursSQL).Query(func(rows pgx.Rows) (err error) {
		in.BusinessHours, err = collect(rows, scanWeekly)
		return err
	})
	b.Queue(overrideSQL+` WHERE date BETWEEN $1::date - 2 AND $2::date + 2`, lo.UTC().Format(time.DateOnly), hi.UTC().Format(time.DateOnly)).
		Query(func(rows pgx.Rows) (err error) {
			overrides, err = collect(rows, scanOverride)
			return err
		})
	b.Queue(`SELECT ` + resourceColumns + ` FROM resources r ORDER BY r.name, r.id`).Query(func(rows pgx.Rows) (err error) {
		in.Resources, err = collect(rows, scanResource)
		return err
	})
	b.Queue(blockersInWindow, lo, hi, "").Query(func(rows pgx.Rows) (err error) {
		in.Blockers, err = collect(rows, scanBlocker)
		return err
	})
	b.Queue(bookingsInWindow, lo, hi).Query(func(rows pgx.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var bk scheduling.Booking
			var session *string
			if err := rows.Scan(&bk.AppointmentID, &session, &bk.ResourceID, &bk.Start, &bk.End); err != nil {
				return err
			}
			bk.Seats = 1
			if session == nil {
				in.Bookings = append(in.Bookings, bk)
				continue
			}
			if rest, ok := strings.CutPrefix(*session, classPrefix); ok {
				bk.Group = true
				bk.ServiceID, _, _ = strings.Cut(rest, ":")
			}
			in.Bookings = append(in.Bookings, bk)
		}
		return rows.Err()
	})
	if err := r.tx.SendBatch(ctx, b).Close(); err != nil {
		return in, err
	}
	in.Overrides = overridesOf(overrides)
	return in, nil
}
