package httpapi_test

import "testing"

// TestSeatsRepackOnFragmentation: a room of capacity 2 where first-fit
// finds no single free seat although at most one seat is ever busy; the
// booking succeeds by re-packing seats, and a third overlap is refused.
func TestSeatsRepackOnFragmentation(t *testing.T) {
	s := newSched(t, 10)
	b, _, _, customer := salon(t, s, "salon")
	room := b.create("/api/resources/", map[string]any{"name": "Room", "type": "ROOM", "capacity": 2})
	svc := b.create("/api/services/", map[string]any{"name": "Sauna", "durationMinutes": 60, "resourceIds": []string{room}})
	at := func(hhmm string, minutes int) (int, map[string]any) {
		return b.call("POST", "/api/appointments/", b.owner, map[string]any{"customerId": customer, "resourceId": room, "serviceId": svc,
			"startTime": "2026-01-05T" + hhmm + ":00+01:00", "durationMinutes": minutes})
	}
	mustAt := func(hhmm string, minutes int) string {
		code, out := at(hhmm, minutes)
		if code != 201 {
			t.Fatalf("%s: %d %v", hhmm, code, out)
		}
		return out["id"].(string)
	}
	p := mustAt("08:00", 90) // seat 1
	mustAt("09:00", 60)      // A: seat 2 (P holds seat 1)
	mustAt("10:00", 60)      // B: seat 1
	b.must(200, "PATCH", "/api/appointments/"+p+"/", map[string]any{"status": "CANCELLED"})
	mustAt("09:30", 60) // C: A on 2 and B on 1 leave no seat → re-pack
	if code, out := at("09:45", 30); code != 409 || out["conflictingAppointmentId"] == nil {
		t.Errorf("third overlap in a room of two: %d %v", code, out)
	}
	var bad int
	err := b.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM `+b.ten.Schema+`.appointment_resources x
		JOIN `+b.ten.Schema+`.appointment_resources y ON x.resource_id = y.resource_id AND x.seat = y.seat
		AND x.appointment_id < y.appointment_id AND x.during && y.during WHERE x.active AND y.active`).Scan(&bad)
	if err != nil || bad != 0 {
		t.Errorf("overlapping seats: %d %v", bad, err)
	}
}

// TestGroupClass: a class of three seats shares one seat of its room; the
// fourth participant is refused, as is another session overlapping it.
func TestGroupClass(t *testing.T) {
	s := newSched(t, 10)
	b, _, _, _ := salon(t, s, "salon")
	studio := b.create("/api/resources/", map[string]any{"name": "Studio", "type": "ROOM"})
	yoga := b.create("/api/services/", map[string]any{"name": "Yoga", "durationMinutes": 60, "capacity": 3, "resourceIds": []string{studio}})
	for i, want := range []int{201, 201, 201, 409} {
		code, out := b.call("POST", "/api/booking/", "", map[string]any{"serviceId": yoga, "startTime": "2026-01-05T10:00:00+01:00",
			"customer": map[string]any{"name": "Y", "email": string(rune('a'+i)) + "@yoga.example"}})
		if code != want {
			t.Errorf("participant %d: %d %v", i+1, code, out)
		}
	}
	_, body := b.call("GET", "/api/booking/availability/?service_id="+yoga+"&date=2026-01-05", "", nil)
	if has(slots(body), "10:00") || has(slots(body), "10:30") || !has(slots(body), "11:00") {
		t.Errorf("full class still offered: %v", slots(body))
	}
}
