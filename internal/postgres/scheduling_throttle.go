package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// CountBooking reserves one online booking for key under limit, in the
// booking's transaction, on the shared throttle table (key
// "booking:<tenant>:<key>"; failures is the count in the window and
// last_failure the window's start, so the identity clean-up forgets a row
// once its window is over). One conditional upsert takes the place only
// while the window has room: concurrent bookings queue on the row and
// cannot overshoot. It returns how long until the window ends when it is
// full (nothing taken), 0 when the place was taken.
func (r *repo) CountBooking(ctx context.Context, key string, limit scheduling.BookingLimit, now time.Time) (time.Duration, error) {
	key = "booking:" + r.tenantID + ":" + key
	var n int
	err := r.tx.QueryRow(ctx, `INSERT INTO shared.auth_throttle AS t (key, failures, last_failure) VALUES ($1, 1, $2)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN t.last_failure <= $3 THEN 1 ELSE t.failures + 1 END,
			last_failure = CASE WHEN t.last_failure <= $3 THEN $2 ELSE t.last_failure END
		WHERE t.last_failure <= $3 OR t.failures < $4
		RETURNING failures`, key, now, now.Add(-limit.Window), limit.Max).Scan(&n)
	if err == nil {
		return 0, nil
	}
	if err != pgx.ErrNoRows {
		return 0, err
	}
	var start time.Time // the window is full; the row is locked by the upsert
	if err := r.tx.QueryRow(ctx, `SELECT last_failure FROM shared.auth_throttle WHERE key = $1`, key).Scan(&start); err != nil {
		return 0, err
	}
	return max(start.Add(limit.Window).Sub(now), time.Second), nil
}
