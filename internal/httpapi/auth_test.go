package httpapi_test

import (
	"fmt"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestLoginIsPerHost: one email in two tenants, with different passwords,
// and a platform admin. Each password works only on its own host, and a
// session works only where it was minted.
func TestLoginIsPerHost(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	if _, err := e.ids.CreateUser(t.Context(), userOf("ann@example.com", access.TenantOwner, acme.ID), "acme-password-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ids.CreateUser(t.Context(), userOf("ann@example.com", access.TenantStaff, globex.ID), "globex-password-2"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ids.CreateUser(t.Context(), userOf("root@example.com", access.Superuser, ""), "platform-password-3"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		host, email, password string
		want                  int
		role                  string
	}{
		{"acme.localhost", "ann@example.com", "acme-password-1", 200, "TENANT_OWNER"},
		{"acme.localhost", "ANN@Example.com ", "acme-password-1", 200, "TENANT_OWNER"},
		{"acme.localhost", "ann@example.com", "globex-password-2", 401, ""},
		{"globex.localhost", "ann@example.com", "globex-password-2", 200, "TENANT_STAFF"},
		{"globex.localhost", "ann@example.com", "acme-password-1", 401, ""},
		{"platform.localhost", "ann@example.com", "acme-password-1", 401, ""},
		{"platform.localhost", "root@example.com", "platform-password-3", 200, "SUPERUSER"},
		{"acme.localhost", "root@example.com", "platform-password-3", 401, ""},
		{"localhost", "root@example.com", "platform-password-3", 404, ""},
	}
	for _, c := range cases {
		code, body, _ := e.login(c.host, c.email, c.password)
		if code != c.want {
			t.Errorf("%s as %s/%s: %d %v", c.host, c.email, c.password, code, body)
			continue
		}
		if c.want == 200 {
			u := body["user"].(map[string]any)
			if u["role"] != c.role || body["access"] == nil || body["refresh"] == nil {
				t.Errorf("%s: %v", c.host, body)
			}
		}
	}
	// The same answer for an unknown email and a wrong password.
	_, unknown, _ := e.login("acme.localhost", "nobody@example.com", "acme-password-1")
	_, wrong, _ := e.login("acme.localhost", "ann@example.com", "wrong-password-0")
	if unknown["detail"] != wrong["detail"] || unknown["status"] != wrong["status"] {
		t.Errorf("unknown email %v vs wrong password %v", unknown, wrong)
	}

	// Sessions stay on their host.
	_, body, ck := e.login("acme.localhost", "ann@example.com", "acme-password-1")
	access := body["access"].(string)
	if code, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", bearer(access)...); code != 200 || me["businessId"] != acme.ID {
		t.Fatalf("me on own host: %d %v", code, me)
	}
	for _, host := range []string{"globex.localhost", "platform.localhost", "localhost"} {
		if code, _, doc := e.do("GET", host, "/api/auth/me/", "", bearer(access)...); code != 401 {
			t.Errorf("acme bearer on %s: %d %v", host, code, doc)
		}
		code, hdr, _ := e.do("GET", host, "/api/auth/me/", "", browser(ck, false)...)
		cleared := cookies(hdr)["ss_session"]
		if code != 401 || cleared == nil || cleared.MaxAge >= 0 || !strings.Contains(strings.Join(hdr.Values("Set-Cookie"), ";"), "Max-Age=0") {
			t.Errorf("acme cookie on %s: %d, Set-Cookie %v", host, code, hdr.Values("Set-Cookie"))
		}
	}
	// A refresh token of one tenant is refused on another.
	if code, _, _ := e.do("POST", "globex.localhost", "/api/auth/refresh/", `{"refresh":"`+body["refresh"].(string)+`"}`); code != 401 {
		t.Errorf("foreign refresh: %d", code)
	}
}

// TestLoginCookies: the session cookie is HttpOnly, host-only and Lax; the
// CSRF cookie is readable; both are Secure under https.
func TestLoginCookies(t *testing.T) {
	for _, scheme := range []string{"http", "https"} {
		e := newEnv(t, apptest.Setting("PUBLIC_SCHEME", scheme))
		acme := e.tenant("Acme", "acme")
		e.user("ann@example.com", access.TenantOwner, acme.ID)
		code, _, ck := e.login("acme.localhost", "ann@example.com", testPassword)
		s, c := ck["ss_session"], ck["ss_csrf"]
		if code != 200 || s == nil || c == nil {
			t.Fatalf("%s: %d %v", scheme, code, ck)
		}
		if !s.HttpOnly || c.HttpOnly || s.Domain != "" || s.SameSite != 2 /* Lax */ || s.Secure != (scheme == "https") || c.Secure != (scheme == "https") {
			t.Errorf("%s: session %+v csrf %+v", scheme, s, c)
		}
	}
}

// TestCSRF: cookie-authenticated unsafe requests need X-CSRF-Token; bearer
// requests do not.
func TestCSRF(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	_, body, ck := e.login("acme.localhost", "ann@example.com", testPassword)
	invite := `{"email":"bob@example.com","role":"TENANT_STAFF"}`
	if code, _, doc := e.do("POST", "acme.localhost", "/api/staff/invitations/", invite, browser(ck, false)...); code != 403 || doc["rule"] != "CSRF check" {
		t.Errorf("cookie POST without CSRF header: %d %v", code, doc)
	}
	bad := append(browser(ck, false), "X-CSRF-Token", "forged")
	if code, _, _ := e.do("POST", "acme.localhost", "/api/staff/invitations/", invite, bad...); code != 403 {
		t.Errorf("cookie POST with a wrong CSRF header: %d", code)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/staff/invitations/", invite, browser(ck, true)...); code != 201 {
		t.Errorf("cookie POST with CSRF header: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(ck, false)...); code != 200 {
		t.Errorf("cookie GET needs no CSRF header: %d", code)
	}
	invite = `{"email":"cy@example.com","role":"TENANT_STAFF"}`
	if code, _, doc := e.do("POST", "acme.localhost", "/api/staff/invitations/", invite, bearer(body["access"].(string))...); code != 201 {
		t.Errorf("bearer POST: %d %v", code, doc)
	}
}

// TestBadInput: malformed, incomplete, oversize, unknown and mistyped
// bodies answer 400 problem JSON naming the field.
func TestBadInput(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	for _, c := range []struct {
		name, body, field string
	}{
		{"malformed JSON", `{"email": "a@b.example", "password": `, ""},
		{"not an object", `[1, 2]`, "body"},
		{"missing password", `{"email":"a@b.example"}`, "body.password"},
		{"missing email", `{"password":"x"}`, "body.email"},
		{"unknown field", `{"email":"a@b.example","password":"x","admin":true}`, "body.admin"},
		{"wrong type", `{"email":42,"password":"x"}`, "body.email"},
		{"bad email", `{"email":"not-an-email","password":"x"}`, "body.email"},
		{"oversize", `{"email":"a@b.example","password":"` + strings.Repeat("x", 70<<10) + `"}`, ""},
	} {
		code, hdr, doc := e.do("POST", "acme.localhost", "/api/auth/login/", c.body)
		if code != 400 || hdr.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s %v", c.name, code, hdr.Get("Content-Type"), doc)
			continue
		}
		if c.field != "" && !strings.Contains(fmt.Sprint(doc["errors"]), c.field) {
			t.Errorf("%s: errors %v do not name %s", c.name, doc["errors"], c.field)
		}
	}
}

// TestBruteForce: repeated failures lock the account with growing delays
// (429 with Retry-After), even for the right password, and audit it.
func TestBruteForce(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	for i := range 6 {
		if code, _, _ := e.login("acme.localhost", "ann@example.com", "wrong-password"); code != 401 {
			t.Fatalf("attempt %d: %d", i, code)
		}
	}
	code, hdr, doc := e.do("POST", "acme.localhost", "/api/auth/login/", `{"email":"ann@example.com","password":"`+testPassword+`"}`)
	if code != 429 || hdr.Get("Retry-After") != "1" || doc["retryAfterSeconds"] != float64(1) {
		t.Fatalf("locked: %d %v %v", code, hdr.Get("Retry-After"), doc)
	}
	e.clock.Advance(2 * time.Second)
	e.login("acme.localhost", "ann@example.com", "wrong-password")
	code, hdr, _ = e.do("POST", "acme.localhost", "/api/auth/login/", `{"email":"ann@example.com","password":"`+testPassword+`"}`)
	if code != 429 || hdr.Get("Retry-After") != "2" {
		t.Fatalf("second lock should double: %d %q", code, hdr.Get("Retry-After"))
	}
	// Unknown emails lock the same way (no enumeration through the lock).
	for range 6 {
		e.login("acme.localhost", "ghost@example.com", "wrong-password")
	}
	if code, _, _ := e.login("acme.localhost", "ghost@example.com", "wrong-password"); code != 429 {
		t.Errorf("unknown email not throttled: %d", code)
	}
	e.clock.Advance(3 * time.Second)
	if code, _, _ := e.login("acme.localhost", "ann@example.com", testPassword); code != 200 {
		t.Fatalf("after the delay: %d", code)
	}
	var locks int
	if err := e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM shared.audit_events WHERE action = 'LOGIN_LOCKED_OUT'").Scan(&locks); err != nil || locks < 3 {
		t.Errorf("lockouts audited: %d %v", locks, err)
	}
}

// TestRefreshRotationAndReuse: a refresh token works once; presenting it
// again revokes the whole session.
func TestRefreshRotationAndReuse(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	_, first, ck := e.login("acme.localhost", "ann@example.com", testPassword)
	r1 := first["refresh"].(string)
	code, _, second := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"`+r1+`"}`)
	if code != 200 || second["access"] == first["access"] || second["refresh"] == r1 {
		t.Fatalf("refresh: %d %v", code, second)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", bearer(first["access"].(string))...); code != 401 {
		t.Errorf("old access token after refresh: %d", code)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", bearer(second["access"].(string))...); code != 200 {
		t.Errorf("new access token: %d", code)
	}
	// Reuse of r1: refused, and the session (its new tokens and its
	// cookie) is revoked.
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"`+r1+`"}`); code != 401 {
		t.Errorf("reused refresh: %d", code)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", bearer(second["access"].(string))...); code != 401 {
		t.Errorf("access after reuse: %d", code)
	}
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"`+second["refresh"].(string)+`"}`); code != 401 {
		t.Errorf("newest refresh after reuse: %d", code)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(ck, false)...); code != 401 {
		t.Errorf("cookie after reuse: %d", code)
	}
	var n int
	_ = e.db.Pool.QueryRow(t.Context(), "SELECT count(*) FROM shared.audit_events WHERE action = 'REFRESH_REUSE_DETECTED'").Scan(&n)
	if n != 1 {
		t.Errorf("%d reuse events", n)
	}
	if code, _, _ := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"ss_rt_forged"}`); code != 401 {
		t.Errorf("forged refresh: %d", code)
	}
}

// TestExpiry: access tokens expire after ACCESS_TTL, sessions after
// REFRESH_TTL; an expired bearer token does not stop a refresh.
func TestExpiry(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	_, body, ck := e.login("acme.localhost", "ann@example.com", testPassword)
	e.clock.Advance(16 * time.Minute)
	tok := bearer(body["access"].(string))
	if code, _, doc := e.do("GET", "acme.localhost", "/api/auth/me/", "", tok...); code != 401 || !strings.Contains(doc["detail"].(string), "expired") {
		t.Errorf("expired access: %d %v", code, doc)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(ck, false)...); code != 200 {
		t.Errorf("cookie outlives the access token: %d", code)
	}
	if code, _, doc := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"`+body["refresh"].(string)+`"}`, tok...); code != 200 {
		t.Errorf("refresh with an expired bearer header: %d %v", code, doc)
	}
	e.clock.Advance(31 * 24 * time.Hour)
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(ck, false)...); code != 401 {
		t.Errorf("expired session: %d", code)
	}
}

// TestMeLogoutAndSessions covers /me, listing and revoking sessions, and
// logout.
func TestMeLogoutAndSessions(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantManager, acme.ID)
	_, a, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	_, b, ck := e.login("acme.localhost", "ann@example.com", testPassword)
	ta, tb := bearer(a["access"].(string)), bearer(b["access"].(string))
	code, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", ta...)
	if code != 200 || me["role"] != "TENANT_MANAGER" || me["masquerade"] != nil || me["mfaEnabled"] != false ||
		!strings.Contains(fmt.Sprint(me["permissions"]), "staff.invite") || strings.Contains(fmt.Sprint(me["permissions"]), "settings.write") {
		t.Fatalf("me: %d %v", code, me)
	}
	code, _, list := e.do("GET", "acme.localhost", "/api/auth/sessions/", "", ta...)
	results, _ := list["results"].([]any)
	if code != 200 || len(results) != 2 {
		t.Fatalf("sessions: %d %v", code, list)
	}
	var otherID string
	for _, r := range results {
		s := r.(map[string]any)
		if s["current"] == false {
			otherID = s["id"].(string)
		}
	}
	if code, _, _ := e.do("DELETE", "acme.localhost", "/api/auth/sessions/"+otherID+"/", "", ta...); code != 204 {
		t.Fatalf("revoke: %d", code)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", tb...); code != 401 {
		t.Errorf("revoked session still works: %d", code)
	}
	// Someone else's session id is not found.
	e.user("bob@example.com", access.TenantStaff, acme.ID)
	_, bob, _ := e.login("acme.localhost", "bob@example.com", testPassword)
	if code, _, _ := e.do("DELETE", "acme.localhost", "/api/auth/sessions/"+otherID+"/", "", bearer(bob["access"].(string))...); code != 404 {
		t.Errorf("revoking another user's session: %d", code)
	}
	code, hdr, _ := e.do("POST", "acme.localhost", "/api/auth/logout/", "", ta...)
	if code != 204 || cookies(hdr)["ss_session"] == nil || cookies(hdr)["ss_session"].MaxAge >= 0 {
		t.Fatalf("logout: %d %v", code, hdr)
	}
	if code, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", ta...); code != 401 {
		t.Errorf("after logout: %d", code)
	}
	_ = ck
}
