package httpapi_test

import (
	"encoding/json"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// TestTokenRedemptionsAreRateLimited: every route that redeems a token from
// a link or a one-time code (reset, staff invitation lookup and accept,
// masquerade exchange, business invitation lookup and accept) answers 429
// with Retry-After once an address has failed identity.TokenIPThrottle's
// free attempts; other addresses are not affected.
func TestTokenRedemptionsAreRateLimited(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	bad := "ss_x_" + strings.Repeat("A", 43)
	routes := []struct{ name, method, host, path, body string }{
		{"reset", "POST", "acme.localhost", "/api/auth/password/reset/", `{"token":"` + bad + `","password":"Plum-Harbor-93-lantern"}`},
		{"invitation lookup", "GET", "acme.localhost", "/api/auth/invitations/" + bad + "/", ""},
		{"invitation accept", "POST", "acme.localhost", "/api/auth/invitations/accept/", `{"token":"` + bad + `","name":"Ann","password":"Plum-Harbor-93-lantern"}`},
		{"masquerade exchange", "POST", "acme.localhost", "/api/auth/masquerade/exchange/", `{"code":"` + identity.PrefixMasquerade + strings.Repeat("A", 43) + `"}`},
		{"business invitation lookup", "GET", "localhost", "/api/business-invitations/" + bad + "/", ""},
		{"business invitation accept", "POST", "localhost", "/api/business-invitations/accept/", `{"token":"` + bad + `","subdomain":"newbiz","password":"Plum-Harbor-93-lantern","name":"Ann"}`},
	}
	for i, rt := range routes {
		addr := "198.51.100." + string(rune('1'+i)) + ":4000"
		send := func(from string) *apptest.Response {
			return e.Do(apptest.Request{Method: rt.method, Host: rt.host, Path: rt.path, Body: rt.body, RemoteAddr: from})
		}
		for n := 1; n <= identity.TokenIPThrottle.Free; n++ {
			if rec := send(addr); rec.Status == 429 || rec.Status >= 500 {
				t.Fatalf("%s: attempt %d answered %d: %s", rt.name, n, rec.Status, rec.Body)
			}
		}
		send(addr) // the failure that sets the first lock
		rec := send(addr)
		if rec.Status != 429 || rec.Header.Get("Retry-After") == "" || rec.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: after %d failures: %d %v %s", rt.name, identity.TokenIPThrottle.Free+1, rec.Status, rec.Header, rec.Body)
		}
		if rec := send("203.0.113.9:4000"); rec.Status == 429 {
			t.Errorf("%s: another address is locked too", rt.name)
		}
		e.clock.Advance(2 * identity.TokenIPThrottle.Window) // forget, for the next route
	}
}

// TestJSONOnlyAsJSON: the API reads bodies only as JSON. A form post from
// another site (text/plain, urlencoded or multipart: the "simple" requests
// a browser sends cross-site without a preflight) cannot sign a browser in
// to the attacker's account (login CSRF) or make any other change.
func TestJSONOnlyAsJSON(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	u := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	body := `{"email":"` + u.Email + `","password":"` + testPassword + `","x":"="}`
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
		rec := e.Do(apptest.Request{Method: "POST", Host: "acme.localhost", Path: "/api/auth/login/", Body: body,
			Header: []string{"Content-Type", ct, "Origin", "https://evil.example"}})
		if rec.Status < 400 || rec.Status >= 500 || len(cookies(rec.Header)) != 0 {
			t.Errorf("login as %s: %d, cookies %v", ct, rec.Status, cookies(rec.Header))
		}
		var doc map[string]any
		if json.Unmarshal(rec.Body, &doc) != nil || doc["detail"] == "" {
			t.Errorf("login as %s: not a problem document: %s", ct, rec.Body)
		}
	}
}
