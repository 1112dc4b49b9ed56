package httpapi_test

import (
	"context"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// Audit atomicity: an audit event that records a change is written in the
// change's transaction. Each test makes the audit insert of one action fail
// (a trigger of this test's own database raises for it) and checks that
// the API answers an error and the change did not happen; then, without
// the failure, that the change and exactly one audit row exist.

// failAudit makes every insert of action into shared.audit_events fail
// until the returned function is called.
func (a *env) failAudit(action string) (restore func()) {
	a.t.Helper()
	ctx := context.Background()
	for _, q := range []string{
		`CREATE FUNCTION shared.test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.action = '` + action + `' THEN
				RAISE EXCEPTION 'injected audit failure for %', NEW.action;
			END IF;
			RETURN NEW;
		END $$`,
		`CREATE TRIGGER test_fail_audit BEFORE INSERT ON shared.audit_events FOR EACH ROW EXECUTE FUNCTION shared.test_fail_audit()`,
	} {
		if _, err := a.db.Pool.Exec(ctx, q); err != nil {
			a.t.Fatal(err)
		}
	}
	return func() {
		a.t.Helper()
		if _, err := a.db.Pool.Exec(ctx, `DROP TRIGGER test_fail_audit ON shared.audit_events; DROP FUNCTION shared.test_fail_audit()`); err != nil {
			a.t.Fatal(err)
		}
	}
}

// scalar runs a one-value query.
func (a *env) scalar(q string, args ...any) any {
	a.t.Helper()
	var v any
	if err := a.db.Pool.QueryRow(context.Background(), q, args...).Scan(&v); err != nil {
		a.t.Fatalf("%s: %v", q, err)
	}
	return v
}

// auditCount counts the stored events of action.
func (a *env) auditCount(action string) int64 {
	a.t.Helper()
	return a.scalar(`SELECT count(*) FROM shared.audit_events WHERE action = $1`, action).(int64)
}

// refused checks that a request whose audit insert failed got an error.
func refused(t *testing.T, what string, code int, doc map[string]any) {
	t.Helper()
	if code < 500 {
		t.Fatalf("%s with a failing audit insert: %d %v (want a server error)", what, code, doc)
	}
}

func TestAuditAtomicRoleAndStatusChanges(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	staffTok := bearer(e.session(staff))
	role := func() string {
		return e.scalar(`SELECT role FROM shared.users WHERE id = $1::uuid`, staff.ID).(string)
	}

	// Role change (tenant console).
	restore := e.failAudit("USER_ROLE_CHANGED")
	code, _, doc := e.do("PATCH", "acme.localhost", "/api/staff/"+staff.ID+"/", map[string]any{"role": "TENANT_MANAGER"}, owner...)
	refused(t, "role change", code, doc)
	if r := role(); r != "TENANT_STAFF" || e.auditCount("USER_ROLE_CHANGED") != 0 {
		t.Fatalf("after the failed role change: role %s, %d events", r, e.auditCount("USER_ROLE_CHANGED"))
	}
	restore()
	if code, _, doc := e.do("PATCH", "acme.localhost", "/api/staff/"+staff.ID+"/", map[string]any{"role": "TENANT_MANAGER"}, owner...); code != 200 {
		t.Fatalf("role change: %d %v", code, doc)
	}
	if r := role(); r != "TENANT_MANAGER" || e.auditCount("USER_ROLE_CHANGED") != 1 {
		t.Fatalf("after the role change: role %s, %d events", r, e.auditCount("USER_ROLE_CHANGED"))
	}

	// Disabling (platform console): the user stays active and keeps its
	// sessions when the event cannot be written.
	pm := e.signIn("pm@platform.example", access.PlatformManager, "", "platform.localhost")
	restore = e.failAudit("USER_DISABLED")
	code, _, doc = e.do("POST", "platform.localhost", "/api/platform/users/"+staff.ID+"/disable/", nil, pm...)
	refused(t, "disable", code, doc)
	if st := e.scalar(`SELECT status FROM shared.users WHERE id = $1::uuid`, staff.ID); st != "active" {
		t.Fatalf("status after the failed disable: %v", st)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", staffTok...); c != 200 {
		t.Fatalf("the user's session after the failed disable: %d", c)
	}
	restore()
	if code, _, doc := e.do("POST", "platform.localhost", "/api/platform/users/"+staff.ID+"/disable/", nil, pm...); code != 200 {
		t.Fatalf("disable: %d %v", code, doc)
	}
	if st := e.scalar(`SELECT status FROM shared.users WHERE id = $1::uuid`, staff.ID); st != "disabled" || e.auditCount("USER_DISABLED") != 1 {
		t.Fatalf("after the disable: %v, %d events", st, e.auditCount("USER_DISABLED"))
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", staffTok...); c != 401 {
		t.Fatalf("the user's session after the disable: %d", c)
	}
}

func TestAuditAtomicMasquerade(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	support := e.user("support@platform.example", access.PlatformSupport, "")
	sup := bearer(e.session(support))
	masquerades := func() int64 {
		return e.scalar(`SELECT count(*) FROM shared.sessions WHERE impersonator_id = $1::uuid`, support.ID).(int64)
	}

	restore := e.failAudit("MASQUERADE_START")
	code, doc, _ := e.masquerade("platform.localhost", owner.ID, sup...)
	refused(t, "masquerade start", code, doc)
	if n, codes := masquerades(), e.scalar(`SELECT count(*) FROM shared.masquerade_codes`).(int64); n != 0 || codes != 0 || e.auditCount("MASQUERADE_START") != 0 {
		t.Fatalf("after the failed start: %d sessions, %d codes, %d events", n, codes, e.auditCount("MASQUERADE_START"))
	}
	restore()
	code, start, _ := e.masquerade("platform.localhost", owner.ID, sup...)
	if code != 200 {
		t.Fatalf("start: %d %v", code, start)
	}
	if n := masquerades(); n != 1 || e.auditCount("MASQUERADE_START") != 1 {
		t.Fatalf("after the start: %d sessions, %d events", n, e.auditCount("MASQUERADE_START"))
	}
	mq := bearer(start["access"].(string))

	// Stop: with MASQUERADE_END failing the masquerade goes on.
	restore = e.failAudit("MASQUERADE_END")
	c, _, stop := e.do("POST", "acme.localhost", "/api/auth/masquerade/stop/", "", mq...)
	refused(t, "masquerade stop", c, stop)
	if c, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", mq...); c != 200 || me["email"] != owner.Email {
		t.Fatalf("masquerade after the failed stop: %d %v", c, me)
	}
	if e.auditCount("MASQUERADE_END") != 0 {
		t.Fatal("MASQUERADE_END written for a stop that failed")
	}
	restore()
	if c, _, stop := e.do("POST", "acme.localhost", "/api/auth/masquerade/stop/", "", mq...); c != 200 {
		t.Fatalf("stop: %d %v", c, stop)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", mq...); c != 401 || e.auditCount("MASQUERADE_END") != 1 {
		t.Fatalf("after the stop: %d, %d events", c, e.auditCount("MASQUERADE_END"))
	}
}

func TestAuditAtomicGrants(t *testing.T) {
	e := newEnv(t)
	support := e.user("support@platform.example", access.PlatformSupport, "")
	manager := e.user("manager@platform.example", access.PlatformManager, "")
	mgr := bearer(e.session(manager))
	const path = "/api/platform/permission-grants/"
	body := `{"granteeId":"` + support.ID + `","action":"platform.audit.read","reason":"ticket 9"}`
	grants := func() int64 { return e.scalar(`SELECT count(*) FROM shared.permission_grants`).(int64) }

	restore := e.failAudit("GRANT_CREATED")
	c, _, doc := e.do("POST", "platform.localhost", path, body, mgr...)
	refused(t, "grant", c, doc)
	if n := grants(); n != 0 || e.auditCount("GRANT_CREATED") != 0 {
		t.Fatalf("after the failed grant: %d grants, %d events", n, e.auditCount("GRANT_CREATED"))
	}
	restore()
	c, _, g := e.do("POST", "platform.localhost", path, body, mgr...)
	if c != 201 && c != 200 {
		t.Fatalf("grant: %d %v", c, g)
	}
	if n := grants(); n != 1 || e.auditCount("GRANT_CREATED") != 1 {
		t.Fatalf("after the grant: %d grants, %d events", n, e.auditCount("GRANT_CREATED"))
	}

	revoked := func() int64 {
		return e.scalar(`SELECT count(*) FROM shared.permission_grants WHERE revoked_at IS NOT NULL`).(int64)
	}
	restore = e.failAudit("GRANT_REVOKED")
	c, _, doc = e.do("POST", "platform.localhost", path+g["id"].(string)+"/revoke/", "", mgr...)
	refused(t, "revoke", c, doc)
	if n := revoked(); n != 0 || e.auditCount("GRANT_REVOKED") != 0 {
		t.Fatalf("after the failed revocation: %d revoked, %d events", n, e.auditCount("GRANT_REVOKED"))
	}
	restore()
	if c, _, doc := e.do("POST", "platform.localhost", path+g["id"].(string)+"/revoke/", "", mgr...); c != 200 {
		t.Fatalf("revoke: %d %v", c, doc)
	}
	if n := revoked(); n != 1 || e.auditCount("GRANT_REVOKED") != 1 {
		t.Fatalf("after the revocation: %d revoked, %d events", n, e.auditCount("GRANT_REVOKED"))
	}
	var email string
	if err := e.db.Pool.QueryRow(context.Background(), `SELECT target_email FROM shared.audit_events WHERE action = 'GRANT_REVOKED'`).Scan(&email); err != nil || email != support.Email {
		t.Errorf("GRANT_REVOKED target email: %q %v", email, err)
	}
}

func TestAuditAtomicBusinessSuspension(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	manager := e.signIn("pm@example.com", access.PlatformManager, "", plat)
	status := func() string {
		return e.scalar(`SELECT status FROM shared.tenants WHERE id = $1::uuid`, acme.ID).(string)
	}

	restore := e.failAudit("BUSINESS_SUSPENDED")
	code, _, doc := e.do("POST", plat, "/api/platform/businesses/"+acme.ID+"/suspend/", nil, manager...)
	refused(t, "suspend", code, doc)
	if st := status(); st != "active" || e.auditCount("BUSINESS_SUSPENDED") != 0 {
		t.Fatalf("after the failed suspension: %s, %d events", st, e.auditCount("BUSINESS_SUSPENDED"))
	}
	restore()
	if code, _, doc := e.do("POST", plat, "/api/platform/businesses/"+acme.ID+"/suspend/", nil, manager...); code != 200 || doc["status"] != "suspended" {
		t.Fatalf("suspend: %d %v", code, doc)
	}
	if st := status(); st != "suspended" || e.auditCount("BUSINESS_SUSPENDED") != 1 {
		t.Fatalf("after the suspension: %s, %d events", st, e.auditCount("BUSINESS_SUSPENDED"))
	}
}

func TestAuditAtomicDomainVerification(t *testing.T) {
	e := newEnv(t)
	acme := e.tenantOnPlan("Acme", "acme", "enterprise")
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, "acme.localhost")
	const host = "booking.acme.example"

	restore := e.failAudit("DOMAIN_ADDED")
	code, _, doc := e.do("POST", "acme.localhost", "/api/business/domains/", map[string]any{"domain": host}, owner...)
	refused(t, "add a domain", code, doc)
	if n := e.scalar(`SELECT count(*) FROM shared.domains WHERE domain = $1`, host).(int64); n != 0 {
		t.Fatalf("domain rows after the failed add: %d", n)
	}
	restore()
	code, _, doc = e.do("POST", "acme.localhost", "/api/business/domains/", map[string]any{"domain": host}, owner...)
	if code != 201 {
		t.Fatalf("add: %d %v", code, doc)
	}
	e.dns.Set("_smoothschedule-challenge."+host, doc["verification"].(map[string]any)["value"].(string))
	verified := func() bool {
		return e.scalar(`SELECT verified_at IS NOT NULL FROM shared.domains WHERE domain = $1`, host).(bool)
	}

	restore = e.failAudit("DOMAIN_VERIFIED")
	code, _, doc = e.do("POST", "acme.localhost", "/api/business/domains/"+host+"/verify/", nil, owner...)
	refused(t, "verify", code, doc)
	if verified() || e.auditCount("DOMAIN_VERIFIED") != 0 {
		t.Fatalf("after the failed verification: verified %v, %d events", verified(), e.auditCount("DOMAIN_VERIFIED"))
	}
	restore()
	if code, _, doc := e.do("POST", "acme.localhost", "/api/business/domains/"+host+"/verify/", nil, owner...); code != 200 || doc["status"] != "verified" {
		t.Fatalf("verify: %d %v", code, doc)
	}
	if !verified() || e.auditCount("DOMAIN_VERIFIED") != 1 {
		t.Fatalf("after the verification: verified %v, %d events", verified(), e.auditCount("DOMAIN_VERIFIED"))
	}
	// Verifying again changes nothing and writes nothing.
	if code, _, _ := e.do("POST", "acme.localhost", "/api/business/domains/"+host+"/verify/", nil, owner...); code != 200 || e.auditCount("DOMAIN_VERIFIED") != 1 {
		t.Fatalf("verify again: %d, %d events", code, e.auditCount("DOMAIN_VERIFIED"))
	}
}
