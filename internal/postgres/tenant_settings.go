package postgres

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

var _ tenancy.SettingsStore = (*Tenants)(nil)

// UpdateSettings saves a business's own settings. The tenants trigger
// notifies every serve process, whose host caches then reload the tenant.
func (s *Tenants) UpdateSettings(ctx context.Context, t *tenancy.Tenant) error {
	tag, err := s.DB.Pool.Exec(ctx, `UPDATE shared.tenants SET name = $2, primary_color = $3, secondary_color = $4, logo_url = $5,
		timezone = $6, resources_can_reschedule = $7, require_payment_method_to_book = $8, cancellation_window_hours = $9,
		late_cancellation_fee_percent = $10, platform_approval_required = $11, updated_at = now() WHERE id = $1 AND deleted_at IS NULL`,
		t.ID, t.Name, t.PrimaryColor, t.SecondaryColor, t.LogoURL, t.TimeZone, t.Policies.ResourcesCanReschedule,
		t.Policies.RequirePaymentMethodToBook, t.Policies.CancellationWindowHours, t.Policies.LateCancellationFeePercent,
		t.ApprovalRequired)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return errs.E(errs.NotFound, "business %s does not exist", t.ID)
	}
	return nil
}
