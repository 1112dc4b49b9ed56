package postgres

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// demoTrade is the kind of business a demo looks like.
type demoTrade struct {
	staff    []string
	room     string
	services []demoService
}

type demoService struct {
	name     string
	minutes  int
	price    string
	category string
}

var demoTrades = map[string]demoTrade{
	"salon": {staff: []string{"Maria Lopez", "Jamal Reed", "Sofia Rossi"}, room: "Colour Station",
		services: []demoService{{"Haircut", 45, "45.00", "Hair"}, {"Colour", 90, "120.00", "Hair"}, {"Blow-dry", 30, "30.00", "Hair"},
			{"Beard Trim", 20, "18.00", "Grooming"}, {"Highlights", 120, "160.00", "Hair"}}},
	"fitness": {staff: []string{"Alex Kim", "Priya Shah", "Tom Becker"}, room: "Studio A",
		services: []demoService{{"Personal Training", 60, "70.00", "Training"}, {"Assessment", 45, "40.00", "Training"},
			{"Nutrition Coaching", 30, "35.00", "Coaching"}, {"Stretch Session", 30, "25.00", "Recovery"}}},
	"clinic": {staff: []string{"Dr. Anna Weber", "Dr. Luis Ortega", "Nina Park"}, room: "Treatment Room 1",
		services: []demoService{{"Consultation", 30, "80.00", "General"}, {"Physiotherapy", 45, "95.00", "Therapy"},
			{"Follow-up", 20, "50.00", "General"}, {"Sports Massage", 60, "85.00", "Therapy"}}},
}

// demoTradeOf picks the trade from the business's name (default: salon).
func demoTradeOf(name string) demoTrade {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "fit") || strings.Contains(n, "gym") || strings.Contains(n, "yoga"):
		return demoTrades["fitness"]
	case strings.Contains(n, "clinic") || strings.Contains(n, "physio") || strings.Contains(n, "health"):
		return demoTrades["clinic"]
	}
	return demoTrades["salon"]
}

var demoFirst = []string{"Emma", "Liam", "Olivia", "Noah", "Ava", "Elijah", "Mia", "Lucas", "Amelia", "Mateo", "Harper", "Leo", "Chloe", "Omar", "Zoe", "Ivan", "Grace", "Kenji", "Lena", "Rafael"}
var demoLast = []string{"Smith", "Garcia", "Müller", "Chen", "Okafor", "Dubois", "Novak", "Silva", "Khan", "Jensen"}

// fillDemo writes a realistic business into t's schema inside tx (whose
// search_path is that schema): staff and a room, services, opening hours
// (Monday–Friday 9–18, Saturday 10–16), 40 customers and four weeks of
// appointments around today (past ones completed, a few no-shows and
// cancellations). The data is a pure function of the slug and today.
func fillDemo(ctx context.Context, tx pgx.Tx, t *tenancy.Tenant) error {
	h := fnv.New64a()
	h.Write([]byte(t.Slug))
	rng := rand.New(rand.NewPCG(h.Sum64(), 42))
	trade := demoTradeOf(t.Name)
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	b := &pgx.Batch{}
	var staff []string
	for _, name := range trade.staff {
		id := uuid.NewString()
		staff = append(staff, id)
		b.Queue(`INSERT INTO resources (id, name, type) VALUES ($1, $2, 'STAFF')`, id, name)
	}
	b.Queue(`INSERT INTO resources (id, name, type) VALUES ($1, $2, 'ROOM')`, uuid.NewString(), trade.room)
	services := make([]string, len(trade.services))
	for i, s := range trade.services {
		services[i] = uuid.NewString()
		b.Queue(`INSERT INTO services (id, name, category, duration_minutes, price, description) VALUES ($1, $2, $3, $4, $5::numeric, $6)`,
			services[i], s.name, s.category, s.minutes, s.price, s.name+" with one of our team.")
	}
	for d := 0; d < 5; d++ {
		b.Queue(`INSERT INTO business_hours (day_of_week, open_time, close_time) VALUES ($1, '09:00', '18:00')`, d)
	}
	b.Queue(`INSERT INTO business_hours (day_of_week, open_time, close_time) VALUES (5, '10:00', '16:00')`)
	customers := make([]string, 40)
	for i := range customers {
		customers[i] = uuid.NewString()
		first, last := demoFirst[i%len(demoFirst)], demoLast[(i/2+i)%len(demoLast)]
		email := fmt.Sprintf("%s.%s%d@example.com", strings.ToLower(first), strings.ToLower(strings.ReplaceAll(last, "ü", "u")), i)
		b.Queue(`INSERT INTO customers (id, name, email, phone) VALUES ($1, $2, $3, $4)`,
			customers[i], first+" "+last, email, fmt.Sprintf("+1 555 01%02d", i))
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	var ap struct {
		id, customer, service, status, price, resource []string
		start, end                                     []time.Time
	}
	today := time.Now().In(loc)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
	now := time.Now()
	for day := -14; day < 14; day++ {
		date := today.AddDate(0, 0, day)
		wd := (int(date.Weekday()) + 6) % 7 // 0 = Monday
		open, close := 9, 18
		switch {
		case wd == 6:
			continue
		case wd == 5:
			open, close = 10, 16
		}
		for _, res := range staff {
			at := date.Add(time.Duration(open) * time.Hour)
			end := date.Add(time.Duration(close) * time.Hour)
			for {
				si := rng.IntN(len(trade.services))
				svc := trade.services[si]
				fin := at.Add(time.Duration(svc.minutes) * time.Minute)
				if fin.After(end) {
					break
				}
				if rng.Float64() < 0.6 {
					status := "CONFIRMED"
					if fin.Before(now) {
						status = "COMPLETED"
						if r := rng.Float64(); r < 0.05 {
							status = "NO_SHOW"
						} else if r < 0.1 {
							status = "CANCELLED"
						}
					}
					ap.id = append(ap.id, uuid.NewString())
					ap.customer = append(ap.customer, customers[rng.IntN(len(customers))])
					ap.service, ap.resource = append(ap.service, services[si]), append(ap.resource, res)
					ap.status, ap.price = append(ap.status, status), append(ap.price, svc.price)
					ap.start, ap.end = append(ap.start, at), append(ap.end, fin)
					at = fin.Add(15 * time.Minute)
				} else {
					at = at.Add(30 * time.Minute)
				}
			}
		}
	}
	b = &pgx.Batch{}
	b.Queue(`INSERT INTO appointments (id, customer_id, service_id, start_time, end_time, status, price, source, cancelled_at)
		SELECT id, c, s, st, en, status, price::numeric, 'STAFF', CASE WHEN status = 'CANCELLED' THEN st END
		FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[])
			AS x(id, c, s, st, en, status, price)`,
		ap.id, ap.customer, ap.service, ap.start, ap.end, ap.status, ap.price)
	b.Queue(`INSERT INTO appointment_resources (appointment_id, resource_id, during, active, session)
		SELECT id, r, tstzrange(st, en), status NOT IN ('CANCELLED', 'NO_SHOW'), id::text
		FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[]) AS x(id, r, st, en, status)`,
		ap.id, ap.resource, ap.start, ap.end, ap.status)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("demo appointments: %w", err)
	}
	return nil
}
