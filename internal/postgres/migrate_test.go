package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// withExtra returns the embedded migrations plus tenant migrations that fail
// in any schema listed in shared.fail_here, so a test can inject a failure
// into chosen schemas and later remove it.
func withExtra() postgres.Migrations {
	ms := postgres.Embedded()
	head := ms.Head()
	ms.Tenant = append(append([]postgres.Migration{}, ms.Tenant...),
		postgres.Migration{Version: head + 1, Name: "notes", SQL: "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)"},
		postgres.Migration{Version: head + 2, Name: "maybe_fail", SQL: `DO $$ BEGIN
			IF EXISTS (SELECT 1 FROM shared.fail_here WHERE schema_name = current_schema()) THEN
				RAISE EXCEPTION 'injected failure in %', current_schema();
			END IF; END $$;
			ALTER TABLE notes ADD COLUMN pinned boolean NOT NULL DEFAULT false`},
	)
	return ms
}

func TestMigrateTenantsResumesAfterFailureAndSkipsAtHead(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	for i := range 6 {
		if _, err := svc.Create(ctx, tenancy.NewTenant{Name: "T", Slug: fmt.Sprintf("m%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Pool.Exec(ctx, "CREATE TABLE shared.fail_here (schema_name text); INSERT INTO shared.fail_here VALUES ('t_m2'), ('t_m4')"); err != nil {
		t.Fatal(err)
	}
	ms := withExtra()
	if n, _ := db.TenantsBehind(ctx, ms); n != 6 {
		t.Fatalf("behind = %d, want 6", n)
	}

	var mu sync.Mutex
	var seen []postgres.Progress
	sum, err := db.MigrateTenants(ctx, ms, 3, func(p postgres.Progress) { mu.Lock(); seen = append(seen, p); mu.Unlock() })
	if err == nil || !strings.Contains(err.Error(), "2 of 6 tenant schemas failed") {
		t.Fatalf("want a failure summary, got %v", err)
	}
	if sum.Failed != 2 || sum.Migrated != 4 || len(sum.Failures) != 2 || sum.Failures["t_m2"] == nil {
		t.Fatalf("summary %+v", sum)
	}
	if len(seen) != 6 || seen[len(seen)-1].Done != 6 {
		t.Fatalf("progress %+v", seen)
	}
	// The failed schemas stopped at the last good migration, error recorded.
	var v int
	var msg string
	if err := db.Pool.QueryRow(ctx, "SELECT schema_version, migration_error FROM shared.tenants WHERE slug = 'm2'").Scan(&v, &msg); err != nil {
		t.Fatal(err)
	}
	if v != ms.Head()-1 || !strings.Contains(msg, "injected failure") {
		t.Fatalf("m2 at %d (%q), want %d", v, msg, ms.Head()-1)
	}
	if count(t, db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 't_m2' AND table_name = 'notes' AND column_name = 'pinned'") != 0 {
		t.Fatal("failed migration left a change behind")
	}

	// Fix the cause and run again: only the two failed schemas are touched.
	if _, err := db.Pool.Exec(ctx, "DELETE FROM shared.fail_here"); err != nil {
		t.Fatal(err)
	}
	sum, err = db.MigrateTenants(ctx, ms, 3, nil)
	if err != nil || sum.Migrated != 2 || sum.AtHead != 4 {
		t.Fatalf("resume: %+v %v", sum, err)
	}
	if n := count(t, db, "SELECT count(*) FROM shared.tenants WHERE schema_version = $1 AND migration_error = ''", ms.Head()); n != 6 {
		t.Fatalf("%d at head", n)
	}
	// At head: nothing to do, nothing touched.
	before := count(t, db, "SELECT count(*) FROM shared.tenants WHERE migrated_at < now()")
	sum, err = db.MigrateTenants(ctx, ms, 3, nil)
	if err != nil || sum.Migrated != 0 || sum.AtHead != 6 {
		t.Fatalf("no-op: %+v %v", sum, err)
	}
	if after := count(t, db, "SELECT count(*) FROM shared.tenants WHERE migrated_at < now()"); after != before {
		t.Fatal("a no-op run touched tenants")
	}
}

func TestMigrateTenantsConcurrentRunnersApplyOnce(t *testing.T) {
	svc, db := newService(t)
	ctx := context.Background()
	for i := range 4 {
		if _, err := svc.Create(ctx, tenancy.NewTenant{Name: "T", Slug: fmt.Sprintf("c%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	ms := withExtra()
	if _, err := db.Pool.Exec(ctx, "CREATE TABLE shared.fail_here (schema_name text)"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errsCh := make(chan error, 2)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := db.MigrateTenants(ctx, ms, 2, nil)
			errsCh <- err
		}()
	}
	wg.Wait()
	close(errsCh)
	for err := range errsCh {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM shared.tenants WHERE schema_version = $1", ms.Head()); n != 4 {
		t.Fatalf("%d at head", n)
	}
}

func TestSharedBehindOnAnEmptyDatabase(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	if _, err := db.Pool.Exec(ctx, "DROP SCHEMA shared CASCADE"); err != nil {
		t.Fatal(err)
	}
	if n, err := db.SharedBehind(ctx, postgres.Embedded()); err != nil || n != len(postgres.Embedded().Shared) {
		t.Fatalf("behind %d, %v", n, err)
	}
}

func TestMigrateSharedIsIdempotent(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	n, err := db.MigrateShared(ctx, postgres.Embedded())
	if err != nil || n != 0 {
		t.Fatalf("second shared run applied %d: %v", n, err)
	}
	if behind, err := db.SharedBehind(ctx, postgres.Embedded()); err != nil || behind != 0 {
		t.Fatalf("behind %d %v", behind, err)
	}
}
