package app

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
)

// OpenAPI returns the document serve publishes at /api/openapi.json,
// indented and ending in a newline as web/openapi.json is kept (so its diffs
// can be read). The server is wired exactly as serve wires it, but over no
// database: building the route table calls no service, so nothing connects.
func OpenAPI(cfg *config.Config, log *slog.Logger) ([]byte, error) {
	c := *cfg
	c.MetricsAddr = "" // no Prometheus registry: it adds no route to the API
	if c.SecretKey == "" {
		// Only sealing TOTP secrets uses the key, and nothing is sealed here.
		c.SecretKey = "openapi-document-only-not-a-secret-key"
	}
	a := &App{Config: &c, Log: log, Migrations: postgres.Embedded(), Now: time.Now}
	if err := a.wire(); err != nil {
		return nil, err
	}
	srv, _ := a.Handler()
	compact, err := json.Marshal(srv.OpenAPI())
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
