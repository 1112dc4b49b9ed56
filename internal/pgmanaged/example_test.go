package pgmanaged_test

import (
	"context"
	"log"
	"log/slog"
	"os"
	"os/signal"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/smoothschedule/smoothschedule/internal/pgmanaged"
)

// Example shows how `serve` uses a private cluster when no DATABASE_URL is
// set: start it, connect with its URL, shut down when asked to or when the
// server dies, and stop it on the way out. (Compiled, not run: it needs
// PostgreSQL installed.)
func Example() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	url := os.Getenv("DATABASE_URL")
	if url == "" {
		pg, err := pgmanaged.Start(ctx, pgmanaged.Options{Dir: "./data", Logger: slog.Default()})
		if err != nil {
			log.Fatal(err) // e.g. "PostgreSQL server binaries not found: install them ..."
		}
		defer pg.Stop()
		url = pg.URL()
		go func() {
			select {
			case <-pg.Done():
				log.Print(pg.Err())
				cancel() // the database is gone: shut the server down
			case <-ctx.Done():
			}
		}()
	}

	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	// ... serve until ctx is done ...
	<-ctx.Done()
}
