package platform

import (
	"context"
	"time"
)

// Settings are the platform operator's choices.
type Settings struct {
	DefaultPlan        string
	TrialDays          int
	DemoDays           int
	BrandName          string
	SupportEmail       string
	RequirePlatformMFA bool
	UpdatedAt          time.Time
}

// Store keeps plans, overrides, settings, and answers the metrics queries.
type Store interface {
	Plans(ctx context.Context) ([]Plan, error)
	SavePlan(ctx context.Context, p Plan) error
	// Entitlements loads a tenant's plan, its overrides and every plan in
	// one round trip.
	Entitlements(ctx context.Context, tenantID, plan string) (Entitlements, error)
	SetOverrides(ctx context.Context, tenantID string, o Overrides) error
	Settings(ctx context.Context) (Settings, error)
	SaveSettings(ctx context.Context, s Settings) error
	Metrics(ctx context.Context, from, to time.Time) (Metrics, error)
}
