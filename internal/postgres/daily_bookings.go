package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// BumpDailyBookings adds n (negative to take back) to the appointments
// booked by tenantID on day (its UTC date), inside the booking's own
// transaction tx, so the platform metrics never count a booking that rolled
// back. Call it wherever an appointment is created (n = 1) or deleted
// before it happened (n = -1).
func BumpDailyBookings(ctx context.Context, tx pgx.Tx, tenantID string, day time.Time, n int) error {
	_, err := tx.Exec(ctx, `INSERT INTO shared.daily_bookings (day, tenant_id, booked) VALUES ($1, $2::uuid, $3)
		ON CONFLICT (day, tenant_id) DO UPDATE SET booked = shared.daily_bookings.booked + EXCLUDED.booked`,
		day.UTC().Format(time.DateOnly), tenantID, n)
	return err
}
