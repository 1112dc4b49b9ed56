package httpapi_test

import (
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestPagingOverflow (V8): a page far beyond any list (the largest int64,
// whose offset overflows) is a 400 naming query.page on every paged list —
// the anonymous booking site's, the business's and the platform's — never
// a 500. The walk covers every route whose operation takes page.
func TestPagingOverflow(t *testing.T) {
	e := newPlatEnv(t)
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
	e := newPlatEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	staff := bearer(e.session(e.user("staff@acme.example", access.TenantStaff, acme.ID)))
	code, tk := e.call("POST", "acme.localhost", "/api/tickets/", map[string]any{"subject": "Billing", "description": "Private"}, owner)
	if code != 201 {
		t.Fatalf("open: %d %v", code, tk)
	}
	id := tk["id"].(string)
	if code, doc := e.call("GET", "acme.localhost", "/api/tickets/"+id+"/", nil, staff); code != 403 {
		t.Errorf("staff reads the owner's ticket: %d %v", code, doc)
	}
	if code, doc := e.call("POST", "acme.localhost", "/api/tickets/"+id+"/messages/", map[string]any{"body": "me too"}, staff); code != 403 {
		t.Errorf("staff writes into the owner's ticket: %d %v, want 403", code, doc)
	}
	_, detail := e.call("GET", "acme.localhost", "/api/tickets/"+id+"/", nil, owner)
	if msgs, _ := detail["messages"].([]any); len(msgs) != 0 {
		t.Errorf("a message landed: %v", msgs)
	}
	code, own := e.call("POST", "acme.localhost", "/api/tickets/", map[string]any{"subject": "Mine", "description": "Help"}, staff)
	if code != 201 {
		t.Fatalf("staff opens: %d %v", code, own)
	}
	if code, doc := e.call("POST", "acme.localhost", "/api/tickets/"+own["id"].(string)+"/messages/", map[string]any{"body": "more"}, staff); code != 201 {
		t.Errorf("staff replies on their own ticket: %d %v", code, doc)
	}
	if code, doc := e.call("POST", "acme.localhost", "/api/tickets/"+id+"/messages/", map[string]any{"body": "ok"}, owner); code != 201 {
		t.Errorf("owner replies: %d %v", code, doc)
	}
}

// TestSettingsCannotFlipApprovalPolicy (V6): a manager holding a temporary
// settings.write grant cannot switch off platformApprovalRequired through
// the general settings PATCH (400 naming the field, policy unchanged, no
// silent change); the dedicated, audited policy route refuses them too.
func TestSettingsCannotFlipApprovalPolicy(t *testing.T) {
	e := newPlatEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	mgr := e.user("manager@acme.example", access.TenantManager, acme.ID)
	if c, doc := e.call("PUT", "acme.localhost", "/api/support-access/policy/", map[string]any{"platformApprovalRequired": true}, owner); c != 200 {
		t.Fatalf("policy on: %d %v", c, doc)
	}
	if c, doc := e.call("POST", "acme.localhost", "/api/permission-grants/", map[string]any{"granteeId": mgr.ID, "action": "settings.write", "reason": "rebrand"}, owner); c != 201 {
		t.Fatalf("grant: %d %v", c, doc)
	}
	m := bearer(e.session(mgr))
	for _, who := range []struct {
		name string
		hdr  []string
	}{{"manager with settings.write", m}, {"owner", owner}} {
		c, doc := e.call("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"platformApprovalRequired": false, "name": "Acme Two"}, who.hdr)
		if c != 400 || fieldOf(doc) != "body.platformApprovalRequired" {
			t.Errorf("%s PATCHes the policy: %d %v, want 400 naming body.platformApprovalRequired", who.name, c, doc)
		}
	}
	if c, doc := e.call("PUT", "acme.localhost", "/api/support-access/policy/", map[string]any{"platformApprovalRequired": false}, m); c != 403 {
		t.Errorf("manager on the policy route: %d %v", c, doc)
	}
	e.res.Invalidate()
	if _, doc := e.call("GET", "acme.localhost", "/api/business/settings/", nil, owner); doc["platformApprovalRequired"] != true || doc["name"] != "Acme" {
		t.Errorf("settings changed: %v", doc)
	}
	// The grant still lets the manager change what settings.write covers.
	if c, doc := e.call("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"name": "Acme Two"}, m); c != 200 || doc["name"] != "Acme Two" {
		t.Errorf("manager renames: %d %v", c, doc)
	}
}

// TestSettingsPatchWritesOnlyWhatChanged: a PATCH writes the fields it
// names and nothing else, so a change another process made meanwhile (here
// straight in the database, behind this process's host cache) survives.
func TestSettingsPatchWritesOnlyWhatChanged(t *testing.T) {
	// No listener: this process's host cache stays stale, as another
	// process's is until the notification arrives.
	e := &platEnv{authEnv: newAuthEnv(t)}
	acme := e.tenant("Acme", "acme")
	owner := bearer(e.session(e.user("owner@acme.example", access.TenantOwner, acme.ID)))
	if c, doc := e.call("GET", "acme.localhost", "/api/business/settings/", nil, owner); c != 200 {
		t.Fatalf("settings: %d %v", c, doc) // the host cache now holds the tenant
	}
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE shared.tenants SET primary_color = '#112233', cancellation_window_hours = 12 WHERE id = $1`, acme.ID); err != nil {
		t.Fatal(err)
	}
	c, doc := e.call("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"name": "Acme Renamed", "lateCancellationFeePercent": 20}, owner)
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
	if c, doc := e.call("PATCH", "acme.localhost", "/api/business/settings/", map[string]any{"timezone": "Mars/Base"}, owner); c != 400 || fieldOf(doc) != "body.timezone" {
		t.Errorf("bad zone: %d %v", c, doc)
	}
}
