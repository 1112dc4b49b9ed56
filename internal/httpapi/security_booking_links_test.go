package httpapi_test

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// fieldIn reports whether a problem document names the input loc.
func fieldIn(doc map[string]any, loc string) bool {
	list, _ := doc["errors"].([]any)
	for _, e := range list {
		if m, ok := e.(map[string]any); ok && m["location"] == loc {
			return true
		}
	}
	return false
}

// TestLinkedUsersBelongToTheBusiness (issue 11): resources.userId accepts
// only a staff member of that business, customers.userId only a customer
// login of it: another tenant's user, a platform user, a user of the wrong
// kind or no user at all is refused with 400 naming body.userId, on
// creation and on update.
func TestLinkedUsersBelongToTheBusiness(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	const host = "acme.localhost"
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, host)
	sam := e.user("sam@acme.example", access.TenantStaff, acme.ID).ID
	cust := e.user("cust@acme.example", access.Customer, acme.ID).ID
	foreignStaff := e.user("gil@globex.example", access.TenantStaff, globex.ID).ID
	foreignCust := e.user("cus@globex.example", access.Customer, globex.ID).ID
	platformUser := e.user("sup@platform.example", access.PlatformSupport, "").ID
	unknown := "4b1f7f5e-2b7c-4a43-9c1a-6a3f5f0c0a01"

	refused := func(what, method, path string, body map[string]any) {
		t.Helper()
		if code, _, doc := e.do(method, host, path, body, owner...); code != 400 || !fieldIn(doc, "body.userId") {
			t.Errorf("%s: %d %v", what, code, doc)
		}
	}
	for name, id := range map[string]string{"another tenant's staff": foreignStaff, "a platform user": platformUser,
		"a customer login": cust, "no user": unknown} {
		refused("resource linked to "+name, "POST", "/api/resources/", map[string]any{"name": "R", "type": "STAFF", "userId": id})
	}
	code, _, res := e.do("POST", host, "/api/resources/", map[string]any{"name": "Sam", "type": "STAFF", "userId": sam}, owner...)
	if code != 201 {
		t.Fatalf("resource linked to the business's staff: %d %v", code, res)
	}
	refused("resource re-linked to another tenant's staff", "PATCH", "/api/resources/"+res["id"].(string)+"/", map[string]any{"userId": foreignStaff})
	if code, _, doc := e.do("PATCH", host, "/api/resources/"+res["id"].(string)+"/", map[string]any{"name": "Sam B."}, owner...); code != 200 {
		t.Errorf("renaming a linked resource: %d %v", code, doc)
	}

	for name, id := range map[string]string{"another tenant's customer": foreignCust, "a platform user": platformUser,
		"a staff member": sam, "no user": unknown} {
		refused("customer linked to "+name, "POST", "/api/customers/", map[string]any{"name": "C", "userId": id})
	}
	// The business's customer login (linked to its record at sign-up) can
	// stay linked while the record is edited.
	code, _, found := e.do("GET", host, "/api/customers/?search=cust@acme.example", nil, owner...)
	if code != 200 || found["count"] != 1.0 {
		t.Fatalf("the customer login's record: %d %v", code, found)
	}
	rec := found["results"].([]any)[0].(map[string]any)
	if code, _, doc := e.do("PATCH", host, "/api/customers/"+rec["id"].(string)+"/", map[string]any{"name": "Cust", "userId": cust}, owner...); code != 200 {
		t.Errorf("editing a linked customer: %d %v", code, doc)
	}
	code, _, other := e.do("POST", host, "/api/customers/", map[string]any{"name": "Other"}, owner...)
	if code != 201 {
		t.Fatalf("customer: %d %v", code, other)
	}
	refused("customer re-linked to another tenant's customer", "PATCH", "/api/customers/"+other["id"].(string)+"/", map[string]any{"userId": foreignCust})
}

func merge(m map[string]any, k string, v any) map[string]any {
	out := map[string]any{k: v}
	for k2, v2 := range m {
		if k2 != k {
			out[k2] = v2
		}
	}
	return out
}

// TestSchedulingIntegersBounded (issue 11): integers beyond what the
// database stores (2³¹ and more) are refused with 400 naming the field,
// never a 500.
func TestSchedulingIntegersBounded(t *testing.T) {
	s := newSched(t, 4)
	b, stylist, service, customer := salon(t, s, "salon")
	for _, big := range []any{2147483648, 9223372036854775807} {
		for _, c := range []struct {
			method, path, field string
			body                map[string]any
		}{
			{"POST", "/api/resources/", "capacity", map[string]any{"name": "R", "type": "ROOM"}},
			{"PATCH", "/api/resources/" + stylist + "/", "capacity", map[string]any{}},
			{"POST", "/api/services/", "durationMinutes", map[string]any{"name": "S"}},
			{"POST", "/api/services/", "capacity", map[string]any{"name": "S", "durationMinutes": 30}},
			{"POST", "/api/services/", "bufferBeforeMinutes", map[string]any{"name": "S", "durationMinutes": 30}},
			{"POST", "/api/services/", "bufferAfterMinutes", map[string]any{"name": "S", "durationMinutes": 30}},
			{"POST", "/api/services/", "slotStepMinutes", map[string]any{"name": "S", "durationMinutes": 30}},
			{"POST", "/api/services/", "minNoticeMinutes", map[string]any{"name": "S", "durationMinutes": 30}},
			{"POST", "/api/services/", "maxAdvanceMinutes", map[string]any{"name": "S", "durationMinutes": 30}},
			{"PATCH", "/api/services/" + service + "/", "durationMinutes", map[string]any{}},
			{"POST", "/api/appointments/", "durationMinutes", map[string]any{"customerId": customer, "resourceId": stylist,
				"serviceId": service, "startTime": "2026-01-05T10:00:00+01:00"}},
			{"POST", "/api/services/", "price", map[string]any{"name": "S", "durationMinutes": 30}},
			{"POST", "/api/blockers/", "durationMinutes", map[string]any{"resourceId": stylist, "startTime": "2026-01-05T10:00:00+01:00"}},
		} {
			if c.field == "price" && big == 2147483648 {
				continue // 2147483648.00 is a valid price; 2⁶³ is not
			}
			body := map[string]any{c.field: big}
			for k, v := range c.body {
				body[k] = v
			}
			code, doc := b.call(c.method, c.path, b.owner, body)
			if c.field == "capacity" && big == 2147483648 { // and just above the stored bound
				if code, doc := b.call(c.method, c.path, b.owner, merge(body, c.field, 1001)); code != 400 || !fieldIn(doc, "body.capacity") {
					t.Errorf("%s %s capacity=1001: %d %v", c.method, c.path, code, doc)
				}
			}
			if code != 400 || !fieldIn(doc, "body."+c.field) {
				t.Errorf("%s %s %s=%v: %d %v", c.method, c.path, c.field, big, code, doc)
			}
		}
	}
}
