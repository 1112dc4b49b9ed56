package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

var _ tenancy.SettingsStore = (*Tenants)(nil)

// UpdateSettings saves the fields u sets (a NULL parameter keeps the
// column as it is in the row, not as some process cached it) and answers
// the stored tenant. The tenants trigger notifies every serve process,
// whose host caches then reload the tenant.
func (s *Tenants) UpdateSettings(ctx context.Context, tenantID string, u tenancy.SettingsUpdate) (*tenancy.Tenant, error) {
	row := s.DB.Pool.QueryRow(ctx, `UPDATE shared.tenants t SET name = COALESCE($2, t.name),
		primary_color = COALESCE($3, t.primary_color), secondary_color = COALESCE($4, t.secondary_color),
		logo_url = COALESCE($5, t.logo_url), timezone = COALESCE($6, t.timezone),
		resources_can_reschedule = COALESCE($7, t.resources_can_reschedule),
		require_payment_method_to_book = COALESCE($8, t.require_payment_method_to_book),
		cancellation_window_hours = COALESCE($9, t.cancellation_window_hours),
		late_cancellation_fee_percent = COALESCE($10, t.late_cancellation_fee_percent), updated_at = now()
		WHERE t.id = $1 AND t.deleted_at IS NULL RETURNING `+tenantColumns,
		tenantID, u.Name, u.PrimaryColor, u.SecondaryColor, u.LogoURL, u.TimeZone, u.ResourcesCanReschedule,
		u.RequirePaymentMethodToBook, u.CancellationWindowHours, u.LateCancellationFeePercent)
	t, err := scanTenant(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, errs.E(errs.NotFound, "business %s does not exist", tenantID)
	}
	return t, err
}
