// Package pgtest gives tests a fresh, migrated PostgreSQL database of their
// own on the server named by TEST_DATABASE_URL (default: the local server at
// 127.0.0.1:5432 as user postgres). Each call creates a new database from a
// template migrated once per process and drops it when the test ends, so
// tests and packages run in parallel without seeing each other's rows.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/postgres"
)

// ServerURL is the admin connection tests use.
func ServerURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// URLFor returns ServerURL pointed at database name.
func URLFor(name string) string {
	cfg, err := pgx.ParseConfig(ServerURL())
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable", cfg.User, cfg.Host, cfg.Port, name)
}

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// template creates, once per process, a database with the shared migrations
// applied, to copy for each test.
func template(ctx context.Context) (string, error) {
	templateOnce.Do(func() {
		templateName = "ss_tpl_" + randHex(6)
		if templateErr = exec(ctx, "CREATE DATABASE "+templateName); templateErr != nil {
			return
		}
		db, err := postgres.Open(ctx, URLFor(templateName), postgres.Options{MaxConns: 2})
		if err != nil {
			templateErr = err
			return
		}
		_, templateErr = db.MigrateShared(ctx, postgres.Embedded())
		db.Close()
	})
	return templateName, templateErr
}

// NewURL creates a fresh migrated database for t and returns its URL. The
// database is dropped when t ends.
func NewURL(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	tpl, err := template(ctx)
	if err != nil {
		t.Fatalf("PostgreSQL is not reachable at %s (%v): start it (pg_ctlcluster 15 main start) or set TEST_DATABASE_URL", ServerURL(), err)
	}
	name := "ss_test_" + randHex(8)
	if err := exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+tpl); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		_ = exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	return URLFor(name)
}

// New returns an open DB on a fresh migrated database for t.
func New(t testing.TB) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), NewURL(t), postgres.Options{MaxConns: PoolSize(10)})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(db.Close)
	return db
}

// PoolSize is the pool size tests of the HTTP layer use: TEST_DB_MAX_CONNS
// when set (CI runs that suite on a pool of one connection, where any code
// that asks for a second connection while holding a transaction fails at
// once instead of only under load), def otherwise.
func PoolSize(def int) int {
	if n, err := strconv.Atoi(os.Getenv("TEST_DB_MAX_CONNS")); err == nil && n > 0 {
		return n
	}
	return def
}

// DropTemplate removes the per-process template; call it from TestMain.
func DropTemplate() {
	if templateName != "" {
		_ = exec(context.Background(), "DROP DATABASE IF EXISTS "+templateName+" WITH (FORCE)")
	}
}

func exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, ServerURL())
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func randHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
