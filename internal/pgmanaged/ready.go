package pgmanaged

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// waitReady polls until the server accepts connections, then creates the
// database if missing. It gives up when the server exits, after timeout,
// or when ctx ends; the error then carries the tail of the server log.
func (c *Cluster) waitReady(ctx context.Context, timeout time.Duration, database string) error {
	deadline := time.Now().Add(timeout)
	admin := connString(c.sockDir, "postgres")
	for {
		conn, err := connect(ctx, admin)
		if err == nil {
			defer conn.Close(context.WithoutCancel(ctx))
			return createDatabase(ctx, conn, database)
		}
		var why string
		select {
		case <-c.exited:
			why = fmt.Sprintf("exited during start-up (%v)", c.waitErr)
		case <-ctx.Done():
			return fmt.Errorf("private PostgreSQL start-up: %w", ctx.Err())
		case <-time.After(50 * time.Millisecond):
			if time.Now().Before(deadline) {
				continue
			}
			why = fmt.Sprintf("did not accept connections within %v (last error: %v)", timeout, err)
		}
		return fmt.Errorf("private PostgreSQL %s; last lines of %s:\n%s", why, c.logPath, tailFrom(c.logPath, c.logOffset, 15))
	}
}

// connect opens one connection with a short timeout.
func connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.ConnectTimeout = 2 * time.Second
	return pgx.ConnectConfig(ctx, cfg)
}

// createDatabase creates database unless it exists.
func createDatabase(ctx context.Context, conn *pgx.Conn, database string) error {
	var exists bool
	err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", database).Scan(&exists)
	if err != nil || exists {
		return err
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{database}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database: created meanwhile
		return nil
	}
	if err != nil {
		return fmt.Errorf("private PostgreSQL: create database %q: %w", database, err)
	}
	return nil
}
