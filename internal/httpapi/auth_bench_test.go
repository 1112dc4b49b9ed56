package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// benchServer is a server with one tenant and its owner (password
// testPassword), for benchmarks.
func benchServer(b *testing.B) *httpapi.Server {
	db := pgtest.New(b)
	cfg, err := config.Load(nil, func(k string) string {
		return map[string]string{"SECRET_KEY": strings.Repeat("s3cr3t-", 6)}[k]
	})
	if err != nil {
		b.Fatal(err)
	}
	tenants := &postgres.Tenants{DB: db, Migrations: postgres.Embedded()}
	t, err := (&tenancy.Service{Store: tenants, BaseDomain: "localhost", Now: time.Now}).Create(context.Background(),
		tenancy.NewTenant{Name: "Acme", Slug: "acme"})
	if err != nil {
		b.Fatal(err)
	}
	box, _ := identity.NewSecretBox(cfg.SecretKey, "totp")
	log := slog.New(slog.DiscardHandler)
	store := &postgres.Identity{DB: db}
	ids := &identity.Service{Store: store, Mailer: &mailbox{}, Audit: &postgres.AuditLog{DB: db, Log: log}, Log: log, Box: box,
		Now: time.Now, AccessTTL: cfg.AccessTTL, SessionTTL: cfg.RefreshTTL, URL: cfg.URL, Issuer: "SmoothSchedule"}
	if _, err := ids.CreateUser(context.Background(), userOf("ann@example.com", access.TenantOwner, t.ID), testPassword); err != nil {
		b.Fatal(err)
	}
	return httpapi.New(httpapi.Deps{Config: cfg, Log: log, Version: "bench", DB: db,
		Resolver: &tenancy.Resolver{BaseDomain: "localhost", Lookup: tenants.ByHost},
		Identity: ids, Auth: &httpapi.SessionAuth{Identity: ids, Config: cfg}})
}

func serve(b *testing.B, srv http.Handler, method, path, body string, hdr ...string) *httptest.ResponseRecorder {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, "http://acme.localhost"+path, rd)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// BenchmarkLogin is a full sign-in through the handler: throttle check,
// user lookup, argon2id verification, session insert, audit event.
func BenchmarkLogin(b *testing.B) {
	srv := benchServer(b)
	body := `{"email":"ann@example.com","password":"` + testPassword + `"}`
	for b.Loop() {
		if rec := serve(b, srv, "POST", "/api/auth/login/", body); rec.Code != 200 {
			b.Fatal(rec.Code, rec.Body.String())
		}
	}
}

// BenchmarkAuthenticatedRequest compares an anonymous health check with
// GET /api/auth/me/ authenticated by a bearer token (session lookup, user
// lookup): the difference is the cost of authentication.
func BenchmarkAuthenticatedRequest(b *testing.B) {
	srv := benchServer(b)
	rec := serve(b, srv, "POST", "/api/auth/login/", `{"email":"ann@example.com","password":"`+testPassword+`"}`)
	_, rest, _ := strings.Cut(rec.Body.String(), `"access":"`)
	token, _, _ := strings.Cut(rest, `"`)
	b.Run("health-anonymous", func(b *testing.B) {
		for b.Loop() {
			if rec := serve(b, srv, "GET", "/api/health/", ""); rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
	b.Run("health-bearer", func(b *testing.B) {
		for b.Loop() {
			if rec := serve(b, srv, "GET", "/api/health/", "", "Authorization", "Bearer "+token); rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
	b.Run("me-bearer", func(b *testing.B) {
		for b.Loop() {
			if rec := serve(b, srv, "GET", "/api/auth/me/", "", "Authorization", "Bearer "+token); rec.Code != 200 {
				b.Fatal(rec.Code, rec.Body.String())
			}
		}
	})
}
