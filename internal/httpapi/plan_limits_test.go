package httpapi_test

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestPlanLimitsThroughTheAPI: a Free business's owner is refused a third
// resource and a sixth service by the server (what limit, which plan allows
// more), nothing is written; after the platform raises its limit with an
// override, the same request succeeds.
func TestPlanLimitsThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	acme := e.tenantOnPlan("Acme", "acme", "free") // 2 users, 2 resources, 5 services
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	manager := e.signIn("manager@platform.example", access.PlatformManager, "", "platform.localhost")

	for i, name := range []string{"Ann", "Bob"} {
		if code, _, doc := e.do("POST", "acme.localhost", "/api/resources/", map[string]any{"name": name, "type": "STAFF"}, owner...); code != 201 {
			t.Fatalf("resource %d: %d %v", i+1, code, doc)
		}
	}
	code, _, doc := e.do("POST", "acme.localhost", "/api/resources/", map[string]any{"name": "Cem", "type": "STAFF"}, owner...)
	if code != 403 || doc["limit"] != "maxResources" || doc["allowed"] != 2.0 || doc["upgradeTo"] != "professional" {
		t.Fatalf("third resource on Free: %d %v", code, doc)
	}
	if code, _, list := e.do("GET", "acme.localhost", "/api/resources/", nil, owner...); code != 200 || list["count"] != 2.0 {
		t.Fatalf("the refused resource was written: %v", list)
	}
	for i := range 5 {
		if code, _, doc := e.do("POST", "acme.localhost", "/api/services/", map[string]any{"name": "S" + string(rune('A'+i)), "durationMinutes": 30}, owner...); code != 201 {
			t.Fatalf("service %d: %d %v", i+1, code, doc)
		}
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/services/", map[string]any{"name": "Sixth", "durationMinutes": 30}, owner...); code != 403 || doc["limit"] != "maxServices" {
		t.Fatalf("sixth service on Free: %d %v", code, doc)
	}

	if code, _, doc := e.do("PUT", "platform.localhost", "/api/platform/businesses/"+acme.ID+"/overrides/",
		map[string]any{"limits": map[string]any{"maxResources": 3}}, manager...); code != 200 {
		t.Fatalf("override: %d %v", code, doc)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/resources/", map[string]any{"name": "Cem", "type": "STAFF"}, owner...); code != 201 {
		t.Fatalf("third resource after the override: %d %v", code, doc)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/resources/", map[string]any{"name": "Dee", "type": "STAFF"}, owner...); code != 403 || doc["allowed"] != 3.0 {
		t.Fatalf("past the override: %d %v", code, doc)
	}

	// Staff seats: the Free plan allows 2 users; the owner is one, a
	// pending invitation the other, so a third person is refused.
	if code, _, doc := e.do("POST", "acme.localhost", "/api/staff/invitations/", map[string]any{"email": "sam@acme.example", "role": "TENANT_STAFF"}, owner...); code != 201 {
		t.Fatalf("first invitation: %d %v", code, doc)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/staff/invitations/", map[string]any{"email": "kim@acme.example", "role": "TENANT_STAFF"}, owner...); code != 403 || doc["limit"] != "maxUsers" {
		t.Fatalf("invitation past maxUsers: %d %v", code, doc)
	}
}
