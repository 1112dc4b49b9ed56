package httpapi_test

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestSupportTickets: a business opens and reads its tickets; support
// filters, assigns, comments (internal notes stay internal) and moves the
// status through valid transitions only; other businesses see nothing.
func TestSupportTickets(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	owner := e.signIn("ann@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	other := e.signIn("gil@globex.example", access.TenantOwner, globex.ID, "globex.localhost")
	sup := e.signIn("sue@example.com", access.PlatformSupport, "", plat)
	supID := e.userID("sue@example.com")

	if code, _, doc := e.do("POST", "acme.localhost", "/api/tickets/", map[string]any{"subject": "", "description": "x", "priority": "URGENT"}, owner...); code != 400 {
		t.Errorf("bad ticket: %d %v", code, doc)
	}
	code, _, tk := e.do("POST", "acme.localhost", "/api/tickets/", map[string]any{"subject": "Cannot book", "description": "Customers see no slots",
		"priority": "HIGH", "category": "technical"}, owner...)
	if code != 201 || tk["status"] != "OPEN" || tk["category"] != "TECHNICAL" || tk["number"] == nil {
		t.Fatalf("open: %d %v", code, tk)
	}
	id := tk["id"].(string)
	if _, _, doc := e.do("GET", "globex.localhost", "/api/tickets/"+id+"/", nil, other...); doc["status"] != 404.0 {
		t.Errorf("another business reads the ticket: %v", doc)
	}
	if _, _, doc := e.do("GET", "globex.localhost", "/api/tickets/", nil, other...); doc["count"] != 0.0 {
		t.Errorf("another business lists it: %v", doc)
	}

	// Support: queue filters, assign, internal note, public reply.
	for q, want := range map[string]float64{"status=OPEN": 1, "priority=HIGH": 1, "priority=LOW": 0, "business_id=" + globex.ID: 0, "business_id=" + acme.ID: 1} {
		if code, _, doc := e.do("GET", plat, "/api/platform/tickets/?"+q, nil, sup...); code != 200 || doc["count"] != want {
			t.Errorf("%s: %d %v", q, code, doc["count"])
		}
	}
	if code, _, doc := e.do("PATCH", plat, "/api/platform/tickets/"+id+"/", map[string]any{"assigneeId": supID, "status": "IN_PROGRESS"}, sup...); code != 200 ||
		doc["assigneeId"] != supID || doc["status"] != "IN_PROGRESS" {
		t.Fatalf("assign: %d %v", code, doc)
	}
	if _, _, doc := e.do("GET", plat, "/api/platform/tickets/?assignee_id="+supID, nil, sup...); doc["count"] != 1.0 {
		t.Errorf("assignee filter: %v", doc)
	}
	if code, _, doc := e.do("PATCH", plat, "/api/platform/tickets/"+id+"/", map[string]any{"assigneeId": e.userID("sue@example.com")[:8]}, sup...); code != 400 || fieldOf(doc) != "body.assigneeId" {
		t.Errorf("bad assignee: %d %v", code, doc)
	}
	e.do("POST", plat, "/api/platform/tickets/"+id+"/messages/", map[string]any{"body": "Probably their hours", "internal": true}, sup...)
	e.do("POST", plat, "/api/platform/tickets/"+id+"/messages/", map[string]any{"body": "Could you check your business hours?"}, sup...)
	e.do("POST", "acme.localhost", "/api/tickets/"+id+"/messages/", map[string]any{"body": "Fixed, thanks", "internal": true}, owner...)

	_, _, mine := e.do("GET", "acme.localhost", "/api/tickets/"+id+"/", nil, owner...)
	msgs := mine["messages"].([]any)
	if len(msgs) != 2 {
		t.Fatalf("tenant sees %d messages: %v", len(msgs), msgs)
	}
	for _, m := range msgs {
		if m.(map[string]any)["internal"] == true {
			t.Errorf("tenant sees an internal note: %v", m)
		}
	}
	if _, _, all := e.do("GET", plat, "/api/platform/tickets/"+id+"/messages/", nil, sup...); all["count"] != 3.0 {
		t.Errorf("support sees %v messages", all["count"])
	}

	// Transitions: IN_PROGRESS → RESOLVED → CLOSED; then no way back.
	steps := []struct {
		to   string
		want int
	}{{"RESOLVED", 200}, {"OPEN", 400}, {"CLOSED", 200}, {"IN_PROGRESS", 400}, {"DONE", 400}}
	for _, s := range steps {
		if code, _, doc := e.do("PATCH", plat, "/api/platform/tickets/"+id+"/", map[string]any{"status": s.to}, sup...); code != s.want {
			t.Errorf("→ %s: %d %v", s.to, code, doc)
		}
	}
	if code, _, _ := e.do("POST", "acme.localhost", "/api/tickets/"+id+"/messages/", map[string]any{"body": "again"}, owner...); code != 409 {
		t.Errorf("reply on a closed ticket: %d", code)
	}
	// Tenant staff may open tickets but platform routes are not theirs.
	if code, _, _ := e.do("GET", plat, "/api/platform/tickets/", nil, owner...); code != 401 {
		t.Errorf("tenant on the platform queue: %d", code)
	}
}
