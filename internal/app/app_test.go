package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.DropTemplate()
	os.Exit(code)
}

func open(t *testing.T, env map[string]string) *App {
	t.Helper()
	cfg, err := config.Load(nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	a, err := Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	return a
}

// TestServeRefusesTenantsBehind: with migrations off, a tenant schema below
// head stops serve with the command to run; with them on, it is migrated.
func TestServeRefusesTenantsBehind(t *testing.T) {
	url := pgtest.NewURL(t)
	ctx := context.Background()
	a := open(t, map[string]string{"DATABASE_URL": url, "DATA_DIR": t.TempDir(), "MIGRATE": "false"})
	if err := a.PrepareSchemas(ctx, io.Discard); err != nil {
		t.Fatalf("nothing behind yet: %v", err)
	}
	if _, err := a.Tenancy.Create(ctx, tenancy.NewTenant{Name: "Acme", Slug: "acme"}); err != nil {
		t.Fatal(err)
	}
	// Pretend the binary gained a tenant migration the schema lacks.
	if _, err := a.DB.Pool.Exec(ctx, "UPDATE shared.tenants SET schema_version = schema_version - 1"); err != nil {
		t.Fatal(err)
	}
	err := a.PrepareSchemas(ctx, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "1 tenant schemas are behind") || !strings.Contains(err.Error(), "smoothschedule migrate") {
		t.Fatalf("want a refusal naming the fix, got %v", err)
	}

	b := open(t, map[string]string{"DATABASE_URL": url, "DATA_DIR": t.TempDir(), "MIGRATE": "true"})
	// Re-applying the last migration must find its tables already there, so
	// restore the version the schema really has before checking the happy path.
	if _, err := b.DB.Pool.Exec(ctx, "UPDATE shared.tenants SET schema_version = $1", b.Migrations.Head()); err != nil {
		t.Fatal(err)
	}
	if err := b.PrepareSchemas(ctx, io.Discard); err != nil {
		t.Fatal(err)
	}
}

func TestOpenCreatesAMissingDatabase(t *testing.T) {
	url := pgtest.NewURL(t)
	missing := strings.Replace(url, "/ss_test_", "/ss_new_", 1)
	t.Cleanup(func() { dropDatabase(t, missing) })
	a := open(t, map[string]string{"DATABASE_URL": missing, "DATA_DIR": t.TempDir()})
	if err := a.DB.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestWelcomeListsBusinesses(t *testing.T) {
	a := open(t, map[string]string{"DATABASE_URL": pgtest.NewURL(t), "DATA_DIR": t.TempDir()})
	ctx := context.Background()
	if err := a.MigrateShared(ctx); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	a.printWelcome(ctx, &buf)
	if !strings.Contains(buf.String(), "No businesses yet") {
		t.Fatal(buf.String())
	}
	if _, err := a.Tenancy.Create(ctx, tenancy.NewTenant{Name: "Acme Salon", Slug: "acme"}); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	a.printWelcome(ctx, &buf)
	for _, want := range []string{"http://platform.localhost:8000/", "Acme Salon", "http://acme.localhost:8000/", "/api/docs"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("welcome lacks %q:\n%s", want, buf.String())
		}
	}
}
