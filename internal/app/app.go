// Package app is the composition root: it builds every service from the
// configuration, and starts and stops them. Subcommands of the binary are
// thin layers over an App.
package app

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/pgmanaged"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/realtime"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/support"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Version is set at build time (-ldflags "-X .../app.Version=v1.2.3").
var Version = "dev"

// App holds the running services.
type App struct {
	Config     *config.Config
	Log        *slog.Logger
	DB         *postgres.DB
	Managed    *pgmanaged.Cluster // nil with DATABASE_URL
	Migrations postgres.Migrations
	Tenants    *postgres.Tenants
	Tenancy    *tenancy.Service
	Users      *postgres.Identity
	Identity   *identity.Service
	Now        func() time.Time
	registry   *prometheus.Registry // with METRICS_ADDR
	hub        realtime.Hub         // schedule changes for the browsers

	// Scheduling: resources, services, hours, blockers, customers,
	// appointments and online booking, under the plans' quotas.
	Scheduling *scheduling.Scheduler

	// Platform administration and support (issue 6).
	Platform *postgres.Platform
	Admin    *platform.Admin
	Support  *support.Service
}

// Open connects to the database (starting the private PostgreSQL when no
// DATABASE_URL is set, creating the database when it is missing) and builds
// the services. It does not migrate.
//
// With attach, a private PostgreSQL already running under another process
// (a `serve` in another terminal) is used as it is; operator commands attach,
// a second `serve` does not (the first one stops the server when it exits).
func Open(ctx context.Context, cfg *config.Config, log *slog.Logger, attach bool) (*App, error) {
	a := &App{Config: cfg, Log: log, Migrations: postgres.Embedded(), Now: time.Now}
	url := cfg.DatabaseURL
	if url == "" {
		cl, err := pgmanaged.Start(ctx, pgmanaged.Options{Dir: cfg.DataDir, Logger: log})
		var running *pgmanaged.RunningError
		switch {
		case attach && errors.As(err, &running):
			url = running.URL
		case err != nil:
			return nil, err
		default:
			a.Managed, url = cl, cl.URL()
		}
	} else if err := ensureDatabase(ctx, url, log); err != nil {
		return nil, err
	}
	db, err := postgres.Open(ctx, url, DBOptions(cfg))
	if err != nil {
		a.Close()
		return nil, err
	}
	db.Log = a.Log
	a.DB = db
	if err := a.loadSecret(); err != nil {
		a.Close()
		return nil, err
	}
	if err := a.wire(); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// wire builds the services over a.DB. It opens nothing, so the OpenAPI
// document can be built from the same graph without a database.
func (a *App) wire() error {
	a.Tenants = &postgres.Tenants{DB: a.DB, Migrations: a.Migrations}
	a.Tenancy = &tenancy.Service{Store: a.Tenants, BaseDomain: a.Config.BaseDomain, Now: a.Now}
	if err := a.openIdentity(); err != nil {
		return err
	}
	a.openPlatform()
	a.Scheduling = &scheduling.Scheduler{Store: &postgres.Scheduling{DB: a.DB}, Now: a.Now, Quotas: Quotas}
	return nil
}

// DBOptions are the pool's size and deadlines from the configuration.
func DBOptions(cfg *config.Config) postgres.Options {
	return postgres.Options{MaxConns: cfg.DBMaxConns, AcquireTimeout: cfg.DBAcquireTimeout,
		StatementTimeout: cfg.DBStatementTimeout, LockTimeout: cfg.DBLockTimeout, IdleInTxTimeout: cfg.DBIdleInTxTimeout}
}

// Close stops what Open started.
func (a *App) Close() {
	if a.DB != nil {
		a.DB.Close()
	}
	if a.Managed != nil {
		_ = a.Managed.Stop()
	}
}

// MigrateShared brings the shared schema to head.
func (a *App) MigrateShared(ctx context.Context) error {
	n, err := a.DB.MigrateShared(ctx, a.Migrations)
	if n > 0 {
		a.Log.Info("shared schema migrated", "applied", n, "version", len(a.Migrations.Shared))
	}
	return err
}

// loadSecret makes sure a secret key exists. Production requires one in the
// configuration (config refuses to load without it); development generates
// one and keeps it in the data directory so sessions survive restarts.
func (a *App) loadSecret() error {
	if a.Config.SecretKey != "" {
		return nil
	}
	path := filepath.Join(a.Config.DataDir, "secret_key")
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		a.Config.SecretKey = strings.TrimSpace(string(b))
		return nil
	}
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return err
	}
	key := base64.RawURLEncoding.EncodeToString(raw[:])
	if err := os.MkdirAll(a.Config.DataDir, 0o755); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return fmt.Errorf("write development secret key: %w", err)
	}
	a.Log.Info("generated a development secret key", "file", path)
	a.Config.SecretKey = key
	return nil
}

// ensureDatabase creates the database named in url when it does not exist
// and the user may create databases.
func ensureDatabase(ctx context.Context, url string, log *slog.Logger) error {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("DATABASE_URL is malformed: %w (want postgres://user:password@host:5432/dbname)", err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		return conn.Close(ctx)
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "3D000" { // invalid_catalog_name
		return fmt.Errorf("cannot connect to the database at %s:%d: %w", cfg.Host, cfg.Port, err)
	}
	name := cfg.Database
	admin := cfg.Copy()
	admin.Database = "postgres"
	ac, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return fmt.Errorf("database %q does not exist and the server's maintenance database is unreachable (%v): create it with createdb %s", name, err, name)
	}
	defer ac.Close(ctx)
	if _, err := ac.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return fmt.Errorf("database %q does not exist and could not be created (%v): create it, or grant CREATEDB", name, err)
	}
	log.Info("created database", "database", name)
	return nil
}
