package httpapi_test

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestConcurrentBookingsOneWins: 50 simultaneous online bookings of one
// slot and resource through the handler: exactly one 201, 49 × 409.
func TestConcurrentBookingsOneWins(t *testing.T) {
	s := newSched(t, 60)
	b, stylist, service, _ := salon(t, s, "salon")
	codes := hammer(50, func(i int) int {
		code, _ := b.call("POST", "/api/booking/", "", map[string]any{"serviceId": service, "resourceId": stylist,
			"startTime": "2026-01-05T10:00:00+01:00",
			"customer":  map[string]any{"name": fmt.Sprint("C", i), "email": fmt.Sprintf("c%d@example.com", i)}})
		return code
	})
	if codes[201] != 1 || codes[409] != 49 {
		t.Fatalf("status counts %v", codes)
	}
	if n := b.count("appointment_resources WHERE active"); n != 1 {
		t.Errorf("%d holds", n)
	}
}

// TestConcurrentMovesOneWins: 50 appointments dragged onto one slot at once.
func TestConcurrentMovesOneWins(t *testing.T) {
	s := newSched(t, 60)
	b, stylist, service, customer := salon(t, s, "salon")
	ids := make([]string, 50)
	start := time.Date(2026, 1, 12, 9, 0, 0, 0, time.FixedZone("", 3600)) // Mondays from the 12th
	for i := range ids {
		at := start.AddDate(0, 0, 7*(i/16)).Add(time.Duration(i%16) * 30 * time.Minute)
		ids[i] = b.create("/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
			"startTime": at.Format(time.RFC3339)})
	}
	codes := hammer(50, func(i int) int {
		code, _ := b.call("PATCH", "/api/appointments/"+ids[i]+"/", b.owner, map[string]any{"startTime": "2026-01-05T11:00:00+01:00"})
		return code
	})
	if codes[200] != 1 || codes[409] != 49 {
		t.Fatalf("status counts %v", codes)
	}
	list := b.must(200, "GET", "/api/appointments/?start_date=2026-01-05&end_date=2026-01-05", nil)
	if list["count"] != 1.0 {
		t.Errorf("appointments on the 5th: %v", list["count"])
	}
}

// TestIdempotentRetry: a retry with the same key returns the first
// booking, with the same status and body; another body with the key is
// refused; nothing is booked twice.
func TestIdempotentRetry(t *testing.T) {
	s := newSched(t, 20)
	b, _, service, _ := salon(t, s, "salon")
	body := map[string]any{"serviceId": service, "startTime": "2026-01-05T10:00:00+01:00",
		"customer": map[string]any{"name": "Bea", "email": "bea@example.com", "phone": "+49 30 1234"}}
	c1, r1 := b.raw("POST", "/api/booking/", "", body, "Idempotency-Key", "key-1")
	c2, r2 := b.raw("POST", "/api/booking/", "", body, "Idempotency-Key", "key-1")
	if c1 != 201 || c2 != 201 || string(r1) != string(r2) {
		t.Fatalf("retry: %d %s / %d %s", c1, r1, c2, r2)
	}
	// Concurrent twins with a new key also yield one booking.
	codes := hammer(10, func(int) int {
		code, _ := b.raw("POST", "/api/booking/", "", map[string]any{"serviceId": service, "startTime": "2026-01-05T11:00:00+01:00",
			"customer": map[string]any{"name": "Bea", "email": "bea@example.com"}}, "Idempotency-Key", "key-2")
		return code
	})
	if codes[201] != 10 {
		t.Errorf("concurrent retries: %v", codes)
	}
	body["startTime"] = "2026-01-05T12:00:00+01:00"
	code, out := b.call("POST", "/api/booking/", "", body, "Idempotency-Key", "key-1")
	if code != 409 || out["idempotencyKey"] != "key-1" {
		t.Errorf("same key, other body: %d %v", code, out)
	}
	if n := b.count("appointments"); n != 2 {
		t.Errorf("%d appointments", n)
	}
	if n := b.count("customers WHERE email = 'bea@example.com'"); n != 1 {
		t.Errorf("%d customers for one email", n)
	}
}

// hammer runs f n times at once and counts the statuses.
func hammer(n int, f func(i int) int) map[int]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	codes := map[int]int{}
	gate := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			c := f(i)
			mu.Lock()
			codes[c]++
			mu.Unlock()
		}()
	}
	close(gate)
	wg.Wait()
	return codes
}
