package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// countedPage runs a list's count and one page of it in a single round
// trip, scanning each row with scan.
func countedPage[T any](ctx context.Context, db *DB, countSQL string, countArgs []any, pageSQL string, pageArgs []any,
	scan func(pgx.CollectableRow) (T, error)) ([]T, int, error) {
	b := &pgx.Batch{}
	b.Queue(countSQL, countArgs...)
	b.Queue(pageSQL, pageArgs...)
	br := db.Pool.SendBatch(ctx, b)
	defer br.Close()
	var total int
	if err := br.QueryRow().Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := br.Query()
	if err != nil {
		return nil, 0, err
	}
	out, err := pgx.CollectRows(rows, scan)
	return out, total, err
}
