package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// BusinessSettings are a business's own settings.
type BusinessSettings struct {
	Name                       string `json:"name"`
	PrimaryColor               string `json:"primaryColor"`
	SecondaryColor             string `json:"secondaryColor"`
	LogoURL                    string `json:"logoUrl"`
	Timezone                   string `json:"timezone"`
	ResourcesCanReschedule     bool   `json:"resourcesCanReschedule"`
	RequirePaymentMethodToBook bool   `json:"requirePaymentMethodToBook" doc:"no payments integration yet: a paymentMethodId given at booking is recorded and its presence checked"`
	CancellationWindowHours    int    `json:"cancellationWindowHours"`
	LateCancellationFeePercent int    `json:"lateCancellationFeePercent"`
	PlatformApprovalRequired   bool   `json:"platformApprovalRequired" doc:"platform support may masquerade into this business only while the owner approves (see /api/support-access/)"`
}

// SettingsPatch changes some settings.
type SettingsPatch struct {
	Name                       *string `json:"name,omitempty"`
	PrimaryColor               *string `json:"primaryColor,omitempty"`
	SecondaryColor             *string `json:"secondaryColor,omitempty"`
	LogoURL                    *string `json:"logoUrl,omitempty"`
	Timezone                   *string `json:"timezone,omitempty"`
	ResourcesCanReschedule     *bool   `json:"resourcesCanReschedule,omitempty"`
	RequirePaymentMethodToBook *bool   `json:"requirePaymentMethodToBook,omitempty"`
	CancellationWindowHours    *int    `json:"cancellationWindowHours,omitempty"`
	LateCancellationFeePercent *int    `json:"lateCancellationFeePercent,omitempty"`
	PlatformApprovalRequired   *bool   `json:"platformApprovalRequired,omitempty" doc:"refused here (400): change it with PUT /api/support-access/policy/, which needs support.approve and is audited"`
}

func settingsOf(t *tenancy.Tenant) BusinessSettings {
	return BusinessSettings{Name: t.Name, PrimaryColor: t.PrimaryColor, SecondaryColor: t.SecondaryColor, LogoURL: t.LogoURL,
		Timezone: t.TimeZone, ResourcesCanReschedule: t.Policies.ResourcesCanReschedule,
		RequirePaymentMethodToBook: t.Policies.RequirePaymentMethodToBook,
		CancellationWindowHours:    t.Policies.CancellationWindowHours, LateCancellationFeePercent: t.Policies.LateCancellationFeePercent,
		PlatformApprovalRequired: t.ApprovalRequired}
}

func (s *Server) getSettings(ctx context.Context, _ *struct{}) (*struct{ Body BusinessSettings }, error) {
	return &struct{ Body BusinessSettings }{settingsOf(tenancy.TenantFrom(ctx))}, nil
}

// patchSettings saves the fields the body sets (and only those); this
// process's host cache is dropped at once, other processes hear of it
// through the tenants trigger. platformApprovalRequired has its own route.
func (s *Server) patchSettings(ctx context.Context, in *struct{ Body SettingsPatch }) (*struct{ Body BusinessSettings }, error) {
	b := in.Body
	if b.PlatformApprovalRequired != nil {
		return nil, errs.Field("body.platformApprovalRequired",
			"platformApprovalRequired is changed only with PUT /api/support-access/policy/ (needs support.approve; audited)")
	}
	u := tenancy.SettingsUpdate{Name: b.Name, PrimaryColor: b.PrimaryColor, SecondaryColor: b.SecondaryColor, LogoURL: b.LogoURL,
		TimeZone: b.Timezone, ResourcesCanReschedule: b.ResourcesCanReschedule, RequirePaymentMethodToBook: b.RequirePaymentMethodToBook,
		CancellationWindowHours: b.CancellationWindowHours, LateCancellationFeePercent: b.LateCancellationFeePercent}
	t, err := tenancy.SaveSettings(ctx, s.Settings, tenancy.TenantFrom(ctx).ID, u)
	if err != nil {
		return nil, err
	}
	s.Resolver.Invalidate()
	return &struct{ Body BusinessSettings }{settingsOf(t)}, nil
}
