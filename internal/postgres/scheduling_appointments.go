package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

const appointmentSelect = `SELECT a.id::text, a.customer_id::text, a.service_id::text, a.start_time, a.end_time, a.status, a.source,
	a.notes, a.buffer_before_minutes, a.buffer_after_minutes, a.price::text, a.currency, a.cancellation_fee::text,
	COALESCE(a.idempotency_key, ''), a.idempotency_hash, a.created_by::text, a.cancelled_at, a.created_at, a.updated_at,
	a.booker_name, a.booker_phone, a.payment_method_id, COALESCE(c.name, ''), c.user_id::text, COALESCE(s.name, ''), COALESCE(s.capacity, 1),
	COALESCE((SELECT array_agg(ar.resource_id::text ORDER BY ar.resource_id) FROM appointment_resources ar
		WHERE ar.appointment_id = a.id), '{}')
	FROM appointments a LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN services s ON s.id = a.service_id `

func scanAppointment(row pgx.Row) (*scheduling.Record, error) {
	var r scheduling.Record
	var customer, service *string
	var end time.Time
	var status, source, price, fee string
	var before, after, seats int
	if err := row.Scan(&r.ID, &customer, &service, &r.Start, &end, &status, &source, &r.Notes, &before, &after,
		&price, &r.Currency, &fee, &r.IdempotencyKey, &r.IdempotencyHash, &r.CreatedBy, &r.CancelledAt, &r.CreatedAt,
		&r.UpdatedAt, &r.BookerName, &r.BookerPhone, &r.PaymentMethodID, &r.CustomerName, &r.CustomerUserID, &r.ServiceName, &seats, &r.ResourceIDs); err != nil {
		return nil, err
	}
	if customer != nil {
		r.CustomerID = *customer
	}
	if service != nil {
		r.ServiceID = *service
	}
	r.Duration = end.Sub(r.Start)
	r.Status, r.Source = scheduling.Status(status), scheduling.Source(source)
	r.BufferBefore, r.BufferAfter = mins(before), mins(after)
	r.Price, r.CancellationFee = money(price), money(fee)
	if seats > 1 {
		r.GroupSeats = seats
	}
	return &r, nil
}

func (r *repo) ListAppointments(ctx context.Context, f scheduling.AppointmentFilter) ([]scheduling.Record, int, error) {
	statuses := make([]string, len(f.Statuses))
	for i, s := range f.Statuses {
		statuses[i] = string(s)
	}
	where := `WHERE ($1::timestamptz IS NULL OR a.end_time > $1) AND ($2::timestamptz IS NULL OR a.start_time < $2)
		AND (cardinality($3::uuid[]) = 0 OR EXISTS (SELECT 1 FROM appointment_resources ar
			WHERE ar.appointment_id = a.id AND ar.resource_id = ANY($3::uuid[])))
		AND (cardinality($4::text[]) = 0 OR a.status = ANY($4::text[]))
		AND ($5 = '' OR a.customer_id::text = $5) AND ($6 = '' OR a.service_id::text = $6)`
	args := []any{optTime(f.From), optTime(f.To), f.ResourceIDs, statuses, f.CustomerID, f.ServiceID}
	if f.ResourceIDs == nil {
		args[2] = []string{}
	}
	var total int
	if err := r.tx.QueryRow(ctx, `SELECT count(*) FROM appointments a `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := r.tx.Query(ctx, appointmentSelect+where+` ORDER BY a.start_time, a.id LIMIT $7 OFFSET $8`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	list, err := collect(rows, scanAppointment)
	return list, total, err
}

func (r *repo) GetAppointment(ctx context.Context, id string) (*scheduling.Record, error) {
	rec, err := scanAppointment(r.tx.QueryRow(ctx, appointmentSelect+`WHERE a.id = $1 FOR UPDATE OF a`, id))
	return rec, notFound(err, "appointment", id)
}

func (r *repo) AppointmentByIdempotencyKey(ctx context.Context, key string) (*scheduling.Record, error) {
	rec, err := scanAppointment(r.tx.QueryRow(ctx, appointmentSelect+`WHERE a.idempotency_key = $1`, key))
	return rec, notFound(err, "appointment with idempotency key", key)
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// CreateAppointment inserts the appointment and its holds.
func (r *repo) CreateAppointment(ctx context.Context, rec *scheduling.Record) error {
	rec.ID = uuid.NewString()
	err := r.tx.QueryRow(ctx, `INSERT INTO appointments (id, customer_id, service_id, start_time, end_time, status, source, notes,
		buffer_before_minutes, buffer_after_minutes, price, currency, cancellation_fee, idempotency_key, idempotency_hash, created_by,
		booker_name, booker_phone, payment_method_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::numeric, $12, $13::numeric, $14, $15, $16, $17, $18, $19)
		RETURNING created_at, updated_at`,
		rec.ID, optString(rec.CustomerID), optString(rec.ServiceID), rec.Start, rec.End(), string(rec.Status), string(rec.Source),
		rec.Notes, minutes(rec.BufferBefore), minutes(rec.BufferAfter), rec.Price.String(), rec.Currency, rec.CancellationFee.String(),
		optString(rec.IdempotencyKey), rec.IdempotencyHash, rec.CreatedBy, rec.BookerName, rec.BookerPhone,
		rec.PaymentMethodID).Scan(&rec.CreatedAt, &rec.UpdatedAt)
	if pgCode(err) == sqlUniqueViolation && strings.Contains(constraintOf(err), "idempotency") {
		return errs.E(errs.Conflict, "a request with this Idempotency-Key is being processed").With("idempotencyKeyTaken", true)
	}
	if err != nil {
		return err
	}
	return r.hold(ctx, rec)
}

// UpdateAppointment rewrites the appointment row and replaces its holds,
// in the caller's transaction: a move that collides with another
// appointment fails as a whole and leaves the old holds in place.
func (r *repo) UpdateAppointment(ctx context.Context, rec *scheduling.Record) error {
	err := r.tx.QueryRow(ctx, `UPDATE appointments SET customer_id = $2, start_time = $3, end_time = $4, status = $5, notes = $6,
		cancellation_fee = $7::numeric, cancelled_at = $8, updated_at = now() WHERE id = $1 RETURNING updated_at`,
		rec.ID, optString(rec.CustomerID), rec.Start, rec.End(), string(rec.Status), rec.Notes, rec.CancellationFee.String(),
		rec.CancelledAt).Scan(&rec.UpdatedAt)
	if err != nil {
		return notFound(err, "appointment", rec.ID)
	}
	if _, err := r.tx.Exec(ctx, `DELETE FROM appointment_resources WHERE appointment_id = $1`, rec.ID); err != nil {
		return err
	}
	return r.hold(ctx, rec)
}

func (r *repo) DeleteAppointment(ctx context.Context, id string) error {
	tag, err := r.tx.Exec(ctx, `DELETE FROM appointments WHERE id = $1`, id)
	return affected(tag.RowsAffected(), err, "appointment", id)
}

func (r *repo) LoadByResource(ctx context.Context, from, to time.Time) (map[string]int, error) {
	rows, err := r.tx.Query(ctx, `SELECT ar.resource_id::text, count(*) FROM appointment_resources ar
		JOIN appointments a ON a.id = ar.appointment_id
		WHERE ar.active AND a.start_time >= $1 AND a.start_time < $2 GROUP BY ar.resource_id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
