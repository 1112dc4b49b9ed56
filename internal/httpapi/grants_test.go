package httpapi_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestPermissionGrants: a platform manager gives support the audit log for
// ten minutes; it works at once (audited GRANT_USED), stops the instant it
// expires, and revoked or bulk-revoked grants stop at once too. Grants a
// grantor may not give are refused with a clear message.
func TestPermissionGrants(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	su := e.user("root@platform.example", access.Superuser, "")
	support := e.user("support@platform.example", access.PlatformSupport, "")
	manager := e.user("manager@platform.example", access.PlatformManager, "")
	_, _, mc := e.login("platform.localhost", manager.Email, testPassword)
	mgr := browser(mc, true)
	sup := bearer(e.session(support))
	const path = "/api/platform/permission-grants/"
	grant := func(granteeID, action string, minutes int) (int, map[string]any) {
		body := `{"granteeId":"` + granteeID + `","action":"` + action + `","reason":"investigate ticket 9"`
		if minutes != 0 {
			body += `,"durationMinutes":` + strconv.Itoa(minutes)
		}
		c, _, doc := e.do("POST", "platform.localhost", path, body+"}", mgr...)
		return c, doc
	}
	auditLog := func() int {
		c, _, _ := e.do("GET", "platform.localhost", "/api/platform/audit-log/", "", sup...)
		return c
	}

	if c := auditLog(); c != 403 {
		t.Fatalf("support without a grant: %d", c)
	}
	c, g := grant(support.ID, "platform.audit.read", 10)
	created, _ := time.Parse(time.RFC3339, g["createdAt"].(string))
	expires, _ := time.Parse(time.RFC3339, g["expiresAt"].(string))
	if c != 201 || g["status"] != "active" || g["grantorId"] != manager.ID || g["granteeId"] != support.ID ||
		g["revokedAt"] != nil || expires.Sub(created) != 10*time.Minute {
		t.Fatalf("create: %d %v", c, g)
	}
	if c := auditLog(); c != 200 {
		t.Errorf("support with the grant: %d", c)
	}
	used := e.audits("GRANT_USED")
	if len(used) != 1 || used[0].actor != support.ID || used[0].reason != "investigate ticket 9" {
		t.Errorf("GRANT_USED rows: %+v", used)
	}
	if n := len(e.audits("GRANT_CREATED")); n != 1 {
		t.Errorf("GRANT_CREATED rows: %d", n)
	}
	e.clock.Advance(10 * time.Minute)
	if c := auditLog(); c != 403 {
		t.Errorf("support the instant the grant expired: %d", c)
	}
	list := func(status string) []any {
		_, _, doc := e.do("GET", "platform.localhost", path+"?status="+status, "", mgr...)
		r, _ := doc["results"].([]any)
		return r
	}
	if len(list("expired")) != 1 || len(list("active")) != 0 {
		t.Errorf("lists after expiry: expired %v, active %v", list("expired"), list("active"))
	}

	// Revoke one; bulk-revoke two (unknown ids are skipped).
	_, g1 := grant(support.ID, "platform.audit.read", 0)
	if exp, _ := time.Parse(time.RFC3339, g1["expiresAt"].(string)); exp.Sub(e.clock.Now()) != 30*time.Minute {
		t.Errorf("default duration: %v", g1)
	}
	if c, _, r := e.do("POST", "platform.localhost", path+g1["id"].(string)+"/revoke/", "", mgr...); c != 200 || r["status"] != "revoked" {
		t.Errorf("revoke: %d %v", c, r)
	}
	if c := auditLog(); c != 403 {
		t.Errorf("support after revocation: %d", c)
	}
	_, g2 := grant(support.ID, "platform.audit.read", 60)
	_, g3 := grant(support.ID, "platform.plans.write", 60)
	c, _, bulk := e.do("POST", "platform.localhost", path+"bulk-revoke/",
		`{"ids":["`+g2["id"].(string)+`","`+g3["id"].(string)+`","`+uuid.NewString()+`"]}`, mgr...)
	if c != 200 || bulk["count"] != float64(2) {
		t.Errorf("bulk revoke: %d %v", c, bulk)
	}
	if c := auditLog(); c != 403 {
		t.Errorf("support after bulk revocation: %d", c)
	}
	if n := len(e.audits("GRANT_REVOKED")); n != 3 {
		t.Errorf("GRANT_REVOKED rows: %d", n)
	}
	if len(list("revoked")) != 3 {
		t.Errorf("revoked list: %v", list("revoked"))
	}

	// What a grantor may not give.
	for _, tc := range []struct {
		name, grantee, action string
		minutes, status       int
		rule                  string
	}{
		{"not grantable", support.ID, "platform.staff.manage", 30, 400, ""},
		{"already held", support.ID, "platform.users.read", 30, 400, ""},
		{"too long", support.ID, "platform.audit.read", 481, 400, ""},
		{"a superuser", su.ID, "platform.demo.create", 30, 400, ""},
		{"tenant staff from the platform", staff.ID, "customers.write", 30, 403, "grant"},
		{"unknown user", uuid.NewString(), "platform.audit.read", 30, 400, ""},
	} {
		c, doc := grant(tc.grantee, tc.action, tc.minutes)
		if c != tc.status || doc["detail"] == "" || (tc.rule != "" && doc["rule"] != tc.rule) {
			t.Errorf("%s: %d %v", tc.name, c, doc)
		}
	}
	// Support cannot grant at all.
	if c, _, _ := e.do("POST", "platform.localhost", path, `{"granteeId":"`+staff.ID+`","action":"customers.write","reason":"x"}`, sup...); c != 403 {
		t.Errorf("support granting: %d", c)
	}
}

// TestTenantGrantsAndTransparency: an owner grants its staff the access
// audit for a while; the owner (and that staff member) see the masquerades
// that touched their business and nothing of other businesses.
func TestTenantGrantsAndTransparency(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	other := e.user("owner@globex.example", access.TenantOwner, globex.ID)
	support := bearer(e.session(e.user("support@platform.example", access.PlatformSupport, "")))
	ownerTok := bearer(e.session(owner))
	staffTok := bearer(e.session(staff))

	for _, target := range []string{owner.ID, other.ID} {
		if c, body, _ := e.masquerade("platform.localhost", target, support...); c != 200 {
			t.Fatalf("masquerade: %d %v", c, body)
		}
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/audit-log/", "", staffTok...); c != 403 {
		t.Errorf("staff without a grant: %d", c)
	}
	c, _, g := e.do("POST", "acme.localhost", "/api/permission-grants/", `{"granteeId":"`+staff.ID+`","action":"audit.own","reason":"review"}`, ownerTok...)
	if c != 201 {
		t.Fatalf("owner grants staff: %d %v", c, g)
	}
	if c, _, doc := e.do("POST", "acme.localhost", "/api/permission-grants/", `{"granteeId":"`+other.ID+`","action":"audit.own","reason":"x"}`, ownerTok...); c != 400 {
		t.Errorf("owner grants another business's user: %d %v", c, doc)
	}
	for _, tok := range [][]string{ownerTok, staffTok} {
		c, _, doc := e.do("GET", "acme.localhost", "/api/audit-log/?action=MASQUERADE_START", "", tok...)
		res, _ := doc["results"].([]any)
		if c != 200 || len(res) != 1 {
			t.Fatalf("transparency: %d %v", c, doc)
		}
		ev := res[0].(map[string]any)
		if ev["actorEmail"] != "support@platform.example" || ev["targetEmail"] != owner.Email || ev["tenantId"] != acme.ID ||
			ev["reason"] != "ticket 42" {
			t.Errorf("event: %v", ev)
		}
		// The business learns who acted and why, not the platform
		// person's address, browser or session (issue 11).
		if ev["sessionId"] != nil || ev["ipAddress"] != "" || ev["userAgent"] != "" {
			t.Errorf("the business's log shows platform staff's network details: %v", ev)
		}
	}
	// Staff's use of the grant is itself visible to the owner, with the
	// details of the business's own user.
	_, _, doc := e.do("GET", "acme.localhost", "/api/audit-log/?action=GRANT_USED,LOGIN_SUCCEEDED", "", ownerTok...)
	if res, _ := doc["results"].([]any); len(res) != 1 {
		t.Errorf("GRANT_USED in the business's log (and no sign-ins): %v", doc)
	} else if ev := res[0].(map[string]any); ev["sessionId"] == nil || ev["ipAddress"] == "" {
		t.Errorf("GRANT_USED by the business's own staff lost its details: %v", ev)
	}
	// The platform sees both businesses, and filters, with every detail.
	su := bearer(e.session(e.user("root@platform.example", access.Superuser, "")))
	_, _, doc = e.do("GET", "platform.localhost", "/api/platform/audit-log/?action=MASQUERADE_START&tenant_id="+globex.ID, "", su...)
	if doc["count"] != float64(1) {
		t.Errorf("platform filter by tenant: %v", doc)
	} else if ev := doc["results"].([]any)[0].(map[string]any); ev["sessionId"] == nil || ev["ipAddress"] == "" {
		t.Errorf("platform log without network details: %v", ev)
	}
	if c, _, doc := e.do("GET", "platform.localhost", "/api/platform/audit-log/?actor_id=nope", "", su...); c != 400 {
		t.Errorf("bad actor_id: %d %v", c, doc)
	}
}
