package httpapi_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// testSecret is the server's secret key, for signing like the server.
const testSecret = apptest.Secret

// testNow is the clock of the scheduling tests: before every date they use.
var testNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// newSched is the application for the scheduling tests: the clock at
// testNow and a pool of poolSize connections (or TEST_DB_MAX_CONNS).
func newSched(t testing.TB, poolSize int, opts ...apptest.Option) *env {
	t.Helper()
	return newEnv(t, append([]apptest.Option{apptest.Pool(poolSize), apptest.At(testNow)}, opts...)...)
}

// biz is one business of a test, with its owner signed in.
type biz struct {
	*env
	ten       *tenancy.Tenant
	host      string
	owner     string // the owner's access token
	ownerUser *identity.User
}

func (s *env) business(name, slug, tz string) *biz {
	s.t.Helper()
	t := s.Tenant(tenancy.NewTenant{Name: name, Slug: slug, TimeZone: tz})
	u, tok := s.SignIn("owner@"+slug+".example", access.TenantOwner, t.ID)
	return &biz{env: s, ten: t, host: slug + ".localhost", owner: tok, ownerUser: u}
}

// as signs in a new user of this business with role and returns the
// access token. A CUSTOMER login is linked to the customer record with
// email, when given, as sign-up links it.
func (b *biz) as(role access.Role, email ...string) string {
	b.t.Helper()
	addr := uuid.NewString() + "@users.example"
	if len(email) > 0 {
		addr = email[0]
	}
	_, tok := b.SignIn(addr, role, b.ten.ID)
	return tok
}

// call sends a request as the holder of token ("" for anonymous) and
// decodes the answer; a JSON array comes back as {"list": [...]}.
func (b *biz) call(method, path, token string, body any, hdr ...string) (int, map[string]any) {
	b.t.Helper()
	r := b.Do(apptest.Request{Method: method, Host: b.host, Path: path, Auth: token, Body: body, Header: hdr})
	raw := r.Body
	var out map[string]any
	if len(raw) > 0 && raw[0] == '[' {
		var list []any
		if err := json.Unmarshal(raw, &list); err != nil {
			b.t.Fatalf("%s %s: %d %s", method, path, r.Status, raw)
		}
		return r.Status, map[string]any{"list": list}
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			b.t.Fatalf("%s %s: %d %s", method, path, r.Status, raw)
		}
	}
	return r.Status, out
}

// must sends a request as the owner that must answer want and returns the
// body.
func (b *biz) must(want int, method, path string, body any) map[string]any {
	b.t.Helper()
	code, out := b.call(method, path, b.owner, body)
	if code != want {
		b.t.Fatalf("%s %s: %d, want %d: %v", method, path, code, want, out)
	}
	return out
}

// raw is call without decoding the answer.
func (b *biz) raw(method, path, token string, body any, hdr ...string) (int, []byte) {
	b.t.Helper()
	r := b.Do(apptest.Request{Method: method, Host: b.host, Path: path, Auth: token, Body: body, Header: hdr})
	return r.Status, r.Body
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
