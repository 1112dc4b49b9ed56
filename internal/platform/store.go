package platform

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/audit"
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

// EntitlementsReader loads a tenant's plan, its overrides and every plan in
// one round trip. The platform store reads on a connection of its own; a
// unit of work's repository reads inside its transaction.
type EntitlementsReader interface {
	Entitlements(ctx context.Context, tenantID, plan string) (Entitlements, error)
}

// Store keeps plans, overrides, settings, and answers the metrics queries.
// Methods that change something take the audit events recording the change
// and write them in the same transaction.
type Store interface {
	Plans(ctx context.Context) ([]Plan, error)
	SavePlan(ctx context.Context, p Plan, events ...audit.Event) error
	EntitlementsReader
	SetOverrides(ctx context.Context, tenantID string, o Overrides, events ...audit.Event) error
	Settings(ctx context.Context) (Settings, error)
	SaveSettings(ctx context.Context, s Settings, events ...audit.Event) error
	Metrics(ctx context.Context, from, to time.Time) (Metrics, error)
}
