package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/realtime"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// testPassword is every test user's password.
const testPassword = apptest.Password

// env is the application built as serve builds it (apptest.Env), with the
// short names this package's tests use for its parts.
type env struct {
	*apptest.Env
	t       testing.TB
	cfg     *config.Config
	db      *postgres.DB
	store   *postgres.Tenants
	tenancy *tenancy.Service
	res     *tenancy.Resolver
	srv     *httpapi.Server
	ids     *identity.Service
	users   *postgres.Identity
	admin   *platform.Admin
	hub     *realtime.Hub
	mail    *apptest.Mailbox
	clock   *apptest.Clock
	dns     *apptest.DNS
}

// newEnv builds the application on a fresh database, following the
// database's notifications as serve does.
func newEnv(t testing.TB, opts ...apptest.Option) *env {
	t.Helper()
	a := apptest.New(t, append([]apptest.Option{apptest.Listen()}, opts...)...)
	return &env{Env: a, t: t, cfg: a.App.Config, db: a.App.DB, store: a.App.Tenants, tenancy: a.App.Tenancy,
		res: a.Resolver, srv: a.Server, ids: a.App.Identity, users: a.App.Users, admin: a.App.Admin,
		hub: a.App.Hub(), mail: a.Mail, clock: a.Clock, dns: a.DNS}
}

// tenant creates a business on the Business plan, so that plan limits stay
// out of the way of tests about other things (plan_limits_test.go uses
// tenantOnPlan).
func (e *env) tenant(name, slug string) *tenancy.Tenant {
	return e.tenantOnPlan(name, slug, "business")
}

func (e *env) tenantOnPlan(name, slug, plan string) *tenancy.Tenant {
	e.t.Helper()
	return e.Tenant(tenancy.NewTenant{Name: name, Slug: slug, Plan: plan})
}

// user inserts a user with testPassword; tenantID "" makes platform staff.
func (e *env) user(email string, role access.Role, tenantID string) *identity.User {
	e.t.Helper()
	return e.User(email, role, tenantID)
}

// session signs u in directly in the store and returns its access token.
func (e *env) session(u *identity.User) string {
	e.t.Helper()
	return e.Session(u)
}

// signIn creates a user with role (on tenantID, or the platform) and signs
// in for real on its host; it returns the bearer headers.
func (e *env) signIn(email string, role access.Role, tenantID, host string) []string {
	e.t.Helper()
	e.user(email, role, tenantID)
	code, body, _ := e.login(host, email, testPassword)
	if code != 200 {
		e.t.Fatalf("login %s on %s: %d %v", email, host, code, body)
	}
	return bearer(body["access"].(string))
}

// login signs in through the API and returns the answer and its cookies.
func (e *env) login(host, email, password string) (int, map[string]any, map[string]*http.Cookie) {
	e.t.Helper()
	code, hdr, body := e.do("POST", host, "/api/auth/login/", `{"email":"`+email+`","password":"`+password+`"}`)
	return code, body, cookies(hdr)
}

// do is Do for the many tests written as (method, host, path, body,
// headers): it returns the status, the headers and the decoded JSON
// object (nil for other answers).
func (e *env) do(method, host, path string, body any, hdr ...string) (int, http.Header, map[string]any) {
	e.t.Helper()
	r := e.Do(apptest.Request{Method: method, Host: host, Path: path, Body: body, Header: hdr})
	if strings.Contains(r.Header.Get("Content-Type"), "json") && len(r.Body) > 0 && r.Body[0] == '{' {
		var out map[string]any
		if err := json.Unmarshal(r.Body, &out); err != nil {
			e.t.Fatalf("%s %s: bad JSON %q", method, path, r.Body)
		}
		return r.Status, r.Header, out
	}
	return r.Status, r.Header, nil
}

func cookies(h http.Header) map[string]*http.Cookie {
	out := map[string]*http.Cookie{}
	for _, c := range (&http.Response{Header: h}).Cookies() {
		out[c.Name] = c
	}
	return out
}

func bearer(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

// browser is the headers a browser sends with a session's cookies.
func browser(c map[string]*http.Cookie, csrf bool) []string {
	h := []string{"Cookie", "ss_session=" + c["ss_session"].Value + "; ss_csrf=" + c["ss_csrf"].Value}
	if csrf {
		h = append(h, "X-CSRF-Token", c["ss_csrf"].Value)
	}
	return h
}

// userOf is a new user of a tenant (or of the platform: tenantID "").
func userOf(email string, role access.Role, tenantID string) identity.User {
	u := identity.User{Email: email, Name: "Ann Example", Role: role}
	if tenantID != "" {
		u.TenantID = &tenantID
	}
	return u
}

// fieldOf returns the first error location of a problem document.
func fieldOf(doc map[string]any) string {
	list, _ := doc["errors"].([]any)
	if len(list) == 0 {
		return ""
	}
	loc, _ := list[0].(map[string]any)["location"].(string)
	return loc
}

// eventually polls cond for up to two seconds.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for range 200 {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}
