package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TestTenantIsolationOnOneConnection interleaves hundreds of transactions of
// several tenants on a pool of ONE connection with pgx's statement cache on
// (the same SQL text is prepared once and reused across schemas) and proves
// that no row ever crosses tenants: every read sees only its own tenant's
// rows, and every write lands in its own tenant's schema.
func TestTenantIsolationOnOneConnection(t *testing.T) {
	url := pgtest.NewURL(t)
	ctx := context.Background()
	setup, err := postgres.Open(ctx, url, postgres.Options{MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	svc := &tenancy.Service{Store: &postgres.Tenants{DB: setup, Migrations: postgres.Embedded()}, BaseDomain: "localhost", Now: nowUTC}
	slugs := []string{"alpha", "bravo", "charlie", "delta", "echo"}
	schemas := map[string]string{}
	for _, s := range slugs {
		ten, err := svc.Create(ctx, tenancy.NewTenant{Name: s, Slug: s})
		if err != nil {
			t.Fatal(err)
		}
		schemas[s] = ten.Schema
	}
	setup.Close()

	db, err := postgres.Open(ctx, url+"&pool_max_conns=1", postgres.Options{MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Pool.Config().ConnConfig.DefaultQueryExecMode != pgx.QueryExecModeCacheStatement {
		t.Fatal("statement cache is not on")
	}

	const perTenant = 60 // 300 transactions in all
	var wg sync.WaitGroup
	failures := make(chan string, len(slugs)*perTenant)
	for _, slug := range slugs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perTenant {
				err := db.InTenant(ctx, schemas[slug], func(tx pgx.Tx) error {
					name := fmt.Sprintf("%s-%03d", slug, i)
					if _, err := tx.Exec(ctx, "INSERT INTO customers (id, name) VALUES ($1, $2)", uuid.New(), name); err != nil {
						return err
					}
					rows, err := tx.Query(ctx, "SELECT name FROM customers ORDER BY name")
					if err != nil {
						return err
					}
					names, err := pgx.CollectRows(rows, pgx.RowTo[string])
					if err != nil {
						return err
					}
					if len(names) != i+1 {
						failures <- fmt.Sprintf("%s tx %d saw %d rows, want %d", slug, i, len(names), i+1)
					}
					for _, n := range names {
						if !strings.HasPrefix(n, slug+"-") {
							failures <- fmt.Sprintf("%s tx %d saw another tenant's row %q", slug, i, n)
						}
					}
					return nil
				})
				if err != nil {
					failures <- fmt.Sprintf("%s tx %d: %v", slug, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	// Count in each schema directly: every write landed at home.
	for _, slug := range slugs {
		var n, foreign int
		q := fmt.Sprintf("SELECT count(*), count(*) FILTER (WHERE name NOT LIKE '%s-%%') FROM %s.customers", slug, schemas[slug])
		if err := db.Pool.QueryRow(ctx, q).Scan(&n, &foreign); err != nil {
			t.Fatal(err)
		}
		if n != perTenant || foreign != 0 {
			t.Errorf("%s: %d rows (%d foreign), want %d", slug, n, foreign, perTenant)
		}
	}
	// Outside a tenant transaction the connection sees no tenant table at all.
	if _, err := db.Pool.Exec(ctx, "SELECT count(*) FROM customers"); err == nil {
		t.Error("a query outside InTenant reached a tenant table")
	}
}

func TestInTenantRefusesUnsafeSchemaNames(t *testing.T) {
	db := newDB(t)
	for _, bad := range []string{"public", "shared", "t_", "t_x; DROP SCHEMA shared", "T_ACME", "t_acme,public", strings.Repeat("t_a", 30)} {
		err := db.InTenant(context.Background(), bad, func(pgx.Tx) error { return nil })
		if err == nil {
			t.Errorf("schema %q accepted", bad)
		}
	}
}
