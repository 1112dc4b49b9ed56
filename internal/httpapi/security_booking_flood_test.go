package httpapi_test

import (
	"encoding/json"
	"fmt"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// bookFrom makes an anonymous online booking from the client address addr
// and returns the status, the Retry-After header and the decoded body.
func (b *biz) bookFrom(addr string, body any) (int, string, map[string]any) {
	b.t.Helper()
	rec := b.Do(apptest.Request{Method: "POST", Host: b.host, Path: "/api/booking/", Body: body, RemoteAddr: addr + ":40000"})
	var out map[string]any
	if err := json.Unmarshal(rec.Body, &out); err != nil {
		b.t.Fatalf("booking from %s: %d %s", addr, rec.Status, rec.Body)
	}
	if rec.Status == 429 && !strings.HasPrefix(rec.Header.Get("Content-Type"), "application/problem+json") {
		b.t.Errorf("429 is not problem JSON: %s", rec.Header.Get("Content-Type"))
	}
	return rec.Status, rec.Header.Get("Retry-After"), out
}

// classFor sets up a group class with room for every booking of a test.
func classFor(t *testing.T, s *env) (*biz, string) {
	b, _, _, _ := salon(t, s, "salon")
	studio := b.create("/api/resources/", map[string]any{"name": "Studio", "type": "ROOM"})
	return b, b.create("/api/services/", map[string]any{"name": "Open class", "durationMinutes": 60, "capacity": 200,
		"resourceIds": []string{studio}})
}

// TestBookingFloodThrottled (issue 11, V3): anonymous online bookings are
// limited per address and per email, atomically: 40 concurrent bookings
// from one address on a pool of 8 connections give exactly 20 × 201 and
// 20 × 429 (Retry-After, problem JSON); another address still books; one
// email is limited across addresses.
func TestBookingFloodThrottled(t *testing.T) {
	s := newSched(t, 8)
	b, class := classFor(t, s)
	at := "2026-01-05T10:00:00+01:00"
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, retry, out := b.bookFrom("203.0.113.7", map[string]any{"serviceId": class, "startTime": at,
				"customer": map[string]any{"name": "Flood", "email": fmt.Sprintf("flood%d@example.com", i)}})
			if code == 429 {
				if n, err := strconv.Atoi(retry); err != nil || n < 1 || n > 3600 {
					t.Errorf("429 without a sane Retry-After: %q %v", retry, out)
				}
			}
			mu.Lock()
			codes[code]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if codes[201] != 20 || codes[429] != 20 {
		t.Fatalf("status counts from one address: %v", codes)
	}
	if code, _, out := b.bookFrom("198.51.100.9", map[string]any{"serviceId": class, "startTime": at,
		"customer": map[string]any{"name": "Other", "email": "other@example.com"}}); code != 201 {
		t.Fatalf("another address: %d %v", code, out)
	}
	for i := range 11 {
		code, retry, out := b.bookFrom(fmt.Sprintf("192.0.2.%d", 10+i), map[string]any{"serviceId": class, "startTime": at,
			"customer": map[string]any{"name": "Same", "email": "Same@Example.com"}})
		if want := map[bool]int{true: 201, false: 429}[i < 10]; code != want || (code == 429 && retry == "") {
			t.Fatalf("booking %d with one email: %d %q %v", i+1, code, retry, out)
		}
	}
	if n := b.count("appointments"); n != 31 {
		t.Errorf("%d appointments stored, want 31", n)
	}
}

// TestCancelledBookingsFreeTheMonthlyQuota (issue 11, V3): bookings made
// and cancelled through their manage links do not use up the monthly
// appointment quota, and the quota never refuses the business's own staff.
func TestCancelledBookingsFreeTheMonthlyQuota(t *testing.T) {
	s := newSched(t, 8)
	b, class := classFor(t, s)
	// The business's plan allows 5 appointments a month.
	five := 5
	if err := s.App.Platform.SetOverrides(t.Context(), b.ten.ID, platform.Overrides{
		Limits: map[platform.Limit]*int{platform.Limit(scheduling.QuotaAppointmentsPerMonth): &five}}); err != nil {
		t.Fatal(err)
	}
	at := "2026-01-05T10:00:00+01:00"
	for i := range 5 {
		code, _, out := b.bookFrom("203.0.113.7", map[string]any{"serviceId": class, "startTime": at,
			"customer": map[string]any{"name": "Flood", "email": fmt.Sprintf("flood%d@example.com", i)}})
		if code != 201 {
			t.Fatalf("booking %d: %d %v", i+1, code, out)
		}
		id := out["id"].(string)
		b.must(200, "POST", "/api/booking/appointments/"+id+"/cancel/?token="+out["manageToken"].(string), nil)
	}
	code, _, out := b.bookFrom("198.51.100.9", map[string]any{"serviceId": class, "startTime": at,
		"customer": map[string]any{"name": "Real", "email": "real@example.com"}})
	if code != 201 {
		t.Fatalf("cancelled bookings used up the quota: %d %v", code, out)
	}
	// Fill the quota with bookings that hold time: online is refused,
	// staff are not.
	for i := range 4 {
		if code, _, out := b.bookFrom("198.51.100.9", map[string]any{"serviceId": class, "startTime": at,
			"customer": map[string]any{"name": "Real", "email": fmt.Sprintf("real%d@example.com", i)}}); code != 201 {
			t.Fatalf("online booking %d: %d %v", i+2, code, out)
		}
	}
	if code, _, out := b.bookFrom("198.51.100.10", map[string]any{"serviceId": class, "startTime": at,
		"customer": map[string]any{"name": "Late", "email": "late@example.com"}}); code != 403 || out["limit"] != "maxAppointmentsPerMonth" {
		t.Fatalf("online booking past the quota: %d %v", code, out)
	}
	customer := b.create("/api/customers/", map[string]any{"name": "Walk-in", "email": "walkin@example.com"})
	for i := range 3 {
		b.must(201, "POST", "/api/appointments/", map[string]any{"customerId": customer, "serviceId": class,
			"resourceId": b.must(200, "GET", "/api/services/"+class+"/", nil)["resourceIds"].([]any)[0],
			"startTime":  fmt.Sprintf("2026-01-0%dT11:00:00+01:00", 5+i)})
	}
}
