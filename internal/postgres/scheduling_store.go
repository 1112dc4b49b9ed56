package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// Scheduling implements scheduling.Store on the schema of the business each
// unit of work names. Its repository methods are spread over the
// scheduling_*.go files, one per kind of record.
type Scheduling struct {
	DB *DB
}

var _ scheduling.Store = (*Scheduling)(nil)

// Tx runs fn in one transaction on b's schema.
func (s *Scheduling) Tx(ctx context.Context, b scheduling.Business, fn func(scheduling.Repo) error) error {
	if b.ID == "" {
		return errs.E(errs.Internal, "scheduling: a unit of work without a business")
	}
	return s.DB.InTenant(ctx, b.Schema, func(tx pgx.Tx) error { return fn(&repo{tx: tx, tenantID: b.ID}) })
}

// repo is the scheduling data of one tenant inside one transaction.
// tenantID names the tenant in shared tables (metrics, throttles, users).
type repo struct {
	tx       pgx.Tx
	tenantID string
}

var _ scheduling.Repo = (*repo)(nil)

// Entitlements reads the business's plan inside the unit of work (the
// shared schema is on the tenant's search_path), so checking a quota never
// asks the pool for a second connection while this transaction holds one.
func (r *repo) Entitlements(ctx context.Context, tenantID, plan string) (platform.Entitlements, error) {
	return entitlements(ctx, r.tx, tenantID, plan)
}

const (
	sqlInvalidText = "22P02"
	sqlDeadlock    = "40P01"
)

// notFound maps "no row" and malformed identifiers (which cannot name any
// row) to a NotFound error.
func notFound(err error, what, id string) error {
	if errors.Is(err, pgx.ErrNoRows) || pgCode(err) == sqlInvalidText {
		return errs.E(errs.NotFound, "%s %s does not exist", what, id)
	}
	return err
}

// affected turns an UPDATE or DELETE that touched no row into NotFound.
func affected(n int64, err error, what, id string) error {
	if err != nil {
		return notFound(err, what, id)
	}
	if n == 0 {
		return errs.E(errs.NotFound, "%s %s does not exist", what, id)
	}
	return nil
}

// money reads a numeric column selected as text.
func money(s string) scheduling.Money {
	m, _ := scheduling.ParseMoney(s)
	return m
}

func minutes(d time.Duration) int { return int(d / time.Minute) }

func mins(n int) time.Duration { return time.Duration(n) * time.Minute }

// clock reads a time column selected as 'HH24:MI' text.
func clock(s string) scheduling.TimeOfDay {
	if s == "24:00" {
		return scheduling.EndOfDay
	}
	t, _ := scheduling.ParseTimeOfDay(s)
	return t
}

// timeArg renders a time of day for a time column (24:00 is valid there).
func timeArg(t scheduling.TimeOfDay) string { return t.String() }
