package httpapi_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/logctx"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// testUser is the header of the stub authenticator:
// "ROLE:userID:tenantID[:customerID]".
const testUser = "X-Test-User"

// stubAuth maps the test header to a principal, standing in for the
// session authenticator (the authorization layer is the real one).
type stubAuth struct{}

func (stubAuth) Authenticate(r *http.Request, _ *tenancy.Site) (*access.Principal, error) {
	h := r.Header.Get(testUser)
	if h == "" {
		return nil, nil
	}
	parts := strings.Split(h, ":")
	if len(parts) < 3 {
		return nil, errs.E(errs.Unauthorized, "bad test user")
	}
	p := &access.Principal{Role: access.Role(parts[0]), UserID: parts[1], TenantID: parts[2]}
	if len(parts) > 3 {
		p.CustomerID = parts[3]
	}
	return p, nil
}

const testSecret = "test-secret-key-test-secret-key-0123456789"

// testNow is the clock of the scheduling tests: before every date they use.
var testNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// sched is a server with the scheduling routes on a fresh database.
type sched struct {
	t     testing.TB
	db    *postgres.DB
	store *postgres.Tenants
	ten   *tenancy.Service
	res   *tenancy.Resolver
	srv   *httpapi.Server
}

func newSched(t testing.TB, poolSize int) *sched {
	t.Helper()
	db, err := postgres.Open(context.Background(), pgtest.NewURL(t), postgres.Options{MaxConns: pgtest.PoolSize(poolSize)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	cfg.SecretKey = testSecret
	store := &postgres.Tenants{DB: db, Migrations: postgres.Embedded()}
	s := &sched{t: t, db: db, store: store,
		ten: &tenancy.Service{Store: store, BaseDomain: "localhost", Now: time.Now},
		res: &tenancy.Resolver{BaseDomain: "localhost", Lookup: store.ByHost}}
	now := func() time.Time { return testNow }
	s.srv = httpapi.New(httpapi.Deps{Config: cfg, Log: logctx.New(io.Discard, "text", "error"), Version: "test", DB: db,
		Resolver: s.res, Auth: stubAuth{}, Now: now,
		Scheduling: &scheduling.Scheduler{Store: &postgres.Scheduling{DB: db}, Now: now}, Settings: store})
	return s
}

// biz is one tenant of a test, with an owner's header.
type biz struct {
	*sched
	ten   *tenancy.Tenant
	host  string
	owner string
}

func (s *sched) business(name, slug, tz string) *biz {
	s.t.Helper()
	t, err := s.ten.Create(context.Background(), tenancy.NewTenant{Name: name, Slug: slug, TimeZone: tz})
	if err != nil {
		s.t.Fatal(err)
	}
	s.res.Invalidate()
	return &biz{sched: s, ten: t, host: slug + ".localhost", owner: "TENANT_OWNER:" + uuid.NewString() + ":" + t.ID}
}

// as returns the test header of a role on this business.
func (b *biz) as(role access.Role, extra ...string) string {
	return strings.Join(append([]string{string(role), uuid.NewString(), b.ten.ID}, extra...), ":")
}

// call sends a request as user ("" for anonymous) and decodes the answer.
func (b *biz) call(method, path, user string, body any, hdr ...string) (int, map[string]any) {
	b.t.Helper()
	code, raw := b.raw(method, path, user, body, hdr...)
	var out map[string]any
	if len(raw) > 0 && raw[0] == '[' { // a JSON array answer comes back as {"list": [...]}
		var list []any
		if err := json.Unmarshal(raw, &list); err != nil {
			b.t.Fatalf("%s %s: %d %s", method, path, code, raw)
		}
		return code, map[string]any{"list": list}
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			b.t.Fatalf("%s %s: %d %s", method, path, code, raw)
		}
	}
	return code, out
}

func (b *biz) raw(method, path, user string, body any, hdr ...string) (int, []byte) {
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			js, _ := json.Marshal(body)
			rd = strings.NewReader(string(js))
		}
	}
	req := httptest.NewRequest(method, "http://"+b.host+path, rd)
	req.Header.Set("Content-Type", "application/json")
	if user != "" {
		req.Header.Set(testUser, user)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	b.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// must sends a request that must answer want and returns the body.
func (b *biz) must(want int, method, path string, body any) map[string]any {
	b.t.Helper()
	code, out := b.call(method, path, b.owner, body)
	if code != want {
		b.t.Fatalf("%s %s: %d, want %d: %v", method, path, code, want, out)
	}
	return out
}

func (b *biz) create(path string, body any) string {
	b.t.Helper()
	return b.must(201, "POST", path, body)["id"].(string)
}

// count counts rows of a tenant table.
func (b *biz) count(table string) int {
	b.t.Helper()
	var n int
	err := b.db.InTenant(context.Background(), b.ten.Schema, func(tx pgx.Tx) error {
		return tx.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n)
	})
	if err != nil {
		b.t.Fatal(err)
	}
	return n
}

// slots reads an availability answer's slots.
func slots(body map[string]any) []string {
	var out []string
	list, _ := body["availableSlots"].([]any)
	for _, s := range list {
		out = append(out, s.(string))
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// manageToken signs like the server (HMAC-SHA256 under the test secret).
func manageToken(tenantID, appointmentID string) string {
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write([]byte("manage-appointment:" + tenantID + ":" + appointmentID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
