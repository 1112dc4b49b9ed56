package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/logctx"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// bookFrom makes an anonymous online booking from the client address addr
// and returns the status, the Retry-After header and the decoded body.
func (b *biz) bookFrom(addr string, body any) (int, string, map[string]any) {
	b.t.Helper()
	js, _ := json.Marshal(body)
	req := httptest.NewRequest("POST", "http://"+b.host+"/api/booking/", strings.NewReader(string(js)))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	b.srv.ServeHTTP(rec, req)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		b.t.Fatalf("booking from %s: %d %s", addr, rec.Code, rec.Body)
	}
	if rec.Code == 429 && !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/problem+json") {
		b.t.Errorf("429 is not problem JSON: %s", rec.Header().Get("Content-Type"))
	}
	return rec.Code, rec.Header().Get("Retry-After"), out
}

// classFor sets up a group class with room for every booking of a test.
func classFor(t *testing.T, s *sched) (*biz, string) {
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

// newSchedWithQuota is newSched whose plan allows limit appointments a
// month (counted by the store, as the platform's quotas do).
func newSchedWithQuota(t *testing.T, poolSize, limit int) *sched {
	s := newSched(t, poolSize)
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	cfg.SecretKey = testSecret
	now := func() time.Time { return testNow }
	quotas := func(_ context.Context, _ scheduling.Repo, _ scheduling.Business, q scheduling.Quota, count func() (int, error)) error {
		if q != scheduling.QuotaAppointmentsPerMonth {
			return nil
		}
		n, err := count()
		if err != nil {
			return err
		}
		if n >= limit {
			return errs.E(errs.LimitReached, "the plan allows %d appointments a month", limit).With("limit", string(q))
		}
		return nil
	}
	s.srv = httpapi.New(httpapi.Deps{Config: cfg, Log: logctx.New(io.Discard, "text", "error"), Version: "test", DB: s.db,
		Resolver: s.res, Auth: stubAuth{}, Now: now,
		Scheduling: &scheduling.Scheduler{Store: &postgres.Scheduling{DB: s.db}, Now: now, Quotas: quotas}, Settings: s.store})
	return s
}

// TestCancelledBookingsFreeTheMonthlyQuota (issue 11, V3): bookings made
// and cancelled through their manage links do not use up the monthly
// appointment quota, and the quota never refuses the business's own staff.
func TestCancelledBookingsFreeTheMonthlyQuota(t *testing.T) {
	s := newSchedWithQuota(t, 8, 5)
	b, class := classFor(t, s)
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
