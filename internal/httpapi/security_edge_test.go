package httpapi_test

import (
	"encoding/json"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestPagingOverflow (V8): a page far beyond any list (the largest int64,
// whose offset overflows) is a 400 naming query.page on every paged list —
// the anonymous booking site's, the business's and the platform's — never
// a 500. The walk covers every route whose operation takes page.
func TestPagingOverflow(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	customer := bearer(e.session(e.user("customer@acme.example", access.Customer, acme.ID)))
	super := bearer(e.session(e.user("root@platform.example", access.Superuser, "")))
	lists := 0
	for _, rt := range e.srv.Routes() {
		item := e.srv.OpenAPI().Paths[rt.Path]
		if item == nil || item.Get == nil || rt.Method != "GET" {
			continue
		}
		paged := false
		for _, p := range item.Get.Parameters {
			paged = paged || p.Name == "page" && p.In == "query"
		}
		if !paged {
			continue
		}
		lists++
		host, hdr := "acme.localhost", owner
		switch {
		case strings.HasPrefix(rt.Path, "/api/platform/"):
			host, hdr = "platform.localhost", super
		case rt.Path == "/api/booking/appointments":
			hdr = customer
		case strings.HasPrefix(rt.Path, "/api/booking/"):
			hdr = nil // anonymous
		}
		path := strings.ReplaceAll(rt.Path, "{id}", acme.ID)
		for _, q := range []string{"page=9223372036854775807&page_size=1000", "page=9223372036854775807", "page=1000001&page_size=1000"} {
			code, _, doc := e.do("GET", host, path+"/?"+q, "", hdr...)
			if code != 400 || fieldOf(doc) != "query.page" {
				t.Errorf("GET %s?%s on %s: %d %v, want 400 naming query.page", path, q, host, code, doc)
			}
		}
		if code, _, doc := e.do("GET", host, path+"/?page_size=1001", "", hdr...); code != 400 || fieldOf(doc) != "query.page_size" {
			t.Errorf("GET %s?page_size=1001: %d %v", path, code, doc)
		}
		if code, _, doc := e.do("GET", host, path+"/?page=1000000&page_size=1000", "", hdr...); code != 200 {
			t.Errorf("GET %s at the last allowed page: %d %v", path, code, doc)
		}
	}
	if lists < 5 {
		t.Fatalf("only %d paged lists found", lists)
	}
}

// TestTicketReplyNeedsRead (V10): staff without tickets.read cannot read
// the owner's ticket and, by the same object rule, cannot write into it
// either; a ticket they opened themselves takes their replies.
func TestTicketReplyNeedsRead(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	staff := bearer(e.session(e.user("staff@acme.example", access.TenantStaff, acme.ID)))
	code, _, tk := e.do("POST", "acme.localhost", "/api/tickets/", map[string]any{"subject": "Billing", "description": "Private"}, owner...)
	if code != 201 {
		t.Fatalf("open: %d %v", code, tk)
	}
	id := tk["id"].(string)
	if code, _, doc := e.do("GET", "acme.localhost", "/api/tickets/"+id+"/", nil, staff...); code != 403 {
		t.Errorf("staff reads the owner's ticket: %d %v", code, doc)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/tickets/"+id+"/messages/", map[string]any{"body": "me too"}, staff...); code != 403 {
		t.Errorf("staff writes into the owner's ticket: %d %v, want 403", code, doc)
	}
	_, _, detail := e.do("GET", "acme.localhost", "/api/tickets/"+id+"/", nil, owner...)
	if msgs, _ := detail["messages"].([]any); len(msgs) != 0 {
		t.Errorf("a message landed: %v", msgs)
	}
	code, _, own := e.do("POST", "acme.localhost", "/api/tickets/", map[string]any{"subject": "Mine", "description": "Help"}, staff...)
	if code != 201 {
		t.Fatalf("staff opens: %d %v", code, own)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/tickets/"+own["id"].(string)+"/messages/", map[string]any{"body": "more"}, staff...); code != 201 {
		t.Errorf("staff replies on their own ticket: %d %v", code, doc)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/tickets/"+id+"/messages/", map[string]any{"body": "ok"}, owner...); code != 201 {
		t.Errorf("owner replies: %d %v", code, doc)
	}
}

// TestSettingsCannotFlipApprovalPolicy (V6): a manager holding a temporary
// settings.write grant cannot switch off platformApprovalRequired through
// the general settings PATCH (400 naming the field, policy unchanged, no
// silent change); the dedicated, audited policy route refuses them too.
func TestSettingsCannotFlipApprovalPolicy(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	mgr := e.user("manager@acme.example", access.TenantManager, acme.ID)
	if c, _, doc := e.do("PUT", "acme.localhost", "/api/support-access/policy/", map[string]any{"platformApprovalRequired": true}, owner...); c != 200 {
		t.Fatalf("policy on: %d %v", c, doc)
	}
	if c, _, doc := e.do("POST", "acme.localhost", "/api/permission-grants/", map[string]any{"granteeId": mgr.ID, "action": "settings.write", "reason": "rebrand"}, owner...); c != 201 {
		t.Fatalf("grant: %d %v", c, doc)
	}
	m := bearer(e.session(mgr))
	for _, who := range []struct {
		name string
		hdr  []string
	}{{"manager with settings.write", m}, {"owner", owner}} {
		c, _, doc := e.do("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"platformApprovalRequired": false, "name": "Acme Two"}, who.hdr...)
		if c != 400 || fieldOf(doc) != "body.platformApprovalRequired" {
			t.Errorf("%s PATCHes the policy: %d %v, want 400 naming body.platformApprovalRequired", who.name, c, doc)
		}
	}
	if c, _, doc := e.do("PUT", "acme.localhost", "/api/support-access/policy/", map[string]any{"platformApprovalRequired": false}, m...); c != 403 {
		t.Errorf("manager on the policy route: %d %v", c, doc)
	}
	e.res.Invalidate()
	if _, _, doc := e.do("GET", "acme.localhost", "/api/business/settings/", nil, owner...); doc["platformApprovalRequired"] != true || doc["name"] != "Acme" {
		t.Errorf("settings changed: %v", doc)
	}
	// The grant still lets the manager change what settings.write covers.
	if c, _, doc := e.do("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"name": "Acme Two"}, m...); c != 200 || doc["name"] != "Acme Two" {
		t.Errorf("manager renames: %d %v", c, doc)
	}
}

// TestSettingsPatchWritesOnlyWhatChanged: a PATCH writes the fields it
// names and nothing else, so a change another process made meanwhile (here
// straight in the database, behind this process's host cache) survives.
func TestSettingsPatchWritesOnlyWhatChanged(t *testing.T) {
	// No listener: this process's host cache stays stale, as another
	// process's is until the notification arrives.
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	if c, _, doc := e.do("GET", "acme.localhost", "/api/business/settings/", nil, owner...); c != 200 {
		t.Fatalf("settings: %d %v", c, doc) // the host cache now holds the tenant
	}
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE shared.tenants SET primary_color = '#112233', cancellation_window_hours = 12 WHERE id = $1`, acme.ID); err != nil {
		t.Fatal(err)
	}
	c, _, doc := e.do("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"name": "Acme Renamed", "lateCancellationFeePercent": 20}, owner...)
	if c != 200 || doc["name"] != "Acme Renamed" || doc["primaryColor"] != "#112233" || doc["cancellationWindowHours"] != 12.0 {
		t.Errorf("patch: %d %v", c, doc)
	}
	var color string
	var hours, fee int
	if err := e.db.Pool.QueryRow(t.Context(), `SELECT primary_color, cancellation_window_hours, late_cancellation_fee_percent FROM shared.tenants WHERE id = $1`, acme.ID).
		Scan(&color, &hours, &fee); err != nil {
		t.Fatal(err)
	}
	if color != "#112233" || hours != 12 || fee != 20 {
		t.Errorf("stored: color %s, window %d, fee %d: the other process's change was lost", color, hours, fee)
	}
	if c, _, doc := e.do("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"timezone": "Mars/Base"}, owner...); c != 400 || fieldOf(doc) != "body.timezone" {
		t.Errorf("bad zone: %d %v", c, doc)
	}
}

// TestInstantsBounded (V9): every instant the API accepts lies within a
// window around now (at most five years ahead, twenty back): a year-9999
// appointment, blocker or booking is a 400 naming the field, and so is a
// query date far out; an appointment four years ahead is fine. The clock
// is the fixture's fixed testNow, so the test holds at any date.
func TestInstantsBounded(t *testing.T) {
	s := newSched(t, 4)
	b, stylist, service, customer := salon(t, s, "salon")
	appt := func(start string) map[string]any {
		return map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service, "startTime": start}
	}
	for _, c := range []struct {
		method, path string
		body         any
		field        string
	}{
		{"POST", "/api/appointments/", appt("9999-12-31T23:59:00Z"), "body.startTime"},
		{"POST", "/api/appointments/", appt("2031-01-05T10:00:00Z"), "body.startTime"}, // just over five years
		{"POST", "/api/appointments/", appt("1900-01-01T10:00:00Z"), "body.startTime"},
		{"POST", "/api/booking/", map[string]any{"serviceId": service, "startTime": "0001-01-01T00:00:00Z",
			"customer": map[string]any{"name": "Eve", "email": "eve@example.com"}}, "body.startTime"},
		{"POST", "/api/blockers/", map[string]any{"resourceId": stylist, "startTime": "9999-12-31T10:00:00Z", "durationMinutes": 60, "title": "x"}, "body.startTime"},
		{"POST", "/api/blockers/", map[string]any{"resourceId": stylist, "startTime": "2026-02-02T10:00:00Z", "endTime": "9999-12-31T10:00:00Z", "title": "x"}, "body.endTime"},
		{"POST", "/api/booking/", map[string]any{"serviceId": service, "startTime": "9999-12-31T09:00:00Z",
			"customer": map[string]any{"name": "Eve", "email": "eve@example.com"}}, "body.startTime"},
		{"GET", "/api/appointments/?start_date=9999-12-31", nil, "query.start_date"},
		{"GET", "/api/appointments/?start_date=2026-01-01&end_date=9999-12-31", nil, "query.end_date"},
		{"GET", "/api/blockers/?start_date=0001-01-01", nil, "query.start_date"},
		{"GET", "/api/appointments/availability/?service_id=" + service + "&date=9999-12-31", nil, "query.date"},
	} {
		code, doc := b.call(c.method, c.path, b.owner, c.body)
		if code != 400 || fieldOf(doc) != c.field {
			t.Errorf("%s %s %v: %d %v, want 400 naming %s", c.method, c.path, c.body, code, doc, c.field)
		}
	}
	id := b.create("/api/appointments/", appt("2029-12-03T10:00:00Z")) // a Monday four years ahead
	if code, doc := b.call("GET", "/api/appointments/"+id+"/", b.owner, nil); code != 200 {
		t.Errorf("four years ahead: %d %v", code, doc)
	}
	if code, doc := b.call("PATCH", "/api/appointments/"+id+"/", b.owner, map[string]any{"startTime": "9999-12-31T23:59:00Z"}); code != 400 || fieldOf(doc) != "body.startTime" {
		t.Errorf("moved to 9999: %d %v", code, doc)
	}
}

// TestUnencodableResponseIs500 (V9): when a stored row cannot be encoded
// (a year-9999 appointment from before the bounds, its end in year
// 10000), the list answers a 500 problem document, not a 200 whose body
// is not JSON.
func TestUnencodableResponseIs500(t *testing.T) {
	s := newSched(t, 4)
	b, stylist, service, customer := salon(t, s, "salon")
	id := b.create("/api/appointments/", map[string]any{"customerId": customer, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-05T10:00:00Z"})
	if _, err := s.db.Pool.Exec(t.Context(), `UPDATE `+b.ten.Schema+`.appointments
		SET start_time = '9999-12-31T23:59:00Z', end_time = '10000-01-01T00:29:00Z' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	code, raw := b.raw("GET", "/api/appointments/", b.owner, nil)
	var doc map[string]any
	if code != 500 || json.Unmarshal(raw, &doc) != nil || doc["status"] != 500.0 {
		t.Errorf("list with an unencodable row: %d %q, want a 500 problem", code, raw)
	}
	if code, doc := b.call("GET", "/api/services/", b.owner, nil); code != 200 || doc["count"] != 1.0 {
		t.Errorf("other lists: %d %v", code, doc)
	}
}

// TestBodiesOnlyAsJSON: a body without a Content-Type, or with a type a
// cross-site no-cors request may send, reaches no JSON route: 415 problem,
// nothing changed. JSON and +json types are read; bodiless POSTs work.
func TestBodiesOnlyAsJSON(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	u := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	tok := e.session(u)
	send := func(method, path, ct, body string, auth bool) (int, map[string]any) {
		r := apptest.Request{Method: method, Host: "acme.localhost", Path: path, Body: body, Header: []string{"Content-Type", ct}}
		if auth {
			r.Auth = tok
		}
		rec := e.Do(r)
		var doc map[string]any
		_ = json.Unmarshal(rec.Body, &doc)
		if rec.Status == 415 && rec.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s %s: 415 as %q", method, path, rec.Header.Get("Content-Type"))
		}
		return rec.Status, doc
	}
	login := `{"email":"` + u.Email + `","password":"` + testPassword + `"}`
	for _, ct := range []string{"", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
		if code, doc := send("POST", "/api/auth/login/", ct, login, false); code != 415 || doc["detail"] == nil {
			t.Errorf("login as %q: %d %v, want 415", ct, code, doc)
		}
		if code, doc := send("PATCH", "/api/business/settings/", ct, `{"name":"Pwned"}`, true); code != 415 {
			t.Errorf("settings as %q: %d %v, want 415", ct, code, doc)
		}
	}
	if _, doc := send("GET", "/api/business/settings/", "", "", true); doc["name"] != "Acme" {
		t.Errorf("settings changed: %v", doc)
	}
	for _, ct := range []string{"application/json", "application/json; charset=utf-8", "application/merge-patch+json"} {
		if code, doc := send("PATCH", "/api/business/settings/", ct, `{"name":"Acme"}`, true); code != 200 {
			t.Errorf("settings as %q: %d %v", ct, code, doc)
		}
	}
	if code, doc := send("POST", "/api/auth/login/", "application/json", login, false); code != 200 {
		t.Errorf("JSON login: %d %v", code, doc)
	}
	if code, doc := send("POST", "/api/auth/logout/", "", "", true); code >= 300 {
		t.Errorf("bodiless logout: %d %v", code, doc)
	}
}
