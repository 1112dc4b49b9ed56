package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestBusinessInvitation: a tier-based invitation with overridden limits
// is accepted once on the apex host, provisioning the business, its owner
// and the overrides; used twice, expired, revoked or with a taken subdomain
// it fails, and a failure leaves nothing half-created.
func TestBusinessInvitation(t *testing.T) {
	e := newEnv(t)
	e.tenant("Taken", "taken")
	mgr := e.signIn("pm@example.com", access.PlatformManager, "", plat)
	invite := func(email string) (string, string) {
		t.Helper()
		code, _, doc := e.do("POST", plat, "/api/platform/business-invitations/", map[string]any{"email": email, "businessName": "Bella Salon",
			"tier": "free", "overrideLimits": true, "limitOverrides": map[string]any{"maxResources": 9}, "featureOverrides": map[string]any{"webhooks": true}}, mgr...)
		if code != 201 || doc["status"] != "pending" || doc["overrideLimits"] != true {
			t.Fatalf("invite: %d %v", code, doc)
		}
		return doc["id"].(string), e.mail.LinkTo(t, email)
	}
	// Bad input is named.
	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"email": "nope", "businessName": "B", "tier": "free"}, "body.email"},
		{map[string]any{"email": "b@b.example", "businessName": "B", "tier": "platinum"}, "body.tier"},
		{map[string]any{"email": "b@b.example", "businessName": "B", "tier": "free", "overrideLimits": true, "limitOverrides": map[string]any{"maxUsers": -3}}, "body.limitOverrides.maxUsers"},
	} {
		if code, _, doc := e.do("POST", plat, "/api/platform/business-invitations/", c.body, mgr...); code != 400 || fieldOf(doc) != c.field {
			t.Errorf("%v: %d %v", c.body, code, doc)
		}
	}
	// Overrides are ignored unless overrideLimits is set.
	if _, _, doc := e.do("POST", plat, "/api/platform/business-invitations/", map[string]any{"email": "c@c.example", "businessName": "C",
		"tier": "free", "limitOverrides": map[string]any{"maxUsers": 99}}, mgr...); doc["overrideLimits"] != false {
		t.Errorf("overrides without overrideLimits: %v", doc)
	}

	_, tok := invite("bella@example.com")
	if code, _, doc := e.do("GET", "localhost", "/api/business-invitations/"+tok+"/", nil); code != 200 ||
		doc["email"] != "bella@example.com" || doc["businessName"] != "Bella Salon" || doc["tier"] != "free" {
		t.Fatalf("lookup: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", plat, "/api/business-invitations/"+tok+"/", nil); code != 404 {
		t.Errorf("lookup on the platform host: %d", code)
	}
	accept := func(token, subdomain string) (int, map[string]any) {
		code, _, doc := e.do("POST", "localhost", "/api/business-invitations/accept/", map[string]any{"token": token, "subdomain": subdomain,
			"password": "plum-harbour-77", "name": "Bella Owner"})
		return code, doc
	}
	// A taken subdomain: 400 naming it, nothing created, invitation intact.
	var before int
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM shared.users").Scan(&before)
	if code, doc := accept(tok, "taken"); code != 400 || fieldOf(doc) != "body.subdomain" {
		t.Fatalf("taken subdomain: %d %v", code, doc)
	}
	if code, doc := accept(tok, "platform"); code != 400 || fieldOf(doc) != "body.subdomain" {
		t.Errorf("reserved subdomain: %d %v", code, doc)
	}
	var after int
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM shared.users").Scan(&after)
	if after != before {
		t.Errorf("a refused acceptance left %d users behind", after-before)
	}
	code, doc := accept(tok, "bella")
	if code != 201 || !strings.HasPrefix(doc["redirectUrl"].(string), "http://bella.localhost") {
		t.Fatalf("accept: %d %v", code, doc)
	}
	// The business exists with the tier, the overrides and its owner.
	root := e.signIn("root@example.com", access.Superuser, "", plat)
	_, _, biz := e.do("GET", plat, "/api/platform/businesses/"+doc["businessId"].(string)+"/", nil, root...)
	if biz["plan"] != "free" || biz["limits"].(map[string]any)["maxResources"] != 9.0 || biz["ownerEmail"] != "bella@example.com" ||
		!strings.Contains(strings.Join(anyStrings(biz["features"]), ","), "webhooks") {
		t.Errorf("provisioned business: %v", biz)
	}
	eventually(t, "the new host", func() bool {
		code, _, _ := e.login("bella.localhost", "bella@example.com", "plum-harbour-77")
		return code == 200
	})
	// Used twice: refused, and no second business.
	if code, doc := accept(tok, "bella2"); code != 400 || fieldOf(doc) != "body.token" {
		t.Errorf("second use: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", "localhost", "/api/business-invitations/"+tok+"/", nil); code != 404 {
		t.Errorf("lookup after use: %d", code)
	}

	// Expired: refused; a resend gives a new link and the old one dies.
	id2, tok2 := invite("late@example.com")
	e.clock.Advance(7*24*time.Hour + time.Minute)
	_, body, _ := e.login(plat, "pm@example.com", testPassword) // the old session expired meanwhile
	mgr = bearer(body["access"].(string))
	if code, doc := accept(tok2, "late"); code != 400 || fieldOf(doc) != "body.token" {
		t.Errorf("expired: %d %v", code, doc)
	}
	_, _, list := e.do("GET", plat, "/api/platform/business-invitations/", nil, mgr...)
	found := false
	for _, it := range list["results"].([]any) {
		found = found || (it.(map[string]any)["id"] == id2 && it.(map[string]any)["status"] == "expired")
	}
	if !found {
		t.Errorf("pending list lacks the expired invitation: %v", list)
	}
	e.mail.Clear()
	if code, _, doc := e.do("POST", plat, "/api/platform/business-invitations/"+id2+"/resend/", nil, mgr...); code != 200 || doc["status"] != "pending" {
		t.Fatalf("resend: %d %v", code, doc)
	}
	tok3 := e.mail.LinkTo(t, "late@example.com")
	if code, _ := accept(tok2, "late"); code != 400 {
		t.Errorf("old link after resend: %d", code)
	}
	// Revoked: refused.
	if code, _, _ := e.do("POST", plat, "/api/platform/business-invitations/"+id2+"/revoke/", nil, mgr...); code != 200 {
		t.Fatal("revoke")
	}
	if code, _ := accept(tok3, "late"); code != 400 {
		t.Errorf("revoked: %d", code)
	}
	if code, _, _ := e.do("POST", plat, "/api/platform/business-invitations/"+id2+"/revoke/", nil, mgr...); code != 409 {
		t.Errorf("revoking twice: %d", code)
	}
}
