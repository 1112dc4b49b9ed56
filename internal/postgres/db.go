// Package postgres implements SmoothSchedule's storage on PostgreSQL: the
// connection pool, the tenant-transaction helper (the only road to tenant
// tables), the embedded migrations and the repositories of the domain
// packages. SQL lives here and nowhere else.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// DB is the application's handle on PostgreSQL.
type DB struct {
	Pool *Pool
	// Log receives the line of each audit event a store writes in the
	// transaction of its change, once that transaction commits (nil:
	// slog.Default()).
	Log *slog.Logger
}

// Open connects a pool to url, bounded by o (see Options). The pool caches prepared statements (pgx's
// default); tenant transactions stay correct under caching because
// PostgreSQL re-plans a cached statement whenever search_path changes, and
// our SQL names its columns (no SELECT *), so result shapes never drift.
func Open(ctx context.Context, url string, o Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	o = o.withDefaults()
	cfg.MaxConns = int32(o.MaxConns)
	o.runtimeParams(cfg.ConnConfig.RuntimeParams)
	// Connections start on the shared schema only; tenant tables are never
	// reachable without InTenant.
	cfg.ConnConfig.RuntimeParams["search_path"] = "shared"
	cfg.ConnConfig.RuntimeParams["application_name"] = "smoothschedule"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	return &DB{Pool: &Pool{Pool: pool, acquireTimeout: o.AcquireTimeout}}, nil
}

// Close closes the pool.
func (db *DB) Close() { db.Pool.Close() }

var schemaRE = regexp.MustCompile(`^t_[a-z0-9_]{1,48}$`)

// ValidSchema reports whether name is a tenant schema name the system could
// have generated. Only such names are ever put in SQL text.
func ValidSchema(name string) bool { return schemaRE.MatchString(name) }

// InTenant runs fn in a transaction whose search_path is the tenant's schema
// followed by shared. The BEGIN and the transaction-local set_config travel
// in one round trip (a simple-protocol multi-statement), and the setting
// ends with the transaction, so a pooled connection (or PgBouncer in
// transaction mode) never carries one tenant's path into another's work.
func (db *DB) InTenant(ctx context.Context, schema string, fn func(pgx.Tx) error) error {
	if !ValidSchema(schema) {
		return fmt.Errorf("postgres: refusing invalid tenant schema name %q", schema)
	}
	return db.tx(ctx, tenantTx(schema), fn)
}

// tenantTx begins a transaction on a valid tenant schema (see InTenant).
func tenantTx(schema string) pgx.TxOptions {
	return pgx.TxOptions{BeginQuery: "BEGIN; SELECT set_config('search_path', '" + schema + ",shared', true)"}
}

// InShared runs fn in a transaction on the shared schema.
func (db *DB) InShared(ctx context.Context, fn func(pgx.Tx) error) error {
	return db.tx(ctx, pgx.TxOptions{}, fn)
}

// tx runs fn in a transaction. The connection comes from the pool within
// the acquire timeout; fn must do all its work on tx and never ask the pool
// for another connection (a nested acquisition under load waits for a
// connection that only a finished transaction frees). The database's
// timeouts inside fn come back as errs.Unavailable (503 + Retry-After).
func (db *DB) tx(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	tx, err := db.Pool.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback(ctx)
		return busy(err)
	}
	return tx.Commit(ctx)
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.Pool.Ping(ctx) }

// pgCode returns the SQLSTATE of err, or "".
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// constraintOf returns the constraint named by a PostgreSQL error, or "".
func constraintOf(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.ConstraintName
	}
	return ""
}

const (
	sqlUniqueViolation    = "23505"
	sqlExclusionViolation = "23P01"
	sqlForeignKey         = "23503"
	sqlCheckViolation     = "23514"
)

// notFoundf maps pgx.ErrNoRows to a domain NotFound error with a message.
func notFoundf(err error, format string, args ...any) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return errs.E(errs.NotFound, format, args...)
	}
	return err
}
