package httpapi_test

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// benchServer is the application with one tenant and its owner (password
// testPassword), for benchmarks.
func benchServer(b *testing.B) *apptest.Env {
	e := apptest.New(b, apptest.Log(slog.New(slog.DiscardHandler)))
	t := e.Tenant(tenancy.NewTenant{Name: "Acme", Slug: "acme"})
	e.User("ann@example.com", access.TenantOwner, t.ID)
	return e
}

func serve(b *testing.B, e *apptest.Env, method, path, body string, hdr ...string) *apptest.Response {
	return e.Do(apptest.Request{Method: method, Host: "acme.localhost", Path: path, Body: body, Header: hdr})
}

// BenchmarkLogin is a full sign-in through the handler: throttle check,
// user lookup, argon2id verification, session insert, audit event.
func BenchmarkLogin(b *testing.B) {
	e := benchServer(b)
	body := `{"email":"ann@example.com","password":"` + testPassword + `"}`
	for b.Loop() {
		if rec := serve(b, e, "POST", "/api/auth/login/", body); rec.Status != 200 {
			b.Fatal(rec.Status, string(rec.Body))
		}
	}
}

// BenchmarkAuthenticatedRequest compares an anonymous health check with
// GET /api/auth/me/ authenticated by a bearer token (session lookup, user
// lookup): the difference is the cost of authentication.
func BenchmarkAuthenticatedRequest(b *testing.B) {
	e := benchServer(b)
	rec := serve(b, e, "POST", "/api/auth/login/", `{"email":"ann@example.com","password":"`+testPassword+`"}`)
	_, rest, _ := strings.Cut(string(rec.Body), `"access":"`)
	token, _, _ := strings.Cut(rest, `"`)
	b.Run("health-anonymous", func(b *testing.B) {
		for b.Loop() {
			if rec := serve(b, e, "GET", "/api/health/", ""); rec.Status != 200 {
				b.Fatal(rec.Status)
			}
		}
	})
	b.Run("health-bearer", func(b *testing.B) {
		for b.Loop() {
			if rec := serve(b, e, "GET", "/api/health/", "", "Authorization", "Bearer "+token); rec.Status != 200 {
				b.Fatal(rec.Status)
			}
		}
	})
	b.Run("me-bearer", func(b *testing.B) {
		for b.Loop() {
			if rec := serve(b, e, "GET", "/api/auth/me/", "", "Authorization", "Bearer "+token); rec.Status != 200 {
				b.Fatal(rec.Status, string(rec.Body))
			}
		}
	})
}
