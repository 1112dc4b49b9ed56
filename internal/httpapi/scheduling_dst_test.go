package httpapi_test

import (
	"testing"
	"time"
)

// everyDay opens a business 09:00–17:00 all week and adds one stylist and a
// 60-minute service.
func everyDay(t *testing.T, s *env, slug, tz string) (b *biz, stylist, service string) {
	b = s.business(slug, slug, tz)
	var week []map[string]any
	for d := range 7 {
		week = append(week, map[string]any{"dayOfWeek": d, "openTime": "09:00", "closeTime": "17:00"})
	}
	b.must(200, "PUT", "/api/business-hours/", week)
	stylist = b.create("/api/resources/", map[string]any{"name": "Stylist", "type": "STAFF"})
	service = b.create("/api/services/", map[string]any{"name": "Colour", "durationMinutes": 60, "price": "80.00", "currency": "USD",
		"slotStepMinutes": 60})
	return
}

func TestDSTOverHTTP(t *testing.T) {
	s := newSched(t, 10)
	cases := []struct {
		slug, tz      string
		before, after string // dates around a change
		offBefore     string // UTC offsets of 09:00 local on those dates
		offAfter      string
	}{
		{"ny-spring", "America/New_York", "2026-03-07", "2026-03-09", "-05:00", "-04:00"},
		{"ny-autumn", "America/New_York", "2026-10-31", "2026-11-02", "-04:00", "-05:00"},
		{"berlin-spring", "Europe/Berlin", "2026-03-28", "2026-03-30", "+01:00", "+02:00"},
		{"berlin-autumn", "Europe/Berlin", "2026-10-24", "2026-10-26", "+02:00", "+01:00"},
	}
	for _, c := range cases {
		t.Run(c.slug, func(t *testing.T) {
			b, stylist, service := everyDay(t, s, c.slug, c.tz)
			// A daily 12:00–13:00 lunch blocker starting before the change
			// stays at 12:00 local after it.
			b.create("/api/blockers/", map[string]any{"resourceId": stylist, "startTime": c.before + "T12:00:00" + c.offBefore,
				"endTime": c.before + "T13:00:00" + c.offBefore, "title": "Lunch", "rrule": "FREQ=DAILY"})
			for _, d := range []string{c.before, c.after} {
				_, body := b.call("GET", "/api/appointments/availability/?service_id="+service+"&date="+d, b.owner, nil)
				got := slots(body)
				want := []string{"09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"}
				if len(got) != len(want) {
					t.Fatalf("%s: %v", d, got)
				}
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("%s: %v", d, got)
					}
				}
			}
			// The day of the change itself: still seven one-hour slots of
			// local time (the change happens at night).
			_, body := b.call("GET", "/api/appointments/availability/range/?service_id="+service+"&start_date="+c.before+"&end_date="+c.after, b.owner, nil)
			list := body["slots"].([]any)
			if len(list) != 21 {
				t.Fatalf("range: %d slots", len(list))
			}
			first, last := list[0].(map[string]any)["start"].(string), list[20].(map[string]any)["start"].(string)
			if first != c.before+"T09:00:00"+c.offBefore || last != c.after+"T16:00:00"+c.offAfter {
				t.Errorf("range instants %s … %s", first, last)
			}
			// A booking at 09:00 local after the change lands at the new offset.
			cust := b.create("/api/customers/", map[string]any{"name": "Dee", "email": "dee@example.com"})
			at := c.after + "T09:00:00" + c.offAfter
			appt := b.must(201, "POST", "/api/appointments/", map[string]any{"customerId": cust, "resourceId": stylist, "serviceId": service, "startTime": at})
			if appt["startTime"] != at {
				t.Errorf("stored %v, want %s", appt["startTime"], at)
			}
			_, body = b.call("GET", "/api/appointments/availability/?service_id="+service+"&date="+c.after, b.owner, nil)
			if has(slots(body), "09:00") {
				t.Errorf("09:00 still offered after booking: %v", slots(body))
			}
		})
	}
}

// TestViewerInAnotherZone: a Berlin business seen from New York. On
// 2026-03-20 Berlin is UTC+1 and New York UTC−4 (the US changed first), so
// Berlin's 09:00–17:00 is 04:00–12:00 in New York.
func TestViewerInAnotherZone(t *testing.T) {
	s := newSched(t, 10)
	b, _, service := everyDay(t, s, "berlin", "Europe/Berlin")
	_, body := b.call("GET", "/api/appointments/availability/?service_id="+service+"&date=2026-03-20&timezone=America/New_York", b.owner, nil)
	got := slots(body)
	if len(got) != 8 || got[0] != "04:00" || got[7] != "11:00" {
		t.Errorf("from New York: %v", got)
	}
	// Booking online with the instant the viewer saw.
	at := time.Date(2026, 3, 20, 4, 0, 0, 0, mustZone(t, "America/New_York")).Format(time.RFC3339)
	code, out := b.call("POST", "/api/booking/", "", map[string]any{"serviceId": service, "startTime": at,
		"customer": map[string]any{"name": "Eve", "email": "eve@example.com"}})
	if code != 201 || out["startTime"] != "2026-03-20T09:00:00+01:00" {
		t.Errorf("booking from New York: %d %v", code, out)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
