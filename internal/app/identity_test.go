package app

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/config"
)

// TestProductionNeedsSMTP: serve refuses to start in production mode when
// mail would only be logged.
func TestProductionNeedsSMTP(t *testing.T) {
	env := map[string]string{"MODE": "production", "SECRET_KEY": strings.Repeat("k", 40)}
	cfg, err := config.Load(nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	err = (&App{Config: cfg}).Serve(context.Background(), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "SMTP_URL is required in production mode") {
		t.Fatalf("got %v", err)
	}
}
