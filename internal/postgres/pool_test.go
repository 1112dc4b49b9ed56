package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
)

// TestNestedAcquireFailsFast: on a pool of one connection, code holding a
// transaction that asks the pool for another connection (the bug that froze
// every business under a booking burst) gets errs.Unavailable after the
// acquire timeout instead of waiting forever. This is what makes the HTTP
// suite, run on such a pool in CI, catch every nested acquisition.
func TestNestedAcquireFailsFast(t *testing.T) {
	db, err := postgres.Open(context.Background(), pgtest.NewURL(t), postgres.Options{MaxConns: 1, AcquireTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	start := time.Now()
	err = db.InShared(ctx, func(tx pgx.Tx) error {
		var n int
		return db.Pool.QueryRow(ctx, "SELECT 1").Scan(&n)
	})
	if errs.CodeOf(err) != errs.Unavailable {
		t.Fatalf("nested acquire: %v (code %q), want unavailable", err, errs.CodeOf(err))
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("nested acquire gave up after %s", took)
	}
	// The pool is whole again afterwards.
	if err := db.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestLockTimeoutIsUnavailable: a change waiting on a row another
// transaction holds gives up after lock_timeout with errs.Unavailable
// (503 + Retry-After at the edge), and the connection carries the timeouts.
func TestLockTimeoutIsUnavailable(t *testing.T) {
	db, err := postgres.Open(context.Background(), pgtest.NewURL(t), postgres.Options{MaxConns: 4, LockTimeout: 150 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.Pool.Exec(ctx, "CREATE TABLE shared.lock_probe (id int PRIMARY KEY); INSERT INTO shared.lock_probe VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	var lt, st, it string
	if err := db.Pool.QueryRow(ctx, "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), current_setting('idle_in_transaction_session_timeout')").Scan(&lt, &st, &it); err != nil {
		t.Fatal(err)
	}
	if lt != "150ms" || st != "15s" || it != "30s" {
		t.Fatalf("connection timeouts: lock %s statement %s idle-in-tx %s", lt, st, it)
	}
	holding := make(chan struct{})
	release := make(chan struct{})
	go func() {
		_ = db.InShared(ctx, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SELECT id FROM shared.lock_probe WHERE id = 1 FOR UPDATE"); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	defer close(release)
	err = db.InShared(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "UPDATE shared.lock_probe SET id = 1 WHERE id = 1")
		return err
	})
	if errs.CodeOf(err) != errs.Unavailable {
		t.Fatalf("waiting on a held row: %v (code %q), want unavailable", err, errs.CodeOf(err))
	}
}
