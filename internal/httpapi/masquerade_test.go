package httpapi_test

import (
	"bytes"
	"context"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/logctx"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// auditRow is one stored audit event, as the masquerade tests check it.
type auditRow struct {
	actor, impersonator, target, tenant, session, reason, rule, ip string
}

// audits lists the stored events of an action, oldest first.
func (a *env) audits(action string) []auditRow {
	a.t.Helper()
	rows, err := a.db.Pool.Query(context.Background(), `SELECT coalesce(actor_id::text, ''), coalesce(impersonator_id::text, ''),
		coalesce(target_id::text, ''), coalesce(tenant_id::text, ''), coalesce(session_id::text, ''), reason,
		coalesce(detail->>'rule', ''), ip FROM shared.audit_events WHERE action = $1 ORDER BY created_at, id`, action)
	if err != nil {
		a.t.Fatal(err)
	}
	defer rows.Close()
	var out []auditRow
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.actor, &r.impersonator, &r.target, &r.tenant, &r.session, &r.reason, &r.rule, &r.ip); err != nil {
			a.t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// masquerade starts a masquerade as userID with the given credentials.
func (a *env) masquerade(host, userID string, hdr ...string) (int, map[string]any, map[string]*http.Cookie) {
	a.t.Helper()
	code, h, body := a.do("POST", host, "/api/auth/masquerade/", `{"userId":"`+userID+`","reason":"ticket 42"}`, hdr...)
	return code, body, cookies(h)
}

// codeOf takes the one-time code out of a start answer's redirectUrl and
// checks that it points at host's masquerade page.
func codeOf(t *testing.T, body map[string]any, host string) string {
	t.Helper()
	u, err := url.Parse(body["redirectUrl"].(string))
	if err != nil || u.Hostname() != host || u.Path != "/auth/masquerade" || !strings.HasPrefix(u.Query().Get("code"), identity.PrefixMasquerade) {
		t.Fatalf("redirectUrl %v", body["redirectUrl"])
	}
	return u.Query().Get("code")
}

func exchange(e *env, host, code string) (int, map[string]any, map[string]*http.Cookie) {
	c, h, b := e.do("POST", host, "/api/auth/masquerade/exchange/", `{"code":"`+code+`"}`)
	return c, b, cookies(h)
}

// TestMasqueradeAcrossHosts: platform support signs in on the platform,
// masquerades as a business owner, reaches the owner's host through the
// one-time code (once), acts there with both identities recorded, cannot
// chain or change credentials, and stops: back to the platform, where its
// own session still works, while the masquerade session is dead.
func TestMasqueradeAcrossHosts(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.tenant("Globex", "globex")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	support := e.user("support@platform.example", access.PlatformSupport, "")
	code, _, pc := e.login("platform.localhost", support.Email, testPassword)
	if code != 200 {
		t.Fatalf("support login: %d", code)
	}
	platform := browser(pc, true)

	// Start: a link to the owner's host, tokens bound to that host, no
	// cookie for the platform host.
	code, start, set := e.masquerade("platform.localhost", owner.ID, platform...)
	if code != 200 || start["user"].(map[string]any)["id"] != owner.ID || set["ss_session"] != nil {
		t.Fatalf("start: %d %v %v", code, start, set)
	}
	mqCode := codeOf(t, start, "acme.localhost")
	startAccess := bearer(start["access"].(string))
	if c, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", startAccess...); c != 200 || me["email"] != owner.Email {
		t.Errorf("start token on the target's host: %d %v", c, me)
	}
	if c, _, _ := e.do("GET", "platform.localhost", "/api/auth/me/", "", startAccess...); c != 401 {
		t.Errorf("start token on the platform host: %d", c)
	}
	started := e.audits("MASQUERADE_START")
	if len(started) != 1 || started[0].actor != support.ID || started[0].target != owner.ID || started[0].tenant != acme.ID ||
		started[0].session == "" || started[0].reason != "ticket 42" || started[0].rule != access.MasqSupportTenantUser {
		t.Errorf("MASQUERADE_START rows: %+v", started)
	}

	// The code works on its own host only, once.
	if c, _, _ := exchange(e, "globex.localhost", mqCode); c != 401 {
		t.Errorf("code on another tenant's host: %d", c)
	}
	c, ex, mc := exchange(e, "acme.localhost", mqCode)
	if c != 200 || mc["ss_session"] == nil || ex["access"] == nil || ex["redirectUrl"] != "/" {
		t.Fatalf("exchange: %d %v", c, ex)
	}
	if c, _, _ := exchange(e, "acme.localhost", mqCode); c != 401 {
		t.Errorf("code used twice: %d", c)
	}
	acmeBrowser := browser(mc, true)
	c, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", acmeBrowser...)
	mq, _ := me["masquerade"].(map[string]any)
	if c != 200 || me["id"] != owner.ID || mq == nil || mq["impersonator"].(map[string]any)["id"] != support.ID ||
		mq["impersonator"].(map[string]any)["role"] != "PLATFORM_SUPPORT" || mq["expiresAt"] == nil {
		t.Fatalf("me while masquerading: %d %v", c, me)
	}

	// Sensitive acts are refused; a chain is refused by the matrix and audited.
	if c, _, doc := e.do("POST", "acme.localhost", "/api/auth/password/change/", `{"currentPassword":"x","newPassword":"y"}`, acmeBrowser...); c != 403 {
		t.Errorf("password change while masquerading: %d %v", c, doc)
	}
	c, _, doc := e.do("POST", "acme.localhost", "/api/auth/masquerade/", `{"userId":"`+staff.ID+`","reason":"chain"}`, acmeBrowser...)
	if c != 403 || doc["rule"] != access.MasqChain || doc["detail"] == "" {
		t.Errorf("chain: %d %v", c, doc)
	}
	denied := e.audits("MASQUERADE_DENIED")
	if len(denied) != 1 || denied[0].rule != access.MasqChain || denied[0].actor != support.ID || denied[0].impersonator != support.ID ||
		denied[0].target != staff.ID {
		t.Errorf("chain audit: %+v", denied)
	}

	// The platform session is untouched meanwhile.
	if c, _, me := e.do("GET", "platform.localhost", "/api/auth/me/", "", platform...); c != 200 || me["masquerade"] != nil {
		t.Errorf("platform session during the masquerade: %d %v", c, me)
	}

	// Stop: back to the platform host; the masquerade session is revoked.
	c, h, stop := e.do("POST", "acme.localhost", "/api/auth/masquerade/stop/", "", acmeBrowser...)
	u, _ := url.Parse(stop["redirectUrl"].(string))
	if c != 200 || u == nil || u.Hostname() != "platform.localhost" || cookies(h)["ss_session"].MaxAge >= 0 {
		t.Fatalf("stop: %d %v", c, stop)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", acmeBrowser...); c != 401 {
		t.Errorf("masquerade session after stop: %d", c)
	}
	if c, _, me := e.do("GET", "platform.localhost", "/api/auth/me/", "", platform...); c != 200 || me["id"] != support.ID {
		t.Errorf("platform session after stop: %d %v", c, me)
	}
	ended := e.audits("MASQUERADE_END")
	if len(ended) != 1 || ended[0].actor != support.ID || ended[0].target != owner.ID || ended[0].reason != "stopped" {
		t.Errorf("MASQUERADE_END rows: %+v", ended)
	}
	var revoked bool
	_ = e.db.Pool.QueryRow(t.Context(), `SELECT revoked_at IS NOT NULL FROM shared.sessions WHERE id = $1`, started[0].session).Scan(&revoked)
	if !revoked {
		t.Error("the masquerade session must be revoked")
	}
}

// TestMasqueradeCodeExpires: the hand-over code lives 60 seconds.
func TestMasqueradeCodeExpires(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	su := e.user("root@platform.example", access.Superuser, "")
	c, start, _ := e.masquerade("platform.localhost", owner.ID, bearer(e.session(su))...)
	if c != 200 {
		t.Fatalf("start: %d %v", c, start)
	}
	e.clock.Advance(61 * time.Second)
	if c, _, _ := exchange(e, "acme.localhost", codeOf(t, start, "acme.localhost")); c != 401 {
		t.Errorf("code after 61 seconds: %d", c)
	}
	var stored int
	_ = e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM shared.masquerade_codes WHERE code_hash = $1`,
		identity.HashToken(codeOf(t, start, "acme.localhost"))).Scan(&stored)
	if stored != 1 {
		t.Error("the code must be stored by its hash")
	}
}

// TestMasqueradeRefusals: targets the matrix forbids answer 403 naming the
// rule, each audited; a missing reason is a 400 naming body.reason.
func TestMasqueradeRefusals(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	demo, err := e.tenancy.Create(t.Context(), tenancy.NewTenant{Name: "Demo", Slug: "trydemo", TimeZone: "UTC", Demo: true, DemoTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	e.res.Invalidate()
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	demoOwner := e.user("owner@trydemo.example", access.TenantOwner, demo.ID)
	disabled := e.user("gone@acme.example", access.TenantStaff, acme.ID)
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE shared.users SET status = 'disabled' WHERE id = $1`, disabled.ID); err != nil {
		t.Fatal(err)
	}
	su := e.user("root@platform.example", access.Superuser, "")
	support := bearer(e.session(e.user("support@platform.example", access.PlatformSupport, "")))
	sales := bearer(e.session(e.user("sales@platform.example", access.PlatformSales, "")))
	manager := bearer(e.session(e.user("manager@platform.example", access.PlatformManager, "")))

	for _, tc := range []struct {
		name   string
		hdr    []string
		target string
		status int
		rule   string
	}{
		{"support → superuser", support, su.ID, 403, access.MasqSuperuserTarget},
		{"support → disabled staff", support, disabled.ID, 403, access.MasqDisabledTarget},
		{"sales → real business", sales, owner.ID, 403, access.MasqNotDemoTenant},
		{"manager → owner", manager, owner.ID, 403, access.MasqRoleNotAllowed},
		{"sales → demo business", sales, demoOwner.ID, 200, ""},
	} {
		c, body, _ := e.masquerade("platform.localhost", tc.target, tc.hdr...)
		if c != tc.status || (tc.rule != "" && body["rule"] != tc.rule) {
			t.Errorf("%s: %d %v", tc.name, c, body)
		}
	}
	rules := map[string]bool{}
	for _, r := range e.audits("MASQUERADE_DENIED") {
		rules[r.rule] = true
	}
	if len(e.audits("MASQUERADE_DENIED")) != 4 || !rules[access.MasqSuperuserTarget] || !rules[access.MasqNotDemoTenant] {
		t.Errorf("denials audited: %v", rules)
	}
	c, _, doc := e.do("POST", "platform.localhost", "/api/auth/masquerade/", `{"userId":"`+owner.ID+`"}`, support...)
	errsList, _ := doc["errors"].([]any)
	if c != 400 || len(errsList) == 0 || errsList[0].(map[string]any)["location"] != "body.reason" {
		t.Errorf("missing reason: %d %v", c, doc)
	}
}

// TestMasqueradeApprovalAndSuspension: a business requiring approval lets
// support in only while its owner's approval is active; a suspended
// business still lets platform staff in by masquerade.
func TestMasqueradeApprovalAndSuspension(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	ownerTok := bearer(e.session(owner))
	support := bearer(e.session(e.user("support@platform.example", access.PlatformSupport, "")))
	other := bearer(e.session(e.user("other-support@platform.example", access.PlatformSupport, "")))
	e.user("sales@platform.example", access.PlatformSales, "")
	if c, _, doc := e.do("PUT", "acme.localhost", "/api/support-access/policy/", `{"platformApprovalRequired":true}`, ownerTok...); c != 200 {
		t.Fatalf("policy: %d %v", c, doc)
	}
	// An approval names one active support user; anything else is a 400
	// naming the field (no approval for the whole team, a salesperson, the
	// owner's own staff or nobody).
	for _, body := range []string{`{"reason":"ticket 7"}`, `{"reason":"ticket 7","supportEmail":"nobody@platform.example"}`,
		`{"reason":"ticket 7","supportEmail":"sales@platform.example"}`, `{"reason":"ticket 7","supportEmail":"owner@acme.example"}`} {
		if c, _, doc := e.do("POST", "acme.localhost", "/api/support-access/", body, ownerTok...); c != 400 || fieldOf(doc) != "body.supportEmail" {
			t.Errorf("approve %s: %d %v, want 400 naming body.supportEmail", body, c, doc)
		}
	}
	if c, body, _ := e.masquerade("platform.localhost", owner.ID, support...); c != 403 || body["rule"] != access.MasqApprovalRequired {
		t.Errorf("without approval: %d %v", c, body)
	}
	c, _, appr := e.do("POST", "acme.localhost", "/api/support-access/", `{"reason":"ticket 7","durationMinutes":30,"supportEmail":" Support@Platform.example "}`, ownerTok...)
	if c != 201 || appr["status"] != "active" || appr["approvedUserEmail"] != "support@platform.example" {
		t.Fatalf("approve: %d %v", c, appr)
	}
	// The approval lets in the support user it names, not the rest of the team.
	if c, body, _ := e.masquerade("platform.localhost", owner.ID, other...); c != 403 || body["rule"] != access.MasqApprovalRequired {
		t.Errorf("another support user with Jane's approval: %d %v", c, body)
	}
	c, start, _ := e.masquerade("platform.localhost", owner.ID, support...)
	if c != 200 {
		t.Fatalf("with approval: %d %v", c, start)
	}
	// Support, acting as the owner, cannot approve itself.
	if c, _, _ := e.do("POST", "acme.localhost", "/api/support-access/", `{"reason":"me","supportEmail":"support@platform.example"}`, bearer(start["access"].(string))...); c != 403 {
		t.Errorf("approval from inside a masquerade: %d", c)
	}
	// Nor switch the requirement off through the business settings (the
	// policy has one route of its own); the settings show it.
	if c, _, doc := e.do("PATCH", "acme.localhost", "/api/business/settings/", `{"platformApprovalRequired":false}`, bearer(start["access"].(string))...); c != 400 {
		t.Errorf("settings change from inside a masquerade: %d %v", c, doc)
	}
	if c, _, doc := e.do("GET", "acme.localhost", "/api/business/settings/", "", ownerTok...); c != 200 || doc["platformApprovalRequired"] != true {
		t.Errorf("owner settings: %d %v", c, doc)
	}
	e.res.Invalidate()
	if c, _, _ := e.do("POST", "acme.localhost", "/api/support-access/"+appr["id"].(string)+"/revoke/", "", ownerTok...); c != 200 {
		t.Errorf("revoke approval: %d", c)
	}
	if c, body, _ := e.masquerade("platform.localhost", owner.ID, support...); c != 403 || body["rule"] != access.MasqApprovalRequired {
		t.Errorf("after revocation: %d %v", c, body)
	}

	// Suspended: the owner is refused, support acting as the owner is let in.
	if _, err := e.tenancy.Suspend(t.Context(), "acme"); err != nil {
		t.Fatal(err)
	}
	e.res.Invalidate()
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", ownerTok...); c != 403 {
		t.Errorf("owner on a suspended business: %d", c)
	}
	if c, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", bearer(start["access"].(string))...); c != 200 || me["masquerade"] == nil {
		t.Errorf("support by masquerade on a suspended business: %d %v", c, me)
	}
}

// TestMasqueradeSameHostAndExpiry: an owner acts as its staff on its own
// host (cookie set directly), never beyond its own session; the session
// dies at its limit with one lazily recorded MASQUERADE_END; stopping on
// the same host hands the owner's own session back.
func TestMasqueradeSameHostAndExpiry(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	_, _, oc := e.login("acme.localhost", owner.Email, testPassword)
	c, body, set := e.masquerade("acme.localhost", staff.ID, browser(oc, true)...)
	if c != 200 || body["redirectUrl"] != "/" || set["ss_session"] == nil {
		t.Fatalf("same-host start: %d %v", c, body)
	}
	mq := browser(set, true)
	if c, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", mq...); c != 200 || me["id"] != staff.ID {
		t.Fatalf("me as staff: %d %v", c, me)
	}
	c, h, stop := e.do("POST", "acme.localhost", "/api/auth/masquerade/stop/", "", mq...)
	back := cookies(h)
	if c != 200 || stop["redirectUrl"] != "/" || back["ss_session"] == nil || back["ss_session"].MaxAge <= 0 {
		t.Fatalf("same-host stop: %d %v", c, stop)
	}
	if c, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(back, false)...); c != 200 || me["id"] != owner.ID || me["masquerade"] != nil {
		t.Errorf("owner after stop: %d %v", c, me)
	}

	// A parent session with 20 minutes left bounds the masquerade.
	_, login, _ := e.login("acme.localhost", owner.Email, testPassword)
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE shared.sessions SET expires_at = $2 WHERE access_hash = $1`,
		identity.HashToken(login["access"].(string)), e.clock.Now().Add(20*time.Minute)); err != nil {
		t.Fatal(err)
	}
	c, body, _ = e.masquerade("acme.localhost", staff.ID, bearer(login["access"].(string))...)
	if c != 200 {
		t.Fatalf("second start: %d %v", c, body)
	}
	tok := bearer(body["access"].(string))
	_, _, me := e.do("GET", "acme.localhost", "/api/auth/me/", "", tok...)
	exp, _ := time.Parse(time.RFC3339, me["masquerade"].(map[string]any)["expiresAt"].(string))
	if want := e.clock.Now().Add(20 * time.Minute); !exp.Equal(want) {
		t.Errorf("masquerade expires %v, want the parent's end %v", exp, want)
	}
	refresh := body["refresh"].(string)
	e.clock.Advance(20 * time.Minute)
	if c, _, _ := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"`+refresh+`"}`); c != 401 {
		t.Errorf("refresh after the limit: %d", c)
	}
	for range 2 {
		if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", tok...); c != 401 {
			t.Errorf("masquerade after its limit: %d", c)
		}
	}
	ends := e.audits("MASQUERADE_END")
	if len(ends) != 2 || ends[1].reason != "expired" || ends[1].actor != owner.ID || ends[1].target != staff.ID {
		t.Errorf("MASQUERADE_END rows: %+v", ends)
	}
}

// TestMasqueradeAttribution: what a masquerade session does is recorded
// under both identities — audit rows (actor = the user acted as,
// impersonatorId = the person) and every request log line (user and
// impersonator) — and signing out of it ends the masquerade.
func TestMasqueradeAttribution(t *testing.T) {
	var logs syncBuffer
	e := newEnv(t, apptest.Log(slog.New(logctx.Handler{Handler: slog.NewJSONHandler(&logs, nil)})))
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	support := e.user("support@platform.example", access.PlatformSupport, "")
	c, start, _ := e.masquerade("platform.localhost", owner.ID, bearer(e.session(support))...)
	if c != 200 {
		t.Fatalf("start: %d %v", c, start)
	}
	tok := bearer(start["access"].(string))
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", tok...); c != 200 {
		t.Fatalf("me: %d", c)
	}
	if !strings.Contains(logs.String(), `"user":"`+owner.ID+`","impersonator":"`+support.ID+`"`) {
		t.Errorf("request log lines must name both identities:\n%s", logs.String())
	}
	if c, _, _ := e.do("POST", "acme.localhost", "/api/auth/logout/", "", tok...); c != 204 && c != 200 {
		t.Fatalf("logout: %d", c)
	}
	out := e.audits("LOGOUT")
	if len(out) != 1 || out[0].actor != owner.ID || out[0].impersonator != support.ID || out[0].session == "" {
		t.Errorf("LOGOUT while masquerading: %+v", out)
	}
	if ends := e.audits("MASQUERADE_END"); len(ends) != 1 || ends[0].reason != "logged out" || ends[0].actor != support.ID {
		t.Errorf("MASQUERADE_END after logout: %+v", ends)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", tok...); c != 401 {
		t.Errorf("after logout: %d", c)
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
