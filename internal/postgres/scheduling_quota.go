package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// CountForQuota counts what a plan limits (appointments: those created this
// month that were not cancelled). Resources and services are
// counted after a transaction-scoped advisory lock keyed by the tenant's
// schema and the quota, so concurrent creations queue at the limit; the
// count is its own statement, so (in READ COMMITTED) it sees what the
// previous lock holder committed.
func (r *repo) CountForQuota(ctx context.Context, q scheduling.Quota, now time.Time) (int, error) {
	var table string
	switch q {
	case scheduling.QuotaResources:
		table = "resources"
	case scheduling.QuotaServices:
		table = "services"
	case scheduling.QuotaAppointmentsPerMonth:
		month := time.Date(now.UTC().Year(), now.UTC().Month(), 1, 0, 0, 0, 0, time.UTC)
		var n int
		err := r.tx.QueryRow(ctx, "SELECT count(*) FROM appointments WHERE created_at >= $1 AND status <> 'CANCELLED'", month).Scan(&n)
		return n, err
	default:
		return 0, fmt.Errorf("unknown quota %q", q)
	}
	if _, err := r.tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || $1, 0))", ":"+table); err != nil {
		return 0, err
	}
	var n int
	err := r.tx.QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}

// RecordBooking counts a booking in the platform's daily metrics.
func (r *repo) RecordBooking(ctx context.Context, at time.Time) error {
	return BumpDailyBookings(ctx, r.tx, r.tenantID, at, 1)
}
