package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one numbered SQL file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations are the two embedded sets: Shared runs once on schema shared,
// Tenant runs in every tenant schema.
type Migrations struct {
	Shared []Migration
	Tenant []Migration
}

// Embedded returns the migrations compiled into the binary.
func Embedded() Migrations {
	sh, err := loadMigrations(migrationFS, "migrations/shared")
	if err != nil {
		panic(err)
	}
	tn, err := loadMigrations(migrationFS, "migrations/tenant")
	if err != nil {
		panic(err)
	}
	return Migrations{Shared: sh, Tenant: tn}
}

// loadMigrations reads NNNN_name.sql files, ordered, numbered from 1 without gaps.
func loadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, rest, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: want NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: rest, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("%s: migration %d missing or duplicated", dir, i+1)
		}
	}
	return out, nil
}

// Head is the version of the newest tenant migration.
func (m Migrations) Head() int { return len(m.Tenant) }

// sharedLockID serializes shared migrations between processes.
const sharedLockID = 0x5353_0001

// MigrateShared brings schema shared to head. Each migration runs in its own
// transaction with its bookkeeping row; concurrent callers wait on an
// advisory lock, so two `serve` processes starting together are safe.
func (db *DB) MigrateShared(ctx context.Context, ms Migrations) (applied int, err error) {
	conn, err := db.Pool.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", sharedLockID); err != nil {
		return 0, err
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", sharedLockID) //nolint:errcheck
	if _, err := conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS shared;
		CREATE TABLE IF NOT EXISTS shared.schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return 0, fmt.Errorf("prepare schema shared: %w", err)
	}
	var current int
	if err := conn.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM shared.schema_migrations").Scan(&current); err != nil {
		return 0, err
	}
	if current > len(ms.Shared) {
		return 0, fmt.Errorf("the database's shared schema is at version %d but this binary knows only %d: run a newer smoothschedule", current, len(ms.Shared))
	}
	for _, m := range ms.Shared[current:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SET LOCAL search_path = shared"); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO shared.schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name)
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("shared migration %04d_%s: %w", m.Version, m.Name, err)
		}
		applied++
	}
	return applied, nil
}

// SharedBehind reports how many shared migrations are not yet applied.
func (db *DB) SharedBehind(ctx context.Context, ms Migrations) (int, error) {
	var exists bool
	if err := db.Pool.QueryRow(ctx, "SELECT to_regclass('shared.schema_migrations') IS NOT NULL").Scan(&exists); err != nil || !exists {
		return len(ms.Shared), err
	}
	var current int
	if err := db.Pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM shared.schema_migrations").Scan(&current); err != nil {
		return 0, err
	}
	return len(ms.Shared) - current, nil
}

// TenantsBehind counts live tenant schemas below the tenant head.
func (db *DB) TenantsBehind(ctx context.Context, ms Migrations) (int, error) {
	var n int
	err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM shared.tenants WHERE schema_version < $1 AND status <> 'deleted'", ms.Head()).Scan(&n)
	return n, err
}

// tenantSQL concatenates tenant migrations after version from, for sending in
// one round trip.
func (m Migrations) tenantSQL(from int) string {
	var b strings.Builder
	for _, mg := range m.Tenant[from:] {
		b.WriteString(mg.SQL)
		b.WriteString(";\n")
	}
	return b.String()
}

// Progress reports the tenant runner's advance; the CLI draws it.
type Progress struct {
	Done, Total, Failed int
	Schema              string // the schema just finished
	Err                 error  // its error, if it failed
}

// TenantRunSummary is the result of MigrateTenants.
type TenantRunSummary struct {
	Total, Migrated, Failed, AtHead int
	Failures                        map[string]error // schema -> error
	Elapsed                         time.Duration
}

// MigrateTenants brings every live tenant schema to head with a bounded pool
// of workers. Schemas already at head are skipped without being touched (one
// query finds those behind). Each migration runs in its own transaction that
// also advances the tenant's schema_version, so a failure leaves that schema at
// its last good version with the error recorded, the other schemas go on, and
// the next run resumes where this one stopped.
func (db *DB) MigrateTenants(ctx context.Context, ms Migrations, workers int, progress func(Progress)) (TenantRunSummary, error) {
	start := time.Now()
	sum := TenantRunSummary{Failures: map[string]error{}}
	var all int
	if err := db.Pool.QueryRow(ctx, "SELECT count(*) FROM shared.tenants WHERE status <> 'deleted'").Scan(&all); err != nil {
		return sum, err
	}
	rows, err := db.Pool.Query(ctx, `SELECT id::text, schema_name FROM shared.tenants
		WHERE schema_version < $1 AND status <> 'deleted' ORDER BY created_at`, ms.Head())
	if err != nil {
		return sum, err
	}
	type job struct{ id, schema string }
	jobs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (job, error) {
		var j job
		return j, r.Scan(&j.id, &j.schema)
	})
	if err != nil {
		return sum, err
	}
	sum.Total, sum.AtHead = all, all-len(jobs)
	if workers < 1 {
		workers = 1
	}
	var (
		mu     sync.Mutex
		done   atomic.Int64
		queue  = make(chan job)
		wg     sync.WaitGroup
		failed int
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				err := db.migrateTenant(ctx, ms, j.id, j.schema)
				n := int(done.Add(1))
				mu.Lock()
				if err != nil {
					failed++
					sum.Failures[j.schema] = err
				}
				p := Progress{Done: n, Total: len(jobs), Failed: failed, Schema: j.schema, Err: err}
				if progress != nil {
					progress(p)
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		queue <- j
	}
	close(queue)
	wg.Wait()
	sum.Failed = failed
	sum.Migrated = int(done.Load()) - failed
	sum.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		return sum, ctx.Err()
	}
	if failed > 0 {
		return sum, fmt.Errorf("%d of %d tenant schemas failed to migrate; fix the cause and run migrate again to resume", failed, len(jobs))
	}
	return sum, nil
}

// migrateTenant applies the pending migrations of one schema, one
// transaction each. The tenant row is locked and its version re-read inside
// the transaction, so two runners never apply the same migration twice.
func (db *DB) migrateTenant(ctx context.Context, ms Migrations, id, schema string) error {
	for {
		applied := false
		err := db.InTenant(ctx, schema, func(tx pgx.Tx) error {
			var v int
			if err := tx.QueryRow(ctx, "SELECT schema_version FROM shared.tenants WHERE id = $1 FOR UPDATE", id).Scan(&v); err != nil {
				return err
			}
			if v >= ms.Head() {
				return nil
			}
			m := ms.Tenant[v]
			if _, err := tx.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema+";\n"+m.SQL); err != nil {
				return fmt.Errorf("%04d_%s: %w", m.Version, m.Name, err)
			}
			applied = true
			_, err := tx.Exec(ctx, `UPDATE shared.tenants SET schema_version = $2, migration_error = '', migrated_at = now() WHERE id = $1`, id, m.Version)
			return err
		})
		if err != nil {
			_, _ = db.Pool.Exec(context.WithoutCancel(ctx), "UPDATE shared.tenants SET migration_error = $2 WHERE id = $1", id, err.Error())
			return err
		}
		if !applied {
			return nil
		}
	}
}
