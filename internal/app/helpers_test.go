package app

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
)

func dropDatabase(t *testing.T, url string) {
	name := url[strings.LastIndex(url, "/")+1:]
	name = strings.SplitN(name, "?", 2)[0]
	conn, err := pgx.Connect(context.Background(), pgtest.ServerURL())
	if err != nil {
		t.Log(err)
		return
	}
	defer conn.Close(context.Background())
	_, _ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}
