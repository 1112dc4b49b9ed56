package httpapi_test

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// benchBusiness is a business open 09:00–17:00 every day with 20 STAFF
// resources, a 30-minute service and, when appointments > 0, that many
// 15-minute appointments at random free quarter hours over 30 days from
// 2026-02-02 (inserted directly, with their holds).
func benchBusiness(b *testing.B, s *env, appointments int) (*biz, string, []string) {
	biz := s.business("Bench", "bench", "Europe/Berlin")
	var week []map[string]any
	for d := range 7 {
		week = append(week, map[string]any{"dayOfWeek": d, "openTime": "09:00", "closeTime": "17:00"})
	}
	biz.must(200, "PUT", "/api/business-hours/", week)
	var res []string
	for i := range 20 {
		res = append(res, biz.create("/api/resources/", map[string]any{"name": fmt.Sprintf("Staff %02d", i), "type": "STAFF"}))
	}
	svc := biz.create("/api/services/", map[string]any{"name": "Cut", "durationMinutes": 30, "price": 30})
	cust := biz.create("/api/customers/", map[string]any{"name": "Bench"})
	if appointments > 0 {
		err := s.db.InTenant(context.Background(), biz.ten.Schema, func(tx pgx.Tx) error {
			ctx := context.Background()
			if _, err := tx.Exec(ctx, `CREATE TEMP TABLE q ON COMMIT DROP AS
				SELECT gen_random_uuid() AS id, r AS resource_id,
					(d + time '09:00' + make_interval(mins => 15 * k)) AT TIME ZONE 'Europe/Berlin' AS start_time
				FROM unnest($1::uuid[]) r, generate_series(date '2026-02-02', date '2026-03-03', interval '1 day') d,
					generate_series(0, 31) k
				ORDER BY random() LIMIT $2`, res, appointments); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO appointments (id, customer_id, service_id, start_time, end_time, status, price, currency)
				SELECT id, $1, $2, start_time, start_time + interval '15 minutes', 'CONFIRMED', 30, 'USD' FROM q`, cust, svc); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO appointment_resources (appointment_id, resource_id, seat, during, active, session)
				SELECT id, resource_id, 1, tstzrange(start_time, start_time + interval '15 minutes'), true, id::text FROM q`)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return biz, svc, res
}

// BenchmarkAvailabilityHTTP: 30 days × 20 resources with 10,000 existing
// appointments, through the handler; reports p50/p95 per request.
func BenchmarkAvailabilityHTTP(b *testing.B) {
	s := newSched(b, 10)
	biz, svc, _ := benchBusiness(b, s, 10000)
	for _, c := range []struct{ name, path string }{
		{"range-30-days", "/api/appointments/availability/range/?service_id=" + svc + "&start_date=2026-02-02&end_date=2026-03-03"},
		{"one-day", "/api/appointments/availability/?service_id=" + svc + "&date=2026-02-10"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				t0 := time.Now()
				if code, body := biz.raw("GET", c.path, biz.owner, nil); code != 200 {
					b.Fatalf("%d %s", code, body)
				}
				lat = append(lat, time.Since(t0))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

// BenchmarkBookingThroughput: concurrent staff bookings of distinct slots
// through the handler; reports requests per second.
func BenchmarkBookingThroughput(b *testing.B) {
	s := newSched(b, 40)
	biz, svc, res := benchBusiness(b, s, 0)
	cust := biz.create("/api/customers/", map[string]any{"name": "Thru"})
	var n atomic.Int64
	base := time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC)
	b.SetParallelism(4) // 4 × GOMAXPROCS goroutines
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			at := base.Add(time.Duration(i/int64(len(res))) * 30 * time.Minute)
			code, body := biz.raw("POST", "/api/appointments/", biz.owner, map[string]any{"customerId": cust, "serviceId": svc,
				"resourceId": res[i%int64(len(res))], "startTime": at.Format(time.RFC3339)})
			if code != 201 {
				b.Errorf("%d %s", code, body)
				return
			}
		}
	})
	b.ReportMetric(float64(n.Load())/time.Since(start).Seconds(), "req/s")
}

// BenchmarkContention: every request books the same slot and resource;
// one wins, the rest are answered 409 by the exclusion constraint.
func BenchmarkContention(b *testing.B) {
	s := newSched(b, 40)
	biz, svc, res := benchBusiness(b, s, 0)
	cust := biz.create("/api/customers/", map[string]any{"name": "Contend"})
	var won, lost atomic.Int64
	b.SetParallelism(4)
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			code, body := biz.raw("POST", "/api/appointments/", biz.owner, map[string]any{"customerId": cust, "serviceId": svc,
				"resourceId": res[0], "startTime": "2026-02-02T10:00:00+01:00"})
			switch code {
			case 201:
				won.Add(1)
			case 409:
				lost.Add(1)
			default:
				b.Errorf("%d %s", code, body)
				return
			}
		}
	})
	if won.Load() != 1 {
		b.Errorf("%d bookings won the slot", won.Load())
	}
	b.ReportMetric(float64(won.Load()+lost.Load())/time.Since(start).Seconds(), "req/s")
}
