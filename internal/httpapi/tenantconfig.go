package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TenantConfig is the public face of a business: what its booking site and
// login page need before anyone signs in.
type TenantConfig struct {
	ID                         string `json:"id"`
	Name                       string `json:"name"`
	Subdomain                  string `json:"subdomain"`
	PrimaryColor               string `json:"primaryColor"`
	SecondaryColor             string `json:"secondaryColor"`
	LogoURL                    string `json:"logoUrl"`
	Timezone                   string `json:"timezone"`
	Status                     string `json:"status"`
	Plan                       string `json:"plan"`
	IsDemo                     bool   `json:"isDemo"`
	ResourcesCanReschedule     bool   `json:"resourcesCanReschedule"`
	RequirePaymentMethodToBook bool   `json:"requirePaymentMethodToBook"`
	CancellationWindowHours    int    `json:"cancellationWindowHours"`
	LateCancellationFeePercent int    `json:"lateCancellationFeePercent"`
}

func tenantConfigOf(t *tenancy.Tenant) TenantConfig {
	return TenantConfig{
		ID: t.ID, Name: t.Name, Subdomain: t.Slug, PrimaryColor: t.PrimaryColor, SecondaryColor: t.SecondaryColor,
		LogoURL: t.LogoURL, Timezone: t.TimeZone, Status: string(t.Status), Plan: t.Plan, IsDemo: t.IsDemo,
		ResourcesCanReschedule:     t.Policies.ResourcesCanReschedule,
		RequirePaymentMethodToBook: t.Policies.RequirePaymentMethodToBook,
		CancellationWindowHours:    t.Policies.CancellationWindowHours,
		LateCancellationFeePercent: t.Policies.LateCancellationFeePercent,
	}
}

type tenantConfigOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         TenantConfig
}

// tenantConfig answers from the host resolver's cache: the tenant row was
// read (and is kept fresh by database notifications) when the host was
// resolved, so this needs no query of its own.
func (s *Server) tenantConfig(ctx context.Context, _ *struct{}) (*tenantConfigOut, error) {
	t := tenancy.TenantFrom(ctx)
	return &tenantConfigOut{CacheControl: "no-cache", Body: tenantConfigOf(t)}, nil
}
