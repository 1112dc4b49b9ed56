package httpapi_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// domainsOf lists a business's domains by name → entry.
func domainsOf(t *testing.T, e *env, host, path string, hdr []string) map[string]map[string]any {
	t.Helper()
	code, _, doc := e.do("GET", host, path, nil, hdr...)
	if code != 200 {
		t.Fatalf("GET %s on %s: %d %v", path, host, code, doc)
	}
	out := map[string]map[string]any{}
	for _, r := range doc["results"].([]any) {
		m := r.(map[string]any)
		out[m["domain"].(string)] = m
	}
	if int(doc["count"].(float64)) != len(out) {
		t.Fatalf("count %v for %d results", doc["count"], len(out))
	}
	return out
}

// TestCustomDomainsFeatureGate: a Free business is refused custom domains
// with the plan that has them; an override turning the feature on lets the
// owner in. The list shows the business's own subdomain as primary.
func TestCustomDomainsFeatureGate(t *testing.T) {
	e := newEnv(t)
	acme := e.tenantOnPlan("Acme", "acme", "free")
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	manager := e.signIn("manager@platform.example", access.PlatformManager, "", "platform.localhost")

	for _, req := range []struct{ method, path string }{{"GET", "/api/business/domains/"}, {"POST", "/api/business/domains/"}} {
		code, _, doc := e.do(req.method, "acme.localhost", req.path, map[string]any{"domain": "booking.acme.example"}, owner...)
		if code != 403 || doc["feature"] != "customDomain" || doc["upgradeTo"] != "professional" || !strings.Contains(doc["detail"].(string), "Professional") {
			t.Fatalf("%s on Free: %d %v", req.method, code, doc)
		}
	}
	if code, _, doc := e.do("PUT", "platform.localhost", "/api/platform/businesses/"+acme.ID+"/overrides/",
		map[string]any{"features": map[string]any{"customDomain": true}}, manager...); code != 200 {
		t.Fatalf("override: %d %v", code, doc)
	}
	code, _, doc := e.do("POST", "acme.localhost", "/api/business/domains/", map[string]any{"domain": "booking.acme.example"}, owner...)
	if code != 201 || doc["status"] != "pending" || doc["isCustom"] != true || doc["isPrimary"] != false {
		t.Fatalf("add after the override: %d %v", code, doc)
	}
	v := doc["verification"].(map[string]any)
	if v["type"] != "TXT" || v["name"] != "_smoothschedule-challenge.booking.acme.example" || !strings.HasPrefix(v["value"].(string), "ss-verify-") {
		t.Errorf("verification record: %v", v)
	}
	if r := doc["routing"].(map[string]any); r["type"] != "CNAME" || r["name"] != "booking.acme.example" || r["value"] != "acme.localhost" {
		t.Errorf("routing record: %v", r)
	}
	list := domainsOf(t, e, "acme.localhost", "/api/business/domains/", owner)
	if p := list["acme.localhost"]; p == nil || p["isPrimary"] != true || p["isCustom"] != false || p["status"] != "verified" || p["verification"] != nil {
		t.Errorf("primary domain: %v", p)
	}
	if d := list["booking.acme.example"]; d == nil || d["verification"].(map[string]any)["value"] != v["value"] {
		t.Errorf("the token is not shown again: %v", d)
	}
	// The subdomain is neither verifiable nor removable.
	if code, _, doc := e.do("DELETE", "acme.localhost", "/api/business/domains/acme.localhost/", nil, owner...); code != 409 {
		t.Errorf("delete the primary: %d %v", code, doc)
	}
}

// TestCustomDomainValidation: host names are normalized (case, trailing
// dot, Unicode to punycode) and anything that is not a host name the
// business could own is a 400 naming body.domain; names in use are 409
// (this business or another), and a sixth domain is refused.
func TestCustomDomainValidation(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme") // Business plan: custom domains included
	globex := e.tenant("Globex", "globex")
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	other := e.signIn("owner@globex.example", access.TenantOwner, globex.ID, "globex.localhost")
	add := func(hdr []string, host, domain string) (int, map[string]any) {
		code, _, doc := e.do("POST", host, "/api/business/domains/", map[string]any{"domain": domain}, hdr...)
		return code, doc
	}
	for _, bad := range []string{"", "https://booking.acme.example", "booking.acme.example:8443", "booking.acme.example/book",
		"127.0.0.1", "::1", "[::1]", "10.0.0.1.", "1.2.3", "intranet", "localhost", "acme.localhost", "shop.globex.localhost",
		"-bad.example", "bad-.example", "a..example", "under_score.example", "owner@acme.example", strings.Repeat("a", 64) + ".example"} {
		code, doc := add(owner, "acme.localhost", bad)
		if code != 400 || fieldOf(doc) != "body.domain" {
			t.Errorf("%q: %d %v", bad, code, doc)
		}
	}
	for in, want := range map[string]string{"Booking.Acme.EXAMPLE.": "booking.acme.example", " münchen.example ": "xn--mnchen-3ya.example",
		"xn--bcher-kva.example": "xn--bcher-kva.example"} {
		code, doc := add(owner, "acme.localhost", in)
		if code != 201 || doc["domain"] != want {
			t.Errorf("%q: %d %v, want %s", in, code, doc, want)
		}
	}
	if code, doc := add(owner, "acme.localhost", "BOOKING.acme.example"); code != 409 || fieldOf(doc) != "body.domain" {
		t.Errorf("added twice: %d %v", code, doc)
	}
	if code, doc := add(other, "globex.localhost", "booking.acme.example"); code != 409 || fieldOf(doc) != "body.domain" ||
		!strings.Contains(doc["detail"].(string), "another business") {
		t.Errorf("another business's domain: %d %v", code, doc)
	}
	add(owner, "acme.localhost", "four.acme.example")
	add(owner, "acme.localhost", "five.acme.example")
	if code, doc := add(owner, "acme.localhost", "six.acme.example"); code != 403 || doc["limit"] != "maxCustomDomains" || fieldOf(doc) != "body.domain" {
		t.Errorf("sixth domain: %d %v", code, doc)
	}
	// A claim nobody verified for a week is released to whoever adds it.
	if _, err := e.db.Pool.Exec(context.Background(), `UPDATE shared.domains SET created_at = created_at - $1::interval
		WHERE domain = 'booking.acme.example'`, (tenancy.PendingClaimTTL + time.Hour).String()); err != nil {
		t.Fatal(err)
	}
	if code, doc := add(other, "globex.localhost", "booking.acme.example"); code != 201 {
		t.Errorf("stale claim: %d %v", code, doc)
	}
	if list := domainsOf(t, e, "acme.localhost", "/api/business/domains/", owner); list["booking.acme.example"] != nil {
		t.Errorf("the stale claim is still Acme's: %v", list)
	}
}

// TestCustomDomainVerificationAndRouting: a pending domain answers 404; a
// wrong or missing TXT record is a 400 saying what was found and what is
// expected; the right one verifies the domain, which then answers for the
// business at once — on this process and, through NOTIFY, on another
// process's resolver that had cached the 404 — and stops at once when
// removed. Each change is audited.
func TestCustomDomainVerificationAndRouting(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	const host = "booking.acme.example"

	// A second serve process: its own resolver, invalidated by LISTEN only.
	other := &tenancy.Resolver{BaseDomain: "localhost", Lookup: e.store.ByHost, TTL: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go e.db.Listen(ctx, "ss_tenancy", e.ids.Log, func(string) { other.Invalidate() })
	answers := func() bool {
		s, err := other.Resolve(context.Background(), host)
		return err == nil && s.Tenant.ID == acme.ID
	}

	code, _, doc := e.do("POST", "acme.localhost", "/api/business/domains/", map[string]any{"domain": host}, owner...)
	if code != 201 {
		t.Fatalf("add: %d %v", code, doc)
	}
	token := doc["verification"].(map[string]any)["value"].(string)
	if code, _, _ := e.do("GET", host, "/api/tenant/config/", nil); code != 404 {
		t.Fatalf("pending domain answers: %d", code)
	}
	if answers() {
		t.Fatal("pending domain resolves on the other process")
	}

	verify := func() (int, map[string]any) {
		code, _, doc := e.do("POST", "acme.localhost", "/api/business/domains/"+host+"/verify/", nil, owner...)
		return code, doc
	}
	code, doc = verify()
	if code != 400 || doc["reason"] != "txt_missing" || !strings.Contains(doc["detail"].(string), "_smoothschedule-challenge."+host) ||
		!strings.Contains(doc["detail"].(string), token) {
		t.Errorf("no record: %d %v", code, doc)
	}
	e.dns.Set("_smoothschedule-challenge."+host, "ss-verify-somebody-else")
	code, doc = verify()
	if code != 400 || doc["reason"] != "txt_mismatch" || !strings.Contains(doc["detail"].(string), "ss-verify-somebody-else") ||
		!strings.Contains(doc["detail"].(string), token) || doc["txtValue"] != token {
		t.Errorf("wrong token: %d %v", code, doc)
	}
	e.dns.Fail(&net.DNSError{Err: "i/o timeout", IsTimeout: true})
	if code, doc = verify(); code != 400 || doc["reason"] != "dns_error" {
		t.Errorf("DNS failure: %d %v", code, doc)
	}
	e.dns.Fail(nil)
	if code, _, _ := e.do("GET", host, "/api/tenant/config/", nil); code != 404 {
		t.Fatalf("failed verifications made the domain answer: %d", code)
	}

	e.dns.Set("_smoothschedule-challenge."+host, "v=spf1 -all", token)
	code, doc = verify()
	if code != 200 || doc["status"] != "verified" || doc["verifiedAt"] == nil {
		t.Fatalf("right token: %d %v", code, doc)
	}
	if code, _, cfg := e.do("GET", host, "/api/tenant/config/", nil); code != 200 || cfg["id"] != acme.ID {
		t.Errorf("verified domain right after verification: %d %v", code, cfg)
	}
	eventually(t, "the other process to resolve the verified domain", answers)
	if code, doc := verify(); code != 200 || doc["status"] != "verified" {
		t.Errorf("verify again: %d %v", code, doc)
	}
	if n := len(e.audits("DOMAIN_VERIFIED")); n != 1 {
		t.Errorf("%d DOMAIN_VERIFIED events, want 1", n)
	}

	if code, _, doc := e.do("DELETE", "acme.localhost", "/api/business/domains/"+host+"/", nil, owner...); code != 204 {
		t.Fatalf("delete: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", host, "/api/tenant/config/", nil); code != 404 {
		t.Errorf("deleted domain still answers: %d", code)
	}
	eventually(t, "the other process to drop the deleted domain", func() bool { return !answers() })
	if code, _, _ := e.do("DELETE", "acme.localhost", "/api/business/domains/"+host+"/", nil, owner...); code != 404 {
		t.Errorf("delete twice: %d", code)
	}
	for _, a := range []string{"DOMAIN_ADDED", "DOMAIN_REMOVED"} {
		if rows := e.audits(a); len(rows) != 1 || rows[0].tenant != acme.ID || rows[0].actor == "" {
			t.Errorf("%s: %+v", a, rows)
		}
	}
}

// TestCustomDomainPlatformAndMasquerade: platform staff see a business's
// domains and verify one by hand (audited with the reason); a masquerading
// superuser may look at the owner's domains but not change them; staff
// without settings.write are refused; another business's domain is 404.
func TestCustomDomainPlatformAndMasquerade(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	ownerH := bearer(e.session(owner))
	staffH := e.signIn("staff@acme.example", access.TenantStaff, acme.ID, "acme.localhost")
	globexH := e.signIn("owner@globex.example", access.TenantOwner, globex.ID, "globex.localhost")
	manager := e.signIn("manager@platform.example", access.PlatformManager, "", "platform.localhost")
	support := e.signIn("support@platform.example", access.PlatformSupport, "", "platform.localhost")
	super := e.signIn("root@platform.example", access.Superuser, "", "platform.localhost")
	const host = "support.acme.example"
	if code, _, doc := e.do("POST", "acme.localhost", "/api/business/domains/", map[string]any{"domain": host}, ownerH...); code != 201 {
		t.Fatalf("add: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/business/domains/", nil, staffH...); code != 403 {
		t.Errorf("staff list: %d", code)
	}
	if code, _, _ := e.do("POST", "globex.localhost", "/api/business/domains/"+host+"/verify/", nil, globexH...); code != 404 {
		t.Errorf("another business verifies Acme's domain: %d", code)
	}
	if code, _, _ := e.do("DELETE", "globex.localhost", "/api/business/domains/"+host+"/", nil, globexH...); code != 404 {
		t.Errorf("another business deletes Acme's domain: %d", code)
	}

	// Masquerade: reading yes, changing no.
	code, start, _ := e.masquerade("platform.localhost", owner.ID, super...)
	if code != 200 {
		t.Fatalf("masquerade: %d %v", code, start)
	}
	masq := bearer(start["access"].(string))
	if code, _, _ := e.do("GET", "acme.localhost", "/api/business/domains/", nil, masq...); code != 200 {
		t.Errorf("masquerading list: %d", code)
	}
	for _, req := range []struct{ method, path string }{{"POST", "/api/business/domains/"}, {"POST", "/api/business/domains/" + host + "/verify/"},
		{"DELETE", "/api/business/domains/" + host + "/"}} {
		code, _, doc := e.do(req.method, "acme.localhost", req.path, map[string]any{"domain": "x.acme.example"}, masq...)
		if code != 403 || doc["rule"] == nil {
			t.Errorf("masquerading %s %s: %d %v", req.method, req.path, code, doc)
		}
	}

	// The platform: support reads, cannot verify; a manager verifies by hand.
	list := domainsOf(t, e, "platform.localhost", "/api/platform/businesses/"+acme.ID+"/domains/", support)
	if list[host]["status"] != "pending" || list["acme.localhost"]["isPrimary"] != true {
		t.Errorf("platform list: %v", list)
	}
	path := "/api/platform/businesses/" + acme.ID + "/domains/" + host + "/verify/"
	if code, _, _ := e.do("POST", "platform.localhost", path, map[string]any{"reason": "ticket 7"}, support...); code != 403 {
		t.Errorf("support verifies: %d", code)
	}
	if code, _, _ := e.do("POST", "platform.localhost", "/api/platform/businesses/"+globex.ID+"/domains/"+host+"/verify/", nil, manager...); code != 404 {
		t.Errorf("verify under the wrong business: %d", code)
	}
	if code, _, _ := e.do("POST", "platform.localhost", "/api/platform/businesses/"+acme.ID+"/domains/acme.localhost/verify/", nil, manager...); code != 409 {
		t.Errorf("verify the subdomain: %d", code)
	}
	code, _, doc := e.do("POST", "platform.localhost", path, map[string]any{"reason": "ticket 7: registrar has no TXT support"}, manager...)
	if code != 200 || doc["status"] != "verified" {
		t.Fatalf("manual verification: %d %v", code, doc)
	}
	if code, _, cfg := e.do("GET", host, "/api/tenant/config/", nil); code != 200 || cfg["id"] != acme.ID {
		t.Errorf("manually verified domain: %d %v", code, cfg)
	}
	rows := e.audits("DOMAIN_VERIFIED_MANUALLY")
	if len(rows) != 1 || rows[0].tenant != acme.ID || rows[0].reason != "ticket 7: registrar has no TXT support" || rows[0].actor == "" {
		t.Errorf("DOMAIN_VERIFIED_MANUALLY: %+v", rows)
	}
	code, _, log := e.do("GET", "platform.localhost", "/api/platform/audit-log/?action=DOMAIN_VERIFIED_MANUALLY", nil, super...)
	if code != 200 || log["count"] != 1.0 {
		t.Errorf("audit log: %d %v", code, log)
	}
}
