package httpapi_test

import (
	"testing"
)

// salon sets up the old system's "Test Salon": Monday 09:00–17:00, Tuesday
// closed, Wednesday 09:00–12:00 and 13:00–17:00, one stylist and a
// 30-minute service. Dates are in January 2026 (Monday the 5th).
func salon(t testing.TB, s *env, slug string) (b *biz, stylist, service, customer string) {
	b = s.business("Test Salon", slug, "Europe/Berlin")
	b.must(200, "PUT", "/api/business-hours/", `[{"dayOfWeek":0,"openTime":"09:00","closeTime":"17:00"},
		{"dayOfWeek":2,"openTime":"09:00","closeTime":"12:00"},{"dayOfWeek":2,"openTime":"13:00","closeTime":"17:00"}]`)
	stylist = b.create("/api/resources/", map[string]any{"name": "Stylist", "type": "STAFF"})
	service = b.create("/api/services/", map[string]any{"name": "Haircut", "durationMinutes": 30, "price": 50, "currency": "EUR"})
	customer = b.create("/api/customers/", map[string]any{"name": "Ann", "email": "ann@example.com"})
	return
}

func TestSalonAvailabilityRules(t *testing.T) {
	s := newSched(t, 10)
	b, stylist, service, customer := salon(t, s, "salon")
	avail := func(date, extra string) []string {
		t.Helper()
		code, body := b.call("GET", "/api/appointments/availability/?service_id="+service+"&date="+date+extra, b.owner, nil)
		if code != 200 {
			t.Fatalf("availability %s: %d %v", date, code, body)
		}
		return slots(body)
	}
	mon := avail("2026-01-05", "")
	for _, want := range []string{"09:00", "09:30", "16:30"} {
		if !has(mon, want) {
			t.Errorf("Monday lacks %s: %v", want, mon)
		}
	}
	if has(mon, "17:00") || len(mon) != 16 {
		t.Errorf("Monday: %v", mon)
	}
	if tue := avail("2026-01-06", ""); len(tue) != 0 {
		t.Errorf("Tuesday is closed: %v", tue)
	}
	wed := avail("2026-01-07", "")
	if !has(wed, "11:30") || !has(wed, "13:00") || has(wed, "12:00") || has(wed, "12:30") {
		t.Errorf("Wednesday: %v", wed)
	}
	// The service summary of the contract.
	_, body := b.call("GET", "/api/appointments/availability/?service_id="+service+"&date=2026-01-05", b.owner, nil)
	if sv := body["service"].(map[string]any); sv["id"] != service || sv["duration"] != 30.0 || body["date"] != "2026-01-05" {
		t.Errorf("shape: %v", body)
	}

	// A confirmed 10:00 appointment takes 10:00 from its resource, not 10:30.
	appt := b.create("/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-05T10:00:00+01:00", "durationMinutes": 30, "status": "CONFIRMED"})
	mon = avail("2026-01-05", "&resource_id="+stylist)
	if has(mon, "10:00") || !has(mon, "10:30") || !has(mon, "09:30") {
		t.Errorf("after a 10:00 booking: %v", mon)
	}
	// Cancelled, it blocks nothing.
	b.must(200, "PATCH", "/api/appointments/"+appt+"/", map[string]any{"status": "CANCELLED"})
	if mon = avail("2026-01-05", "&resource_id="+stylist); !has(mon, "10:00") {
		t.Errorf("a cancelled appointment must not block: %v", mon)
	}
	// A 12:00–13:00 blocker on Monday removes 12:00 and 12:30.
	b.create("/api/blockers/", map[string]any{"resourceId": stylist, "startTime": "2026-01-05T12:00:00+01:00", "durationMinutes": 60, "title": "Lunch"})
	if mon = avail("2026-01-05", ""); has(mon, "12:00") || has(mon, "12:30") || !has(mon, "13:00") || !has(mon, "11:30") {
		t.Errorf("with a lunch blocker: %v", mon)
	}
	// With a second stylist, "any resource" still offers 10:00 when one is booked.
	b.create("/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-05T10:00:00+01:00"})
	if mon = avail("2026-01-05", ""); has(mon, "10:00") {
		t.Errorf("one stylist, booked at 10:00: %v", mon)
	}
	b.create("/api/resources/", map[string]any{"name": "Second stylist", "type": "STAFF"})
	if mon = avail("2026-01-05", ""); !has(mon, "10:00") {
		t.Errorf("two stylists, one free at 10:00: %v", mon)
	}
	if mon = avail("2026-01-05", "&resource_id="+stylist); has(mon, "10:00") {
		t.Errorf("the booked stylist at 10:00: %v", mon)
	}
}

// TestDoubleBookingRefused: the database refuses an overlap, and the API
// names the appointment in the way.
func TestDoubleBookingRefused(t *testing.T) {
	s := newSched(t, 10)
	b, stylist, service, customer := salon(t, s, "salon")
	first := b.create("/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-05T10:00:00+01:00"})
	code, body := b.call("POST", "/api/appointments/", b.owner, map[string]any{"customerId": customer, "resourceId": stylist,
		"serviceId": service, "startTime": "2026-01-05T10:15:00+01:00"})
	if code != 409 || body["conflictingAppointmentId"] != first {
		t.Fatalf("overlap: %d %v", code, body)
	}
	if n := b.count("appointments"); n != 1 {
		t.Errorf("%d appointments written", n)
	}
	// Back to back is fine; moving onto the first is not, and leaves it whole.
	second := b.create("/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-05T10:30:00+01:00"})
	code, body = b.call("PATCH", "/api/appointments/"+second+"/", b.owner, map[string]any{"startTime": "2026-01-05T10:10:00+01:00"})
	if code != 409 || body["conflictingAppointmentId"] != first {
		t.Fatalf("move onto: %d %v", code, body)
	}
	got := b.must(200, "GET", "/api/appointments/"+second+"/", nil)
	if got["startTime"] != "2026-01-05T10:30:00+01:00" {
		t.Errorf("a refused move changed the appointment: %v", got)
	}
	// Unassigning needs PENDING; resizing works; a NO_SHOW releases the time.
	if code, _ := b.call("PATCH", "/api/appointments/"+second+"/", b.owner, map[string]any{"resourceIds": []string{}}); code != 400 {
		t.Errorf("unassign a confirmed appointment: %d", code)
	}
	b.must(200, "PATCH", "/api/appointments/"+second+"/", map[string]any{"durationMinutes": 60})
	b.must(200, "PATCH", "/api/appointments/"+first+"/", map[string]any{"status": "NO_SHOW"})
	b.must(200, "PATCH", "/api/appointments/"+second+"/", map[string]any{"startTime": "2026-01-05T10:00:00+01:00"})
	// Invalid transitions are refused.
	if code, body := b.call("PATCH", "/api/appointments/"+first+"/", b.owner, map[string]any{"status": "CONFIRMED"}); code != 409 {
		t.Errorf("NO_SHOW → CONFIRMED: %d %v", code, body)
	}
	// Completing adds the price to the customer's spend and sets the last visit.
	b.must(200, "PATCH", "/api/appointments/"+second+"/", map[string]any{"status": "COMPLETED"})
	c := b.must(200, "GET", "/api/customers/"+customer+"/", nil)
	if c["totalSpend"] != "50.00" || c["lastVisit"] == nil {
		t.Errorf("customer after completion: %v", c)
	}
	// A PENDING request may be unassigned and later assigned.
	p := b.create("/api/appointments/", map[string]any{"customerId": customer, "serviceId": service, "status": "PENDING",
		"startTime": "2026-01-05T15:00:00+01:00"})
	b.must(200, "PATCH", "/api/appointments/"+p+"/", map[string]any{"resourceId": stylist, "status": "CONFIRMED"})
	list := b.must(200, "GET", "/api/appointments/?start_date=2026-01-05&end_date=2026-01-05&resource_ids="+stylist+"&status=CONFIRMED,COMPLETED", nil)
	if list["count"] != 2.0 {
		t.Errorf("list: %v", list)
	}
}
