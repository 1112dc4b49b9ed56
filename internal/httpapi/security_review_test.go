package httpapi_test

import (
	"encoding/json"
	"net/http/httptest"
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
		send := func(from string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(rt.method, "http://"+rt.host+rt.path, strings.NewReader(rt.body))
			req.RemoteAddr = from
			if rt.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			rec := httptest.NewRecorder()
			e.srv.ServeHTTP(rec, req)
			return rec
		}
		for n := 1; n <= identity.TokenIPThrottle.Free; n++ {
			if rec := send(addr); rec.Code == 429 || rec.Code >= 500 {
				t.Fatalf("%s: attempt %d answered %d: %s", rt.name, n, rec.Code, rec.Body)
			}
		}
		send(addr) // the failure that sets the first lock
		rec := send(addr)
		if rec.Code != 429 || rec.Header().Get("Retry-After") == "" || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: after %d failures: %d %v %s", rt.name, identity.TokenIPThrottle.Free+1, rec.Code, rec.Header(), rec.Body)
		}
		if rec := send("203.0.113.9:4000"); rec.Code == 429 {
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
		req := httptest.NewRequest("POST", "http://acme.localhost/api/auth/login/", strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Origin", "https://evil.example")
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code < 400 || rec.Code >= 500 || len(rec.Result().Cookies()) != 0 {
			t.Errorf("login as %s: %d, cookies %v", ct, rec.Code, rec.Result().Cookies())
		}
		var doc map[string]any
		if json.Unmarshal(rec.Body.Bytes(), &doc) != nil || doc["detail"] == "" {
			t.Errorf("login as %s: not a problem document: %s", ct, rec.Body)
		}
	}
}
