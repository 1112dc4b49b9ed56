// Package apptest builds the whole application for tests the way serve
// builds it — through the composition root (internal/app), on a fresh
// database, with the production quotas, limits, throttles and
// authentication — and sends it requests. Only the ties to the world
// outside the process are replaced: mail is captured (tests read the links
// it carries), the clock is settable and DNS answers from a map.
//
// Tests of the HTTP layer import it from their external test package
// (package httpapi_test): internal/app imports internal/httpapi, so the
// fixture cannot live in httpapi itself.
package apptest

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
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
	"github.com/smoothschedule/smoothschedule/internal/logctx"
	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Secret is the fixture's SECRET_KEY, for tests that sign like the server.
const Secret = "test-secret-key-test-secret-key-0123456789"

// Password is the password of every user the fixture creates (hashed once
// per process).
const Password = "violet-lantern-42"

var passwordHash = sync.OnceValue(func() string {
	h, err := identity.HashPassword(Password)
	if err != nil {
		panic(err)
	}
	return h
})

// Env is the application under test.
type Env struct {
	T        testing.TB
	App      *app.App
	Server   *httpapi.Server
	Resolver *tenancy.Resolver
	Mail     *Mailbox
	Clock    *Clock
	DNS      *DNS
}

// Option changes how New builds the application.
type Option func(*options)

type options struct {
	vars   map[string]string
	pool   int
	start  time.Time
	log    *slog.Logger
	web    fs.FS
	listen bool
}

// Setting sets a configuration variable, as the environment would.
func Setting(name, value string) Option {
	return func(o *options) { o.vars[name] = value }
}

// Pool sizes the database pool (DB_MAX_CONNS) at n connections, or at
// TEST_DB_MAX_CONNS when set: CI runs the HTTP tests on one connection.
func Pool(n int) Option {
	return func(o *options) { o.pool = n }
}

// At starts the clock at t (default: now, to the second).
func At(t time.Time) Option {
	return func(o *options) { o.start = t }
}

// Log sends the application's log to l (default: errors only, everything
// with -v).
func Log(l *slog.Logger) Option {
	return func(o *options) { o.log = l }
}

// Web serves files as the web app.
func Web(files fs.FS) Option {
	return func(o *options) { o.web = files }
}

// Listen follows the database's notifications as serve does: the host
// cache empties when tenants or domains change in the database, and
// schedule changes reach the hub.
func Listen() Option {
	return func(o *options) { o.listen = true }
}

// New builds the application on a fresh database; it is closed when t ends.
func New(t testing.TB, opts ...Option) *Env {
	t.Helper()
	o := options{vars: map[string]string{}, pool: 10, start: time.Now().UTC().Truncate(time.Second)}
	for _, opt := range opts {
		opt(&o)
	}
	vars := map[string]string{"DATABASE_URL": pgtest.NewURL(t), "SECRET_KEY": Secret, "DATA_DIR": t.TempDir(),
		"DB_MAX_CONNS": strconv.Itoa(pgtest.PoolSize(o.pool))}
	for k, v := range o.vars {
		vars[k] = v
	}
	cfg, err := config.Load(nil, func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	if o.log == nil {
		o.log = logctx.New(io.Discard, "text", "error")
		if testing.Verbose() {
			o.log = slog.New(logctx.Handler{Handler: slog.NewTextHandler(os.Stderr, nil)})
		}
	}
	e := &Env{T: t, Mail: &Mailbox{}, Clock: &Clock{t: o.start}, DNS: &DNS{}}
	appOpts := []app.Option{app.WithClock(e.Clock.Now), app.WithMailer(e.Mail), app.WithDNS(e.DNS)}
	if o.web != nil {
		appOpts = append(appOpts, app.WithWeb(o.web))
	}
	a, err := app.Open(context.Background(), cfg, o.log, true, appOpts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	if err := a.PrepareSchemas(context.Background(), io.Discard); err != nil {
		t.Fatal(err)
	}
	e.App = a
	e.Server, e.Resolver = a.Handler()
	if o.listen {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		a.Listen(ctx, e.Resolver)
	}
	return e
}

// Tenant creates a business (on the Business plan and in Europe/Berlin
// unless n says otherwise, so that plan limits stay out of the way of tests
// about other things) without users.
func (e *Env) Tenant(n tenancy.NewTenant) *tenancy.Tenant {
	e.T.Helper()
	if n.Plan == "" {
		n.Plan = "business"
	}
	if n.TimeZone == "" {
		n.TimeZone = "Europe/Berlin"
	}
	t, _, err := e.App.CreateTenant(context.Background(), n, nil)
	if err != nil {
		e.T.Fatal(err)
	}
	e.Resolver.Invalidate()
	return t
}

// User creates an active user with Password; tenantID "" makes platform
// staff. A CUSTOMER is linked to the business's customer record with the
// same email, as sign-up links it.
func (e *Env) User(email string, role access.Role, tenantID string) *identity.User {
	e.T.Helper()
	now := e.Clock.Now()
	u := identity.User{ID: uuid.NewString(), Email: email, Name: "Test " + string(role), Role: role,
		Status: identity.StatusActive, CreatedAt: now, UpdatedAt: now}
	if tenantID != "" {
		u.TenantID = &tenantID
	}
	if err := e.App.Users.CreateUser(context.Background(), &identity.Account{User: u, PasswordHash: passwordHash()}); err != nil {
		e.T.Fatal(err)
	}
	return &u
}

// Session signs u in directly in the store (without the cost of a password
// check) and returns the session's access token, valid for 15 minutes of
// the fixture's clock.
func (e *Env) Session(u *identity.User) string {
	e.T.Helper()
	now := e.Clock.Now()
	tok, h := identity.NewToken(identity.PrefixAccess)
	_, rh := identity.NewToken(identity.PrefixRefresh)
	_, ch := identity.NewToken(identity.PrefixCookie)
	err := e.App.Users.CreateSession(context.Background(), identity.NewSession{
		Session: identity.Session{ID: uuid.NewString(), UserID: u.ID, TenantID: u.TenantID, CreatedAt: now, LastSeenAt: now,
			ExpiresAt: now.Add(time.Hour), AccessExpiresAt: now.Add(15 * time.Minute)},
		AccessHash: h, RefreshHash: rh, CookieHash: ch})
	if err != nil {
		e.T.Fatal(err)
	}
	return tok
}

// SignIn creates a user and a session for it and returns the access token.
func (e *Env) SignIn(email string, role access.Role, tenantID string) (*identity.User, string) {
	e.T.Helper()
	u := e.User(email, role, tenantID)
	return u, e.Session(u)
}

// Clock is a settable time source: the application's clock.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now is the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// Mailbox records messages instead of sending them.
type Mailbox struct {
	mu   sync.Mutex
	sent []notify.Message
}

// Send records msg.
func (m *Mailbox) Send(_ context.Context, msg notify.Message) error {
	m.mu.Lock()
	m.sent = append(m.sent, msg)
	m.mu.Unlock()
	return nil
}

// Sent returns the messages sent so far.
func (m *Mailbox) Sent() []notify.Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]notify.Message(nil), m.sent...)
}

// Clear forgets the messages sent so far.
func (m *Mailbox) Clear() { m.mu.Lock(); m.sent = nil; m.mu.Unlock() }

// Count is how many messages were sent.
func (m *Mailbox) Count() int { m.mu.Lock(); defer m.mu.Unlock(); return len(m.sent) }

// LinkTo waits briefly (mail goes out in the background) for a message to
// addr and returns the token of its link.
func (m *Mailbox) LinkTo(t testing.TB, addr string) string {
	t.Helper()
	for range 200 {
		sent := m.Sent()
		for i := len(sent) - 1; i >= 0; i-- {
			if sent[i].To == addr {
				_, tok, _ := strings.Cut(sent[i].Link, "token=")
				return tok
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no mail to %s", addr)
	return ""
}
