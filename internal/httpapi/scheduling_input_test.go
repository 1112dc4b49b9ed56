package httpapi_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestSchedulingBadInput: unknown and foreign ids, malformed parameters and bodies,
// impossible times, past bookings and blocked customers get clear errors
// and write nothing.
func TestSchedulingBadInput(t *testing.T) {
	s := newSched(t, 10)
	b, stylist, service, customer := salon(t, s, "salon")
	other, _, foreignService, foreignCustomer := salon(t, s, "other")
	avail := "/api/appointments/availability/?service_id=" + service
	type problem struct {
		method, path string
		body         any
		status       int
		location     string // expected errors[].location, if any
	}
	cases := []problem{
		{"GET", "/api/appointments/availability/?service_id=" + foreignService + "&date=2026-01-05", nil, 404, ""},
		{"GET", "/api/appointments/availability/?service_id=" + uuid.NewString() + "&date=2026-01-05", nil, 404, ""},
		{"GET", "/api/appointments/availability/?date=2026-01-05", nil, 400, "query.service_id"},
		{"GET", avail, nil, 400, "query.date"},
		{"GET", avail + "&date=2026-13-05", nil, 400, "query.date"},
		{"GET", avail + "&date=05/01/2026", nil, 400, "query.date"},
		{"GET", avail + "&date=2026-01-05&timezone=Mars/Olympus", nil, 400, "query.timezone"},
		{"GET", avail + "&date=2026-01-05&resource_id=nope", nil, 400, "query.resource_id"},
		{"GET", "/api/appointments/availability/?service_id=not-a-uuid&date=2026-01-05", nil, 400, "query.service_id"},
		{"GET", "/api/appointments/availability/why-not/?service_id=" + service + "&start_time=tomorrow", nil, 400, "query.start_time"},
		{"GET", "/api/appointments/availability/range/?service_id=" + service + "&start_date=2026-01-09&end_date=2026-01-05", nil, 400, "query.end_date"},
		{"GET", "/api/appointments/?start_date=2026-01-09&end_date=2026-01-05", nil, 400, "query.end_date"},
		{"GET", "/api/services/" + foreignService + "/", nil, 404, ""},
		{"GET", "/api/services/not-a-uuid/", nil, 404, ""},
		{"GET", "/api/appointments/12345/", nil, 404, ""},
		{"PATCH", "/api/customers/" + foreignCustomer + "/", map[string]any{"name": "X"}, 404, ""},
		{"POST", "/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": foreignService,
			"startTime": "2026-01-05T10:00:00+01:00"}, 404, "body.serviceId"},
		{"POST", "/api/appointments/", map[string]any{"customerId": foreignCustomer, "resourceId": stylist, "serviceId": service,
			"startTime": "2026-01-05T10:00:00+01:00"}, 404, "body.customerId"},
		{"POST", "/api/appointments/", map[string]any{"customerId": customer, "resourceId": "nope", "serviceId": service,
			"startTime": "2026-01-05T10:00:00+01:00"}, 400, "body.resourceId"},
		{"POST", "/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
			"startTime": "2026-01-05 10:00"}, 400, "body.startTime"},
		{"POST", "/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
			"startTime": "2026-01-05T10:00:00+01:00", "durationMinutes": 0}, 400, "body.durationMinutes"},
		{"POST", "/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
			"startTime": "2026-01-05T10:00:00+01:00", "durationMinutes": -30}, 400, "body.durationMinutes"},
		{"POST", "/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
			"startTime": "2025-12-01T10:00:00+01:00"}, 400, "body.startTime"},
		{"POST", "/api/blockers/", map[string]any{"resourceId": stylist, "startTime": "2026-01-05T12:00:00+01:00",
			"endTime": "2026-01-05T11:00:00+01:00"}, 400, "body.endTime"},
		{"POST", "/api/blockers/", map[string]any{"resourceId": stylist, "startTime": "2026-01-05T12:00:00+01:00",
			"durationMinutes": 0}, 400, "body.durationMinutes"},
		{"POST", "/api/services/", map[string]any{"name": "Bad", "durationMinutes": 30, "price": "12.345"}, 400, "body.price"},
		{"POST", "/api/services/", map[string]any{"name": "Bad", "durationMinutes": -5}, 400, "body.durationMinutes"},
		{"PUT", "/api/business-hours/", []map[string]any{{"dayOfWeek": 0, "openTime": "17:00", "closeTime": "09:00"}}, 400, "body[0].closeTime"},
		{"POST", "/api/booking/", map[string]any{"serviceId": service, "startTime": "2025-12-29T10:00:00+01:00",
			"customer": map[string]any{"name": "Past", "email": "past@example.com"}}, 400, "body.startTime"},
		{"POST", "/api/booking/", map[string]any{"serviceId": service, "startTime": "2026-01-06T10:00:00+01:00",
			"customer": map[string]any{"name": "Tue", "email": "tue@example.com"}}, 400, "body.startTime"},
		{"POST", "/api/booking/", map[string]any{"serviceId": foreignService, "startTime": "2026-01-05T10:00:00+01:00",
			"customer": map[string]any{"name": "F", "email": "f@example.com"}}, 404, "body.serviceId"},
		{"POST", "/api/booking/", map[string]any{"serviceId": service, "startTime": "2026-01-05T10:00:00+01:00",
			"customer": map[string]any{"name": "NoMail", "email": "not-an-email"}}, 400, "body.customer.email"},
	}
	for _, c := range cases {
		code, out := b.call(c.method, c.path, b.owner, c.body)
		if code != c.status {
			t.Errorf("%s %s: %d, want %d: %v", c.method, c.path, code, c.status, out)
			continue
		}
		if det, _ := out["detail"].(string); det == "" {
			t.Errorf("%s %s: no detail: %v", c.method, c.path, out)
		}
		if c.location != "" && !strings.Contains(asJSON(out["errors"]), `"location":"`+c.location+`"`) {
			t.Errorf("%s %s: errors %v, want location %s", c.method, c.path, out["errors"], c.location)
		}
	}
	// A blocked customer cannot book, online or by staff.
	b.must(200, "PATCH", "/api/customers/"+customer+"/", map[string]any{"status": "BLOCKED"})
	code, out := b.call("POST", "/api/booking/", "", map[string]any{"serviceId": service, "startTime": "2026-01-05T10:00:00+01:00",
		"customer": map[string]any{"name": "Ann", "email": "ANN@example.com"}})
	if code != 403 || !strings.Contains(out["detail"].(string), "contact the business") {
		t.Errorf("blocked online: %d %v", code, out)
	}
	if code, _ := b.call("POST", "/api/appointments/", b.owner, map[string]any{"customerId": customer, "resourceId": stylist,
		"serviceId": service, "startTime": "2026-01-05T10:00:00+01:00"}); code != 403 {
		t.Errorf("blocked by staff: %d", code)
	}
	if n := b.count("appointments"); n != 0 {
		t.Errorf("%d appointments written by bad requests", n)
	}
	if n := b.count("appointment_resources"); n != 0 {
		t.Errorf("%d holds written by bad requests", n)
	}
	if n := b.count("blockers"); n != 0 {
		t.Errorf("%d blockers written", n)
	}
	// Staff read but do not write; customers and strangers do neither.
	staff := b.as(access.TenantStaff)
	if code, _ := b.call("GET", "/api/resources/", staff, nil); code != 200 {
		t.Errorf("staff read resources: %d", code)
	}
	if code, _ := b.call("POST", "/api/resources/", staff, map[string]any{"name": "X", "type": "ROOM"}); code != 403 {
		t.Errorf("staff write resources: %d", code)
	}
	if code, _ := b.call("GET", "/api/customers/", b.as(access.Customer), nil); code != 403 {
		t.Errorf("customer reads customers: %d", code)
	}
	if code, _ := b.call("GET", "/api/resources/", "", nil); code != 401 {
		t.Errorf("anonymous reads resources: %d", code)
	}
	if code, _ := b.call("GET", "/api/resources/", other.owner, nil); code != 401 {
		t.Errorf("another tenant's owner: %d", code)
	}
}
