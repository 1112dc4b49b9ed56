package httpapi_test

import (
	"fmt"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestMFAFlow: enrol, confirm, sign in with a TOTP code (single use, no
// replay), with a recovery code (single use), disable.
func TestMFAFlow(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	_, body, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	tok := bearer(body["access"].(string))
	code, _, setup := e.do("POST", "acme.localhost", "/api/auth/mfa/setup/", "", tok...)
	secret, _ := setup["secret"].(string)
	if code != 200 || secret == "" || !strings.HasPrefix(setup["otpauthUri"].(string), "otpauth://totp/") {
		t.Fatalf("setup: %d %v", code, setup)
	}
	var stored []byte
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT mfa_pending_secret FROM shared.users WHERE email = 'ann@example.com'").Scan(&stored)
	if len(stored) == 0 || strings.Contains(string(stored), secret) {
		t.Fatal("the pending secret must be stored sealed")
	}
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/mfa/confirm/", `{"code":"000000"}`, tok...); code != 400 {
		t.Errorf("wrong confirmation code: %d", code)
	}
	codeAt := func(d time.Duration) string {
		c, err := totp.GenerateCode(secret, e.clock.Now().Add(d))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	code, _, conf := e.do("POST", "acme.localhost", "/api/auth/mfa/confirm/", `{"code":"`+codeAt(0)+`"}`, tok...)
	recovery, _ := conf["recoveryCodes"].([]any)
	if code != 200 || len(recovery) != 10 {
		t.Fatalf("confirm: %d %v", code, conf)
	}
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/mfa/setup/", "", tok...); code != 409 {
		t.Errorf("setup while enabled: %d", code)
	}

	// Sign-in now asks for a second step.
	e.clock.Advance(30 * time.Second)
	code, first, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	if code != 200 || first["mfaRequired"] != true || first["access"] != nil {
		t.Fatalf("login with MFA: %d %v", code, first)
	}
	mfaToken := first["mfaToken"].(string)
	verify := func(token, code string, host ...string) (int, map[string]any) {
		h := "acme.localhost"
		if len(host) > 0 {
			h = host[0]
		}
		c, _, b := e.do("POST", h, "/api/auth/mfa/verify/", `{"mfaToken":"`+token+`","code":"`+code+`"}`)
		return c, b
	}
	if c, _ := verify(mfaToken, "123456"); c != 400 && codeAt(0) != "123456" {
		t.Errorf("wrong code: %d", c)
	}
	if e.tenant("Globex", "globex") == nil {
		t.Fatal()
	}
	if c, _ := verify(mfaToken, codeAt(0), "globex.localhost"); c != 401 {
		t.Errorf("MFA token on another host: %d", c)
	}
	c, ok := verify(mfaToken, codeAt(0))
	if c != 200 || ok["access"] == nil {
		t.Fatalf("verify: %d %v", c, ok)
	}
	if c, _ := verify(mfaToken, codeAt(0)); c != 401 {
		t.Errorf("MFA token used twice: %d", c)
	}
	// The same TOTP code cannot be replayed in a new sign-in.
	_, second, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	if c, _ := verify(second["mfaToken"].(string), codeAt(0)); c != 400 {
		t.Errorf("replayed TOTP code: %d", c)
	}
	// A recovery code works once.
	rc := strings.ToUpper(recovery[0].(string))
	if c, b := verify(second["mfaToken"].(string), rc); c != 200 {
		t.Fatalf("recovery code: %d %v", c, b)
	}
	_, third, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	if c, _ := verify(third["mfaToken"].(string), rc); c != 400 {
		t.Errorf("recovery code used twice: %d", c)
	}
	// The MFA token expires.
	e.clock.Advance(6 * time.Minute)
	if c, _ := verify(third["mfaToken"].(string), codeAt(0)); c != 401 {
		t.Errorf("expired MFA token: %d", c)
	}
	// Disabling needs the password ...
	tok = bearer(ok["access"].(string))
	e.clock.Advance(-6 * time.Minute)
	if c, _, _ := e.do("POST", "acme.localhost", "/api/auth/mfa/disable/", `{"password":"not-it-at-all"}`, tok...); c != 400 {
		t.Errorf("disable with a wrong password: %d", c)
	}
	// ... and a fresh second factor (issue 11): the password alone, or a
	// wrong code, is refused.
	if c, _, b := e.do("POST", "acme.localhost", "/api/auth/mfa/disable/", `{"password":"`+testPassword+`"}`, tok...); c != 400 || fieldOf(b) != "body.code" {
		t.Errorf("disable with the password only: %d %v", c, b)
	}
	if c, _, b := e.do("POST", "acme.localhost", "/api/auth/mfa/disable/", `{"password":"`+testPassword+`","code":"`+strings.ToUpper(recovery[0].(string))+`"}`, tok...); c != 400 || fieldOf(b) != "body.code" {
		t.Errorf("disable with a used recovery code: %d %v", c, b)
	}
	if c, _, b := e.do("POST", "acme.localhost", "/api/auth/mfa/disable/", `{"password":"`+testPassword+`","code":"`+recovery[1].(string)+`"}`, tok...); c != 204 {
		t.Fatalf("disable: %d %v", c, b)
	}
	if c, b, _ := e.login("acme.localhost", "ann@example.com", testPassword); c != 200 || b["access"] == nil {
		t.Errorf("login after disable: %d %v", c, b)
	}
	var events string
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT string_agg(DISTINCT action, ',') FROM shared.audit_events").Scan(&events)
	if !strings.Contains(events, "MFA_ENABLED") || !strings.Contains(events, "MFA_DISABLED") {
		t.Errorf("audit: %s", events)
	}
}

// TestPlatformMFAEnrolment: with PLATFORM_REQUIRE_MFA, platform staff
// without MFA reach only their account and enrolment.
func TestPlatformMFAEnrolment(t *testing.T) {
	e := newEnv(t, apptest.Setting("PLATFORM_REQUIRE_MFA", "true"))
	e.user("root@example.com", access.Superuser, "")
	_, body, _ := e.login("platform.localhost", "root@example.com", testPassword)
	tok := bearer(body["access"].(string))
	if c, _, _ := e.do("GET", "platform.localhost", "/api/auth/me/", "", tok...); c != 200 {
		t.Errorf("me: %d", c)
	}
	c, _, doc := e.do("GET", "platform.localhost", "/api/platform/staff/", "", tok...)
	if c != 403 || doc["mfaEnrollmentRequired"] != true {
		t.Errorf("staff list before enrolment: %d %v", c, doc)
	}
	if c, _, _ := e.do("POST", "platform.localhost", "/api/auth/mfa/setup/", "", tok...); c != 200 {
		t.Errorf("setup: %d", c)
	}
}

// TestInvitationFlow: an owner invites; the link works once, on its host,
// until it expires; nobody invites above their own role.
func TestInvitationFlow(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.tenant("Globex", "globex")
	mgr := bearer(e.session(e.user("mia@example.com", access.TenantManager, acme.ID)))
	staff := bearer(e.session(e.user("sam@example.com", access.TenantStaff, acme.ID)))
	for _, c := range []struct {
		who  []string
		body string
		want int
	}{
		{mgr, `{"email":"owner2@example.com","role":"TENANT_OWNER"}`, 403},
		{mgr, `{"email":"x@example.com","role":"SUPERUSER"}`, 400},
		{mgr, `{"email":"x@example.com","role":"WIZARD"}`, 400},
		{mgr, `{"email":"mia@example.com","role":"TENANT_STAFF"}`, 400},
		{staff, `{"email":"x@example.com","role":"TENANT_STAFF"}`, 403},
		{mgr, `{"email":"New.Hire@Example.com","role":"tenant_staff","name":"New Hire"}`, 201},
	} {
		if code, _, doc := e.do("POST", "acme.localhost", "/api/staff/invitations/", c.body, c.who...); code != c.want {
			t.Errorf("%s: %d %v", c.body, code, doc)
		}
	}
	token := e.mail.LinkTo(t, "new.hire@example.com")
	code, _, list := e.do("GET", "acme.localhost", "/api/staff/invitations/", "", mgr...)
	if code != 200 || list["count"] != float64(1) {
		t.Errorf("list: %d %v", code, list)
	}
	code, _, look := e.do("GET", "acme.localhost", "/api/auth/invitations/"+token+"/", "")
	if code != 200 || look["email"] != "new.hire@example.com" || look["role"] != "TENANT_STAFF" || look["businessName"] != "Acme" {
		t.Fatalf("lookup: %d %v", code, look)
	}
	if code, _, _ := e.do("GET", "globex.localhost", "/api/auth/invitations/"+token+"/", ""); code != 404 {
		t.Errorf("lookup on another tenant: %d", code)
	}
	accept := `{"token":"` + token + `","name":"New Hire","password":"` + testPassword + `"}`
	if code, _, _ := e.do("POST", "globex.localhost", "/api/auth/invitations/accept/", accept); code != 401 {
		t.Errorf("accept on another tenant: %d", code)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/auth/invitations/accept/", `{"token":"`+token+`","name":"New Hire","password":"password123"}`); code != 400 {
		t.Errorf("weak password: %d %v", code, doc)
	}
	code, hdr, in := e.do("POST", "acme.localhost", "/api/auth/invitations/accept/", accept)
	if code != 200 || in["access"] == nil || cookies(hdr)["ss_session"] == nil || in["user"].(map[string]any)["role"] != "TENANT_STAFF" {
		t.Fatalf("accept: %d %v", code, in)
	}
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/invitations/accept/", accept); code != 401 {
		t.Errorf("accepted twice: %d", code)
	}
	if code, _, _ := e.login("acme.localhost", "new.hire@example.com", testPassword); code != 200 {
		t.Errorf("login as the new user: %d", code)
	}
	// Expiry and revocation.
	e.do("POST", "acme.localhost", "/api/staff/invitations/", `{"email":"late@example.com","role":"TENANT_STAFF"}`, mgr...)
	late := e.mail.LinkTo(t, "late@example.com")
	e.clock.Advance(7*24*time.Hour + time.Minute)
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/invitations/accept/", `{"token":"`+late+`","name":"Late","password":"`+testPassword+`"}`); code != 401 {
		t.Errorf("expired invitation: %d", code)
	}
	mgr = bearer(e.session(e.user("mia2@example.com", access.TenantManager, acme.ID)))
	_, _, inv := e.do("POST", "acme.localhost", "/api/staff/invitations/", `{"email":"gone@example.com","role":"CUSTOMER"}`, mgr...)
	if code, _, _ := e.do("DELETE", "acme.localhost", "/api/staff/invitations/"+inv["id"].(string)+"/", "", mgr...); code != 204 {
		t.Errorf("revoke: %d", code)
	}
	gone := e.mail.LinkTo(t, "gone@example.com")
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/invitations/"+gone+"/", ""); code != 404 {
		t.Errorf("revoked invitation: %d", code)
	}
}

// TestPlatformStaff: invitations and role/status changes on the platform,
// within what each role may assign.
func TestPlatformStaff(t *testing.T) {
	e := newEnv(t)
	root := e.user("root@example.com", access.Superuser, "")
	pm := e.user("pm@example.com", access.PlatformManager, "")
	sup := e.user("sup@example.com", access.PlatformSupport, "")
	rootT, pmT, supT := bearer(e.session(root)), bearer(e.session(pm)), bearer(e.session(sup))
	supSession := bearer(e.session(sup))
	if code, _, list := e.do("GET", "platform.localhost", "/api/platform/staff/", "", pmT...); code != 200 || list["count"] != float64(3) {
		t.Errorf("list: %d %v", code, list)
	}
	if code, _, _ := e.do("GET", "platform.localhost", "/api/platform/staff/", "", supT...); code != 403 {
		t.Errorf("support lists staff: %d", code)
	}
	for _, c := range []struct {
		who        []string
		id, body   string
		wantStatus int
	}{
		{pmT, pm.ID, `{"role":"SUPERUSER"}`, 403},             // own role
		{pmT, root.ID, `{"status":"disabled"}`, 403},          // above own rank
		{pmT, sup.ID, `{"role":"SUPERUSER"}`, 403},            // above own role
		{pmT, sup.ID, `{"role":"TENANT_OWNER"}`, 400},         // not a platform role
		{pmT, sup.ID, `{"role":"PLATFORM_SALES"}`, 200},       // allowed
		{rootT, root.ID, `{"status":"disabled"}`, 403},        // own status
		{rootT, sup.ID, `{"status":"disabled"}`, 200},         // disables at once
		{rootT, "not-a-uuid", `{"status":"active"}`, 404},     // unknown
		{rootT, sup.ID, `{"status":"asleep"}`, 400},           // bad status
		{rootT, sup.ID, `{"status":"active","extra":1}`, 400}, // unknown field
	} {
		if code, _, doc := e.do("PATCH", "platform.localhost", "/api/platform/staff/"+c.id+"/", c.body, c.who...); code != c.wantStatus {
			t.Errorf("PATCH %s %s: %d %v", c.id, c.body, code, doc)
		}
	}
	if code, _, _ := e.do("GET", "platform.localhost", "/api/auth/me/", "", supSession...); code != 401 {
		t.Errorf("a disabled user's session: %d", code)
	}
	if code, _, doc := e.do("POST", "platform.localhost", "/api/platform/staff/invitations/", `{"email":"new@example.com","role":"PLATFORM_SUPPORT"}`, pmT...); code != 201 {
		t.Errorf("invite: %d %v", code, doc)
	}
	if code, _, _ := e.do("POST", "platform.localhost", "/api/platform/staff/invitations/", `{"email":"new2@example.com","role":"SUPERUSER"}`, pmT...); code != 403 {
		t.Errorf("invite above own role: %d", code)
	}
	tok := e.mail.LinkTo(t, "new@example.com")
	if code, _, look := e.do("GET", "platform.localhost", "/api/auth/invitations/"+tok+"/", ""); code != 200 || look["businessName"] != nil {
		t.Errorf("platform invitation lookup: %d %v", code, look)
	}
	var n int
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM shared.audit_events WHERE action IN ('USER_ROLE_CHANGED','USER_DISABLED','USER_INVITED')").Scan(&n)
	if n != 3 {
		t.Errorf("%d staff audit events", n)
	}
}

// TestPasswordResetAndChange: forgot answers alike for every email; a reset
// link works once, on its host, for 30 minutes, and ends every session; a
// change ends the other sessions.
func TestPasswordResetAndChange(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.tenant("Globex", "globex")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	_, old, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	c1, h1, b1 := e.do("POST", "acme.localhost", "/api/auth/password/forgot/", `{"email":"ann@example.com"}`)
	c2, h2, b2 := e.do("POST", "acme.localhost", "/api/auth/password/forgot/", `{"email":"nobody@example.com"}`)
	if c1 != 202 || c2 != 202 || fmt.Sprint(b1) != fmt.Sprint(b2) || h1.Get("Content-Length") != h2.Get("Content-Length") {
		t.Fatalf("forgot: %d %v / %d %v", c1, b1, c2, b2)
	}
	token := e.mail.LinkTo(t, "ann@example.com")
	time.Sleep(20 * time.Millisecond)
	if e.mail.Count() != 1 {
		t.Errorf("%d messages; want only the one to the existing user", e.mail.Count())
	}
	reset := func(host, pw string) int {
		c, _, _ := e.do("POST", host, "/api/auth/password/reset/", `{"token":"`+token+`","password":"`+pw+`"}`)
		return c
	}
	if c := reset("globex.localhost", "brand-new-secret-9"); c != 401 {
		t.Errorf("reset on another host: %d", c)
	}
	if c := reset("acme.localhost", "password"); c != 400 {
		t.Errorf("weak new password: %d", c)
	}
	if c := reset("acme.localhost", "brand-new-secret-9"); c != 204 {
		t.Fatalf("reset: %d", c)
	}
	if c := reset("acme.localhost", "another-secret-10"); c != 401 {
		t.Errorf("reset link used twice: %d", c)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", bearer(old["access"].(string))...); c != 401 {
		t.Errorf("session after reset: %d", c)
	}
	if c, _, _ := e.login("acme.localhost", "ann@example.com", testPassword); c != 401 {
		t.Errorf("old password after reset: %d", c)
	}
	_, a, _ := e.login("acme.localhost", "ann@example.com", "brand-new-secret-9")
	_, b, _ := e.login("acme.localhost", "ann@example.com", "brand-new-secret-9")
	ta, tb := bearer(a["access"].(string)), bearer(b["access"].(string))
	if c, _, doc := e.do("POST", "acme.localhost", "/api/auth/password/change/", `{"currentPassword":"wrong-one-here","newPassword":"third-secret-11"}`, ta...); c != 400 || !strings.Contains(fmt.Sprint(doc["errors"]), "body.currentPassword") {
		t.Errorf("change with a wrong current password: %d %v", c, doc)
	}
	if c, _, _ := e.do("POST", "acme.localhost", "/api/auth/password/change/", `{"currentPassword":"brand-new-secret-9","newPassword":"third-secret-11"}`, ta...); c != 204 {
		t.Fatalf("change: %d", c)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", ta...); c != 200 {
		t.Errorf("the changing session survives: %d", c)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", tb...); c != 401 {
		t.Errorf("other sessions end: %d", c)
	}
	// Reset links expire after 30 minutes.
	e.clock.Advance(2 * time.Minute)
	e.do("POST", "acme.localhost", "/api/auth/password/forgot/", `{"email":"ann@example.com"}`)
	time.Sleep(20 * time.Millisecond)
	token = e.mail.LinkTo(t, "ann@example.com")
	e.clock.Advance(31 * time.Minute)
	if c := reset("acme.localhost", "fourth-secret-12"); c != 401 {
		t.Errorf("expired reset link: %d", c)
	}
}

// TestMFAGuessesAreThrottled: wrong codes lock the second step, and signing
// in again with the right password does not lift the lock.
func TestMFAGuessesAreThrottled(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	tok := bearer(e.session(e.user("ann@example.com", access.TenantOwner, acme.ID)))
	_, _, setup := e.do("POST", "acme.localhost", "/api/auth/mfa/setup/", "", tok...)
	code, _ := totp.GenerateCode(setup["secret"].(string), e.clock.Now())
	if c, _, b := e.do("POST", "acme.localhost", "/api/auth/mfa/confirm/", `{"code":"`+code+`"}`, tok...); c != 200 {
		t.Fatalf("confirm: %d %v", c, b)
	}
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	last := 0
	for range 7 {
		_, step, _ := e.login("acme.localhost", "ann@example.com", testPassword)
		last, _, _ = e.do("POST", "acme.localhost", "/api/auth/mfa/verify/", `{"mfaToken":"`+step["mfaToken"].(string)+`","code":"`+wrong+`"}`)
	}
	if last != 429 {
		t.Errorf("after repeated wrong codes and fresh sign-ins: %d, want 429", last)
	}
}
