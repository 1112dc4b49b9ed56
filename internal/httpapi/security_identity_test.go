package httpapi_test

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestMasqueradeCannotManageSessions (issue 11, V7): while masquerading,
// GET and DELETE /api/auth/sessions/ are refused with a problem naming
// why; the impersonated user's real sessions are neither shown nor ended.
func TestMasqueradeCannotManageSessions(t *testing.T) {
	e := newAuthEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	e.user("support@platform.example", access.PlatformSupport, "")
	_, real, _ := e.login("acme.localhost", owner.Email, testPassword)
	ownerTok := bearer(real["access"].(string))
	_, _, pc := e.login("platform.localhost", "support@platform.example", testPassword)
	c, start, _ := e.masquerade("platform.localhost", owner.ID, browser(pc, true)...)
	if c != 200 {
		t.Fatalf("start: %d %v", c, start)
	}
	mq := bearer(start["access"].(string))

	_, _, list := e.do("GET", "acme.localhost", "/api/auth/sessions/", "", ownerTok...)
	results, _ := list["results"].([]any)
	if len(results) == 0 {
		t.Fatalf("owner's sessions: %v", list)
	}
	realID := results[0].(map[string]any)["id"].(string)

	c, h, doc := e.do("GET", "acme.localhost", "/api/auth/sessions/", "", mq...)
	if c != 403 || h.Get("Content-Type") != "application/problem+json" || doc["detail"] == "" || doc["results"] != nil {
		t.Errorf("list while masquerading: %d %v", c, doc)
	}
	c, _, doc = e.do("DELETE", "acme.localhost", "/api/auth/sessions/"+realID+"/", "", mq...)
	if c != 403 || doc["detail"] == "" {
		t.Errorf("revoke while masquerading: %d %v", c, doc)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", ownerTok...); c != 200 {
		t.Errorf("the owner's real session after the refused revoke: %d", c)
	}
	// The owner, signed in as themselves, still manages their sessions.
	if c, _, _ := e.do("DELETE", "acme.localhost", "/api/auth/sessions/"+realID+"/", "", ownerTok...); c != 204 && c != 200 {
		t.Errorf("owner revokes own session: %d", c)
	}
}
