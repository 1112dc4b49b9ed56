package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// BenchmarkProvisionTenant creates tenants one after another (row, domain,
// schema and every tenant table in one transaction) and reports p50/p95.
//
//	go test -run '^$' -bench ProvisionTenant -benchtime 100x ./internal/postgres/
func BenchmarkProvisionTenant(b *testing.B) {
	db := newDB(b)
	svc := tenancyOn(db)
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if _, err := svc.Create(ctx, tenancy.NewTenant{Name: "Bench", Slug: fmt.Sprintf("bench-%d", i), TimeZone: "Europe/Berlin"}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}

// BenchmarkMigrate1000Schemas registers 1,000 tenants with no schema yet
// (version 0) and times the runner bringing them all to head, then a second
// run at head.
//
//	go test -run '^$' -bench Migrate1000 -benchtime 1x -timeout 20m ./internal/postgres/
func BenchmarkMigrate1000Schemas(b *testing.B) {
	for range b.N {
		b.StopTimer()
		db := newDB(b)
		ctx := context.Background()
		const n = 1000
		rows := make([][]any, n)
		for i := range n {
			slug := fmt.Sprintf("m%04d", i)
			rows[i] = []any{uuid.NewString(), slug, "t_" + slug, "Bench " + slug}
		}
		if _, err := db.Pool.Exec(ctx, "SELECT 1"); err != nil {
			b.Fatal(err)
		}
		for _, r := range rows {
			if _, err := db.Pool.Exec(ctx, "INSERT INTO shared.tenants (id, slug, schema_name, name) VALUES ($1, $2, $3, $4)", r...); err != nil {
				b.Fatal(err)
			}
		}
		ms := postgres.Embedded()
		b.StartTimer()
		start := time.Now()
		sum, err := db.MigrateTenants(ctx, ms, 4, nil)
		if err != nil || sum.Migrated != n {
			b.Fatalf("%+v %v", sum, err)
		}
		full := time.Since(start)
		start = time.Now()
		sum, err = db.MigrateTenants(ctx, ms, 4, nil)
		if err != nil || sum.AtHead != n {
			b.Fatalf("%+v %v", sum, err)
		}
		noop := time.Since(start)
		b.ReportMetric(full.Seconds(), "migrate-s")
		b.ReportMetric(noop.Seconds()*1000, "noop-ms")
	}
}

// BenchmarkRawTenantDDL is the baseline for BenchmarkProvisionTenant: the
// tenant schema's DDL alone, in one transaction, with nothing else.
func BenchmarkRawTenantDDL(b *testing.B) {
	db := newDB(b)
	ctx := context.Background()
	ddl := postgres.Embedded().Tenant[0].SQL
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		schema := fmt.Sprintf("t_raw_%d", i)
		start := time.Now()
		tx, err := db.Pool.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(ctx, "CREATE SCHEMA "+schema+"; SET LOCAL search_path = "+schema+", shared;\n"+ddl); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}
