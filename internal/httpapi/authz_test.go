package httpapi_test

import (
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// TestEveryRouteHasAValidRule walks the route table: every route, including
// those added later, declares a rule that validates.
func TestEveryRouteHasAValidRule(t *testing.T) {
	e := newEnv(t)
	routes := e.srv.Routes()
	if len(routes) < 20 {
		t.Fatalf("only %d routes", len(routes))
	}
	seen := map[string]bool{}
	for _, r := range routes {
		if err := r.Rule.Validate(); err != nil {
			t.Errorf("%s %s: %v", r.Method, r.Path, err)
		}
		key := r.Method + " " + r.Path
		if seen[key] {
			t.Errorf("%s listed twice", key)
		}
		seen[key] = true
	}
	// Every operation in the OpenAPI document is in the route table.
	for path, item := range e.srv.OpenAPI().Paths {
		for method, op := range map[string]*huma.Operation{"GET": item.Get, "POST": item.Post, "PUT": item.Put, "PATCH": item.Patch, "DELETE": item.Delete} {
			if op != nil && !seen[method+" "+path] {
				t.Errorf("%s %s is served but not in the route table", method, path)
			}
		}
	}
}

// caller is who sends a request in the matrix.
type caller struct {
	name  string
	token string            // "" for anonymous
	p     *access.Principal // nil for anonymous
}

// TestRouteMatrix sends every route, on a tenant host, on the platform host
// and on the apex host, as anonymous and as each of the eight roles from the
// right tenant, from another tenant and from the platform, and checks that
// the server refuses exactly what the route's rule refuses. Refusals are
// problem documents carrying the refusing layer's "rule" extension.
func TestRouteMatrix(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	globex := e.tenant("Globex", "globex")
	callers := []caller{{name: "anonymous"}}
	add := func(name string, u *identity.User) {
		p := &access.Principal{UserID: u.ID, Role: u.Role}
		if u.TenantID != nil {
			p.TenantID = *u.TenantID
		}
		callers = append(callers, caller{name: name, token: "fresh", p: p})
	}
	users := map[string]*identity.User{}
	for _, r := range access.Roles() {
		if r.IsPlatform() {
			u := e.user(strings.ToLower(string(r))+"@platform.example", r, "")
			users[string(r)] = u
			add(string(r), u)
			continue
		}
		for _, t := range []struct{ name, id string }{{"acme", acme.ID}, {"globex", globex.ID}} {
			u := e.user(strings.ToLower(string(r))+"@"+t.name+".example", r, t.id)
			users[string(r)+"@"+t.name] = u
			add(string(r)+"@"+t.name, u)
		}
	}
	byID := map[string]*identity.User{}
	for _, u := range users {
		byID[u.ID] = u
	}
	hosts := []struct {
		host string
		site access.Site
	}{
		{"acme.localhost", access.Site{Scope: access.ScopeTenant, TenantID: acme.ID}},
		{"platform.localhost", access.Site{Scope: access.ScopePlatform}},
		{"localhost", access.Site{Scope: access.ScopeApex}},
	}
	checked := 0
	for _, rt := range e.srv.Routes() {
		if !strings.HasPrefix(rt.Path, "/api/") {
			continue
		}
		path := strings.NewReplacer("{id}", uuid.NewString(), "{token}", "ss_inv_nothing", "{schema}", "Nothing").Replace(rt.Path)
		path = fillParams(path)
		for _, h := range hosts {
			for _, c := range callers {
				var hdr []string
				if c.p != nil {
					hdr = bearer(e.session(byID[c.p.UserID])) // fresh: earlier calls may have ended sessions
				}
				body := ""
				if rt.Method != "GET" && rt.Method != "DELETE" {
					body = "{}"
				}
				code, _, doc := e.do(rt.Method, h.host, path, body, hdr...)
				want := access.Authorize(rt.Rule, c.p, h.site, e.clock.Now())
				_, ruled := doc["rule"]
				denied := (code == 401 || code == 403 || code == 404) && ruled
				if (want != nil) != denied {
					t.Errorf("%s %s on %s as %s: got %d %v, rule says %v", rt.Method, rt.Path, h.host, c.name, code, doc["detail"], want)
				}
				checked++
			}
		}
	}
	t.Logf("%d requests checked", checked)
}

// fillParams replaces any other path parameter with a plausible value.
func fillParams(p string) string {
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			return p
		}
		j := strings.IndexByte(p[i:], '}')
		p = p[:i] + uuid.NewString() + p[i+j+1:]
	}
}

// TestAnonymousSemantics: anonymous callers reach only sign-in, health,
// the tenant's public configuration and public booking; everything else
// answers 401 (or 404 where the route does not exist on that host).
func TestAnonymousSemantics(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	for _, rt := range e.srv.Routes() {
		if !strings.HasPrefix(rt.Path, "/api/") {
			continue
		}
		public := rt.Path == "/api/health" || rt.Path == "/api/tenant/config" || strings.HasPrefix(rt.Path, "/api/booking") ||
			strings.HasPrefix(rt.Path, "/api/openapi") || strings.HasPrefix(rt.Path, "/api/docs") || strings.HasPrefix(rt.Path, "/api/schemas") ||
			rt.Path == "/api/auth/login" || rt.Path == "/api/auth/register" || rt.Path == "/api/auth/mfa/verify" || rt.Path == "/api/auth/refresh" ||
			strings.HasPrefix(rt.Path, "/api/auth/password/forgot") || strings.HasPrefix(rt.Path, "/api/auth/password/reset") ||
			strings.HasPrefix(rt.Path, "/api/auth/invitations") || rt.Path == "/api/auth/masquerade/exchange" || rt.Path == "/api/auth/verify-email" ||
			strings.HasPrefix(rt.Path, "/api/business-invitations")
		if rt.Rule.Public != public {
			t.Errorf("%s %s: public=%v, want %v", rt.Method, rt.Path, rt.Rule.Public, public)
		}
		if public {
			continue
		}
		code, _, doc := e.do(rt.Method, "acme.localhost", fillParams(rt.Path), map[bool]string{true: "{}", false: ""}[rt.Method == "POST"])
		if code != 401 && code != 404 {
			t.Errorf("anonymous %s %s on a tenant host: %d %v", rt.Method, rt.Path, code, doc)
		}
	}
	// Sign-in is on tenant and platform hosts, not on the apex.
	if code, _, _ := e.do("POST", "localhost", "/api/auth/login/", `{"email":"a@b.example","password":"x"}`); code != 404 {
		t.Errorf("login on the apex host: %d", code)
	}
}
