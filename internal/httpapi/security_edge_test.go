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
