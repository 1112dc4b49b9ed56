package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/app"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/realtime"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/support"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// testPassword is every test user's password (hashed once per process).
const testPassword = "violet-lantern-42"

var testHash = sync.OnceValue(func() string {
	h, err := identity.HashPassword(testPassword)
	if err != nil {
		panic(err)
	}
	return h
})

// clock is a settable time source shared by the service and the server.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// mailbox records messages instead of sending them.
type mailbox struct {
	mu   sync.Mutex
	sent []notify.Message
}

func (m *mailbox) Send(_ context.Context, msg notify.Message) error {
	m.mu.Lock()
	m.sent = append(m.sent, msg)
	m.mu.Unlock()
	return nil
}

// linkTo waits briefly (mail goes out in the background) for a message to
// addr and returns the token of its link.
func (m *mailbox) linkTo(t *testing.T, addr string) string {
	t.Helper()
	for range 200 {
		m.mu.Lock()
		for i := len(m.sent) - 1; i >= 0; i-- {
			if m.sent[i].To == addr {
				link := m.sent[i].Link
				m.mu.Unlock()
				_, tok, _ := strings.Cut(link, "token=")
				return tok
			}
		}
		m.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no mail to %s", addr)
	return ""
}

func (m *mailbox) count() int { m.mu.Lock(); defer m.mu.Unlock(); return len(m.sent) }

// authEnv is env with the identity service, its authenticator and a clock.
type authEnv struct {
	*env
	cfg   *config.Config
	ids   *identity.Service
	users *postgres.Identity
	mail  *mailbox
	clock *clock
	admin *platform.Admin
	hub   realtime.Hub
	dns   *fakeDNS // custom domains' TXT records (domains_test.go)
}

func newAuthEnv(t *testing.T, settings ...string) *authEnv {
	t.Helper()
	e := newEnv(t)
	vars := map[string]string{"SECRET_KEY": strings.Repeat("s3cr3t-", 6)}
	for i := 0; i+1 < len(settings); i += 2 {
		vars[settings[i]] = settings[i+1]
	}
	cfg, err := config.Load(nil, func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	box, err := identity.NewSecretBox(cfg.SecretKey, "totp")
	if err != nil {
		t.Fatal(err)
	}
	a := &authEnv{env: e, cfg: cfg, users: &postgres.Identity{DB: e.db}, mail: &mailbox{},
		clock: &clock{t: time.Now().UTC().Truncate(time.Second)}, dns: &fakeDNS{}}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	a.ids = &identity.Service{Store: a.users, Mailer: a.mail, Audit: &postgres.AuditLog{DB: e.db, Log: log}, Log: log,
		Box: box, Now: a.clock.Now, AccessTTL: cfg.AccessTTL, SessionTTL: cfg.RefreshTTL, PlatformMFA: cfg.PlatformMFA,
		URL: cfg.URL, Issuer: "SmoothSchedule", MasqueradeTTL: cfg.MasqueradeTTL, IdleTimeout: cfg.SessionIdleTimeout}
	// Everything serve wires, so that tests (the route matrix above all)
	// cover every route.
	plat := &postgres.Platform{DB: e.db}
	e.tenancy.Now = a.clock.Now
	a.admin = &platform.Admin{Store: plat, Admin: &postgres.PlatformAdmin{DB: e.db, Tenants: e.store, Platform: plat},
		Tenancy: e.tenancy, Users: a.users, Mailer: a.mail, Audit: a.ids.Audit, Log: log, Now: a.clock.Now,
		URL: cfg.URL, BaseDomain: "localhost"}
	a.srv = httpapi.New(httpapi.Deps{Config: cfg, Log: log, Version: "test", DB: e.db, Resolver: e.res,
		Identity: a.ids, Auth: &httpapi.SessionAuth{Identity: a.ids, Config: cfg}, Now: a.clock.Now,
		Scheduling: &scheduling.Scheduler{Store: &postgres.Scheduling{DB: e.db}, Now: a.clock.Now, Quotas: app.Quotas}, Settings: e.store,
		Platform: plat, Admin: a.admin, Support: &support.Service{Store: &postgres.Support{DB: e.db}, Now: a.clock.Now},
		Hub:     &a.hub,
		Domains: &tenancy.Domains{Store: e.store, DNS: a.dns, BaseDomain: "localhost", Now: a.clock.Now}})
	return a
}

// user inserts a user with testPassword; tenantID "" makes platform staff.
func (a *authEnv) user(email string, role access.Role, tenantID string) *identity.User {
	a.t.Helper()
	now := a.clock.Now()
	u := identity.User{ID: uuid.NewString(), Email: email, Name: "Test " + string(role), Role: role,
		Status: identity.StatusActive, CreatedAt: now, UpdatedAt: now}
	if tenantID != "" {
		u.TenantID = &tenantID
	}
	if err := a.users.CreateUser(context.Background(), &identity.Account{User: u, PasswordHash: testHash()}); err != nil {
		a.t.Fatal(err)
	}
	return &u
}

// session mints a session for u directly in the store (no password hash
// cost) and returns its access token.
func (a *authEnv) session(u *identity.User) string {
	a.t.Helper()
	now := a.clock.Now()
	tok, h := identity.NewToken(identity.PrefixAccess)
	_, rh := identity.NewToken(identity.PrefixRefresh)
	_, ch := identity.NewToken(identity.PrefixCookie)
	err := a.users.CreateSession(context.Background(), identity.NewSession{
		Session: identity.Session{ID: uuid.NewString(), UserID: u.ID, TenantID: u.TenantID, CreatedAt: now, LastSeenAt: now,
			ExpiresAt: now.Add(time.Hour), AccessExpiresAt: now.Add(15 * time.Minute)},
		AccessHash: h, RefreshHash: rh, CookieHash: ch})
	if err != nil {
		a.t.Fatal(err)
	}
	return tok
}

// login signs in through the API and returns the answer and its cookies.
func (a *authEnv) login(host, email, password string) (int, map[string]any, map[string]*http.Cookie) {
	a.t.Helper()
	code, hdr, body := a.do("POST", host, "/api/auth/login/", `{"email":"`+email+`","password":"`+password+`"}`)
	return code, body, cookies(hdr)
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

// probe sends a request and decodes the answer when it is a JSON object
// (problem documents are); other bodies (arrays, HTML) decode to nil.
func (a *authEnv) probe(method, host, path, body string, hdr ...string) (int, map[string]any) {
	a.t.Helper()
	rec := a.send(method, host, path, body, hdr...)
	var out map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}
