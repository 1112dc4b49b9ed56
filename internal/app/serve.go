package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
	"github.com/smoothschedule/smoothschedule/web"
)

// shouldMigrate applies the MIGRATE setting: auto migrates only the private
// database, which no one else runs migrations for.
func (a *App) shouldMigrate() bool {
	switch a.Config.Migrate {
	case "true":
		return true
	case "false":
		return false
	}
	return a.Managed != nil
}

// PrepareSchemas migrates when allowed, and otherwise refuses to go on with
// schemas behind the binary: serving tenants whose tables lack columns this
// code uses would fail their requests one by one.
func (a *App) PrepareSchemas(ctx context.Context, out io.Writer) error {
	if a.shouldMigrate() {
		if err := a.MigrateShared(ctx); err != nil {
			return err
		}
		sum, err := a.DB.MigrateTenants(ctx, a.Migrations, a.Config.MigrateWorkers, nil)
		if sum.Migrated > 0 || err != nil {
			a.Log.Info("tenant schemas migrated", "migrated", sum.Migrated, "failed", sum.Failed, "at_head", sum.AtHead, "elapsed", sum.Elapsed)
		}
		return err
	}
	behind, err := a.DB.SharedBehind(ctx, a.Migrations)
	if err != nil {
		return err
	}
	if behind > 0 {
		return fmt.Errorf("the shared schema is %d migrations behind this binary: run `smoothschedule migrate` first, or start with --migrate=true", behind)
	}
	n, err := a.DB.TenantsBehind(ctx, a.Migrations)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%d tenant schemas are behind this binary: run `smoothschedule migrate` first, or start with --migrate=true", n)
	}
	return nil
}

// Handler builds the HTTP handler and the host resolver behind it.
func (a *App) Handler() (*httpapi.Server, *tenancy.Resolver) {
	res := &tenancy.Resolver{BaseDomain: a.Config.BaseDomain, Lookup: a.Tenants.ByHost}
	var m *httpapi.Metrics
	if a.Config.MetricsAddr != "" {
		a.registry, m = a.metrics()
	}
	srv := httpapi.New(httpapi.Deps{Metrics: m, Hub: &a.hub,
		Config: a.Config, Log: a.Log, Version: Version, DB: a.DB, Resolver: res, Web: web.Dist(), Now: a.Now,
		Identity: a.Identity, Auth: &httpapi.SessionAuth{Identity: a.Identity, Config: a.Config},
		Scheduling: a.Scheduling, Settings: a.Tenants,
		// Platform administration and support (issue 6).
		Platform: a.Platform, Admin: a.Admin, Support: a.Support,
		// Custom domains: verified through the system's DNS resolver.
		Domains: &tenancy.Domains{Store: a.Tenants, DNS: net.DefaultResolver, BaseDomain: a.Config.BaseDomain, Now: a.Now},
	})
	return srv, res
}

// Quotas applies business b's plan to scheduling's creations, reading the
// plan in the unit of work's own transaction (its repository is an
// EntitlementsReader): a booking never waits for a second connection while
// it holds one.
func Quotas(ctx context.Context, r scheduling.Repo, b scheduling.Business, q scheduling.Quota, count func() (int, error)) error {
	src, ok := r.(platform.EntitlementsReader)
	if !ok {
		return errs.E(errs.Internal, "scheduling's unit of work cannot read the business's plan")
	}
	return platform.Enforce(ctx, src, b.ID, b.Plan, platform.Limit(q), count)
}

// Serve runs the HTTP server until ctx ends, then shuts down gracefully:
// new connections stop, requests in flight get up to 15 seconds.
func (a *App) Serve(ctx context.Context, out io.Writer) error {
	if a.Config.Production() && a.Config.SMTPURL == "" {
		return errors.New("SMTP_URL is required in production mode: invitations and password resets must reach people (set SMTP_URL=smtp://user:password@host:587)")
	}
	if err := a.PrepareSchemas(ctx, out); err != nil {
		return err
	}
	srv, res := a.Handler()
	listenCtx, stopListen := context.WithCancel(ctx)
	defer stopListen()
	go a.DB.Listen(listenCtx, "ss_tenancy", a.Log, func(string) { res.Invalidate() })
	go a.DB.Listen(listenCtx, postgres.ScheduleChannel, a.Log, func(payload string) {
		if schema, e, ok := postgres.ScheduleEvent(payload); ok {
			a.hub.Publish(schema, e)
		}
	})
	go a.sweepDemos(listenCtx, DemoSweepInterval)
	go a.cleanUp(listenCtx, CleanupInterval)
	if a.registry != nil {
		if err := a.serveMetrics(listenCtx, a.registry); err != nil {
			return fmt.Errorf("metrics listener on %s: %w", a.Config.MetricsAddr, err)
		}
	}

	ln, err := net.Listen("tcp", a.Config.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server running? choose another with --addr)", a.Config.ListenAddr, err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		// A response is written within the request's deadline plus a margin
		// for slow clients (WebSockets clear it for themselves).
		WriteTimeout:   a.Config.RequestTimeout + 30*time.Second,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       nil,
	}
	a.printWelcome(ctx, out)
	errCh := make(chan error, 1)
	go func() { errCh <- hs.Serve(ln) }()

	var managedDone <-chan struct{}
	if a.Managed != nil {
		managedDone = a.Managed.Done()
	}
	select {
	case err := <-errCh:
		return err
	case <-managedDone:
		err = errors.New("the private PostgreSQL server stopped unexpectedly; see " + a.Config.DataDir + "/pg.log")
	case <-ctx.Done():
	}
	a.Log.Info("shutting down")
	shCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if e := hs.Shutdown(shCtx); e != nil && err == nil {
		err = e
	}
	return err
}

// printWelcome prints where to go, and who can log in, on start.
func (a *App) printWelcome(ctx context.Context, out io.Writer) {
	c := a.Config
	fmt.Fprintf(out, "\nSmoothSchedule %s is running (%s mode)\n\n", Version, c.Mode)
	fmt.Fprintf(out, "  Platform console  %s\n", c.URL("platform."+c.BaseDomain, "/"))
	fmt.Fprintf(out, "  Public site       %s\n", c.URL(c.BaseDomain, "/"))
	list, total, err := a.Tenants.List(ctx, tenancy.Filter{Limit: 5})
	if err == nil {
		for _, t := range list {
			fmt.Fprintf(out, "  %-17s %s\n", t.Name, c.URL(t.Slug+"."+c.BaseDomain, "/"))
		}
		if total > len(list) {
			fmt.Fprintf(out, "  … and %d more businesses (smoothschedule tenant list)\n", total-len(list))
		}
		if total == 0 {
			fmt.Fprintf(out, "\n  No businesses yet. Create one (in another terminal):\n    %s tenant create --name \"Acme Salon\" --slug acme\n\n", os.Args[0])
		}
	}
	fmt.Fprintf(out, "  API docs          %s\n\n  Press Ctrl+C to stop.\n\n", c.URL(c.BaseDomain, "/api/docs"))
}
