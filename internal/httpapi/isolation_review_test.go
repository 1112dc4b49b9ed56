package httpapi_test

import (
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestMasqueradeIntoAnotherBusinessIsUnknown: a business owner who names a
// user of another business gets the answer of an unknown id (404), not a 403
// that confirms the user exists elsewhere; the refusal is audited in the
// owner's own business and never shows up in the other business's
// transparency log (where it used to leak the owner's email and reason).
func TestMasqueradeIntoAnotherBusinessIsUnknown(t *testing.T) {
	e := newEnv(t)
	acme, globex := e.tenant("Acme", "acme"), e.tenant("Globex", "globex")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	theirs := e.user("manager@globex.example", access.TenantManager, globex.ID)
	theirOwner := e.user("owner@globex.example", access.TenantOwner, globex.ID)
	platformUser := e.user("support@platform.example", access.PlatformSupport, "")

	for _, target := range []string{theirs.ID, platformUser.ID} {
		code, _, doc := e.do("POST", "acme.localhost", "/api/auth/masquerade/",
			`{"userId":"`+target+`","reason":"secret plan of acme"}`, bearer(e.session(owner))...)
		if code != 404 {
			t.Errorf("masquerade as a user outside the business: %d %v, want 404", code, doc)
		}
	}
	denied := e.audits("MASQUERADE_DENIED")
	if len(denied) != 2 {
		t.Fatalf("MASQUERADE_DENIED rows: %+v", denied)
	}
	for _, d := range denied {
		if d.tenant != acme.ID || d.rule != "unknown_target" {
			t.Errorf("denial recorded as %+v, want tenant %s, rule unknown_target", d, acme.ID)
		}
	}
	_, _, log := e.do("GET", "globex.localhost", "/api/audit-log/", "", bearer(e.session(theirOwner))...)
	if n, _ := log["count"].(float64); n != 0 || strings.Contains(asJSON(log), "acme") {
		t.Errorf("globex's audit log shows acme's attempt: %v", log)
	}
}
