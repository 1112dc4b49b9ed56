package scheduling

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// benchWorld is a business open 08:00-20:00 every day in New York with
// `resources` STAFF resources, a weekday lunch blocker each, and `bookings`
// 30-minute bookings spread over `days` days (sorted by resource and
// start, as the database returns them).
func benchWorld(b *testing.B, days, resources, bookings int) (Inputs, Query) {
	loc := zone(b, "America/New_York")
	first := day("2026-10-19") // spans the November DST change
	in := Inputs{BusinessZone: loc, BusinessHours: everyDay("08:00", "20:00")}
	for i := range resources {
		r := staff(fmt.Sprintf("staff-%02d", i))
		in.Resources = append(in.Resources, r)
		lunch := first.At(hm("12:00"), loc)
		in.Blockers = append(in.Blockers, Blocker{ID: "lunch-" + r.ID, ResourceID: &in.Resources[i].ID,
			Start: lunch, End: lunch.Add(time.Hour), RRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"})
	}
	rng := rand.New(rand.NewPCG(7, 7))
	perResource := bookings / resources
	const halfHours = 24 // 08:00-20:00
	for i := range resources {
		taken := map[int]bool{}
		for len(taken) < perResource {
			taken[rng.IntN(days*halfHours)] = true
		}
		for k := range days * halfHours {
			if !taken[k] {
				continue
			}
			start := first.AddDays(k/halfHours).At(Clock(8, 0), loc).Add(time.Duration(k%halfHours) * 30 * time.Minute)
			in.Bookings = append(in.Bookings, Booking{AppointmentID: fmt.Sprint(i, k), ResourceID: in.Resources[i].ID, Start: start, End: start.Add(30 * time.Minute), Seats: 1})
		}
	}
	q := Query{Service: service(30), Now: first.At(0, loc).Add(-time.Hour)}
	q.From, _ = DayRange(first, loc)
	_, q.To = DayRange(first.AddDays(days-1), loc)
	return in, q
}

func benchmarkAvailability(b *testing.B, days, resources, bookings int) {
	in, q := benchWorld(b, days, resources, bookings)
	if len(in.Bookings) != bookings {
		b.Fatalf("built %d bookings, want %d", len(in.Bookings), bookings)
	}
	var slots int
	b.ReportAllocs()
	for b.Loop() {
		slots = len(Available(in, q))
	}
	b.ReportMetric(float64(slots), "slots")
}

func BenchmarkAvailability30Days20Resources10kBookings(b *testing.B) {
	benchmarkAvailability(b, 30, 20, 10_000)
}

func BenchmarkAvailability1Day5Resources100Bookings(b *testing.B) {
	benchmarkAvailability(b, 1, 5, 100)
}

func BenchmarkWhyNot30Days20Resources10kBookings(b *testing.B) {
	in, q := benchWorld(b, 30, 20, 10_000)
	at := day("2026-10-20").At(hm("10:00"), in.BusinessZone)
	b.ReportAllocs()
	for b.Loop() {
		WhyNot(in, q, at)
	}
}
