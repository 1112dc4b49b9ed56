package app

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/support"
)

// openPlatform builds platform administration (plans, the console, demos)
// and the support desk on top of tenancy and identity.
func (a *App) openPlatform() {
	a.Platform = &postgres.Platform{DB: a.DB}
	a.Admin = &platform.Admin{
		Store: a.Platform, Admin: &postgres.PlatformAdmin{DB: a.DB, Tenants: a.Tenants, Platform: a.Platform},
		Tenancy: a.Tenancy, Users: a.Users, Mailer: a.Identity.Mailer, Audit: a.Identity.Audit, Log: a.Log, Now: a.Now,
		URL: a.Config.URL, BaseDomain: a.Config.BaseDomain,
	}
	a.Support = &support.Service{Store: &postgres.Support{DB: a.DB}, Now: a.Now}
}

// DemoSweepInterval is how often serve soft-deletes expired demo businesses.
const DemoSweepInterval = time.Hour

// sweepDemos soft-deletes expired demo businesses now and every interval
// until ctx ends. Several serve processes may sweep at once: deleting a
// deleted business is a no-op.
func (a *App) sweepDemos(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		list, err := a.Admin.ExpireDemos(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			a.Log.Error("expired demos not cleaned up", "err", err)
		case len(list) > 0:
			a.Log.Info("expired demo businesses deleted", "count", len(list))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
