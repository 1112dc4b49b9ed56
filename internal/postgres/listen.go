package postgres

import (
	"context"
	"log/slog"
	"time"
)

// Listen keeps a connection LISTENing on channel until ctx ends, calling fn
// for every notification. After a lost connection it reconnects and calls
// fn("") once, since notifications sent meanwhile were missed: listeners treat
// "" as "everything may have changed".
func (db *DB) Listen(ctx context.Context, channel string, log *slog.Logger, fn func(payload string)) {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := db.listenOnce(ctx, channel, fn)
		if ctx.Err() != nil {
			return
		}
		log.Warn("database notifications interrupted; reconnecting", "channel", channel, "err", err, "retry_in", backoff)
		fn("")
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 10*time.Second)
	}
}

func (db *DB) listenOnce(ctx context.Context, channel string, fn func(string)) error {
	conn, err := db.Pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The connection is dedicated to listening: take it out of the pool.
	pc := conn.Hijack()
	defer pc.Close(context.Background())
	if _, err := pc.Exec(ctx, `LISTEN "`+channel+`"`); err != nil {
		return err
	}
	for {
		n, err := pc.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		fn(n.Payload)
	}
}
