package httpapi_test

import (
	"fmt"
	"github.com/smoothschedule/smoothschedule/internal/apptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// TestMasqueradeCannotManageSessions (issue 11, V7): while masquerading,
// GET and DELETE /api/auth/sessions/ are refused with a problem naming
// why; the impersonated user's real sessions are neither shown nor ended.
func TestMasqueradeCannotManageSessions(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	e.user("support@platform.example", access.PlatformSupport, "")
	_, real, _ := e.login("acme.localhost", owner.Email, testPassword)
	ownerTok := bearer(real["access"].(string))
	_, _, pc := e.login("platform.localhost", "support@platform.example", testPassword)
	c, start, _ := e.masquerade("platform.localhost", owner.ID, browser(pc, true)...)
	if c != 200 {
		t.Fatalf("start: %d %v", c, start)
	}
	mq := bearer(start["access"].(string))

	_, _, list := e.do("GET", "acme.localhost", "/api/auth/sessions/", "", ownerTok...)
	results, _ := list["results"].([]any)
	if len(results) == 0 {
		t.Fatalf("owner's sessions: %v", list)
	}
	realID := results[0].(map[string]any)["id"].(string)

	c, h, doc := e.do("GET", "acme.localhost", "/api/auth/sessions/", "", mq...)
	if c != 403 || h.Get("Content-Type") != "application/problem+json" || doc["detail"] == "" || doc["results"] != nil {
		t.Errorf("list while masquerading: %d %v", c, doc)
	}
	c, _, doc = e.do("DELETE", "acme.localhost", "/api/auth/sessions/"+realID+"/", "", mq...)
	if c != 403 || doc["detail"] == "" {
		t.Errorf("revoke while masquerading: %d %v", c, doc)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", ownerTok...); c != 200 {
		t.Errorf("the owner's real session after the refused revoke: %d", c)
	}
	// The owner, signed in as themselves, still manages their sessions.
	if c, _, _ := e.do("DELETE", "acme.localhost", "/api/auth/sessions/"+realID+"/", "", ownerTok...); c != 204 && c != 200 {
		t.Errorf("owner revokes own session: %d", c)
	}
}

// burst sends n requests at once and counts the answers by status.
func burst(n int, f func(i int) int) map[int]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[int]int{}
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c := f(i)
			mu.Lock()
			out[c]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// TestLoginThrottleHoldsUnderBurst (issue 11, V4): 40 concurrent wrong
// passwords for one account — more requests than pool connections — are
// not all judged: the attempt is reserved before the password is checked,
// so no more than the free tries plus the first locked one get a 401, the
// rest 429, and the correct password right after is refused too.
func TestLoginThrottleHoldsUnderBurst(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	got := burst(40, func(int) int {
		code, _, _ := e.do("POST", "acme.localhost", "/api/auth/login/", `{"email":"ann@example.com","password":"wrong-password"}`)
		return code
	})
	if free := identity.AccountThrottle.Free + 1; got[401] > free || got[401]+got[429] != 40 {
		t.Errorf("burst of wrong passwords: %v, want at most %d × 401 and the rest 429", got, free)
	}
	code, hdr, doc := e.do("POST", "acme.localhost", "/api/auth/login/", `{"email":"ann@example.com","password":"`+testPassword+`"}`)
	if code != 429 || hdr.Get("Retry-After") == "" || doc["retryAfterSeconds"] == nil {
		t.Errorf("correct password after the burst: %d %v", code, doc)
	}
	// Successful sign-ins from one address do not use up its allowance.
	for i := range identity.IPThrottle.Free + 5 {
		email := fmt.Sprintf("staff%d@example.com", i)
		e.user(email, access.TenantStaff, acme.ID)
		if code, _, _ := e.login("acme.localhost", email, testPassword); code != 200 {
			t.Fatalf("sign-in %d from the same address: %d", i, code)
		}
	}
}

// TestMFAThrottleHoldsUnderBurst (issue 11, V4): 40 concurrent wrong codes
// on one sign-in step are not all judged either.
func TestMFAThrottleHoldsUnderBurst(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	tok := bearer(e.session(e.user("ann@example.com", access.TenantOwner, acme.ID)))
	_, _, setup := e.do("POST", "acme.localhost", "/api/auth/mfa/setup/", "", tok...)
	code, _ := totp.GenerateCode(setup["secret"].(string), e.clock.Now())
	if c, _, b := e.do("POST", "acme.localhost", "/api/auth/mfa/confirm/", `{"code":"`+code+`"}`, tok...); c != 200 {
		t.Fatalf("confirm: %d %v", c, b)
	}
	_, step, _ := e.login("acme.localhost", "ann@example.com", testPassword)
	mfaToken := step["mfaToken"].(string)
	got := burst(40, func(i int) int {
		guess := fmt.Sprintf("%06d", 100000+i)
		if guess == code {
			guess = "999999"
		}
		c, _, _ := e.do("POST", "acme.localhost", "/api/auth/mfa/verify/", `{"mfaToken":"`+mfaToken+`","code":"`+guess+`"}`)
		return c
	})
	if free := identity.AccountThrottle.Free + 1; got[400] > free || got[400]+got[429] != 40 {
		t.Errorf("burst of wrong codes: %v, want at most %d × 400 and the rest 429", got, free)
	}
}

// TestTokenThrottleHoldsUnderBurst (issue 11, V4): concurrent redemptions
// of unknown reset tokens from one address are reserved before the lookup.
func TestTokenThrottleHoldsUnderBurst(t *testing.T) {
	e := newEnv(t)
	e.tenant("Acme", "acme")
	got := burst(40, func(i int) int {
		c, _, _ := e.do("POST", "acme.localhost", "/api/auth/password/reset/",
			fmt.Sprintf(`{"token":"ss_pr_nothing%d","password":"a-long-new-password-1"}`, i))
		return c
	})
	if free := identity.TokenIPThrottle.Free + 1; got[401] > free || got[401]+got[429] != 40 {
		t.Errorf("burst of bad reset tokens: %v, want at most %d × 401 and the rest 429", got, free)
	}
}

// bookableTenant makes a business open every day 09–17 with one stylist
// and one 30-minute service, and returns a function booking at an hour
// three days ahead (anonymously as email, or signed in with who).
func bookableTenant(e *env, slug string) (book func(hour int, email string, who []string) (int, map[string]any)) {
	t := e.t
	t.Helper()
	tn := e.tenant(slug, slug)
	host := slug + ".localhost"
	owner := e.signIn("owner@"+slug+".example", access.TenantOwner, tn.ID, host)
	hours := make([]map[string]any, 7)
	for d := range hours {
		hours[d] = map[string]any{"dayOfWeek": d, "openTime": "09:00", "closeTime": "17:00"}
	}
	if code, _, doc := e.do("PUT", host, "/api/business-hours/", asJSON(hours), owner...); code != 200 {
		t.Fatalf("hours: %d %v", code, doc)
	}
	e.do("POST", host, "/api/resources/", map[string]any{"name": "Stylist", "type": "STAFF"}, owner...)
	_, _, svc := e.do("POST", host, "/api/services/", map[string]any{"name": "Haircut", "durationMinutes": 30, "price": 50, "currency": "EUR"}, owner...)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	day := e.clock.Now().In(berlin).AddDate(0, 0, 3)
	return func(hour int, email string, who []string) (int, map[string]any) {
		at := time.Date(day.Year(), day.Month(), day.Day(), hour, 0, 0, 0, berlin).Format(time.RFC3339)
		body := map[string]any{"serviceId": svc["id"], "startTime": at, "notes": "private note " + email}
		if who == nil {
			body["customer"] = map[string]any{"name": "Victim", "email": email}
		}
		code, _, doc := e.do("POST", host, "/api/booking/", body, who...)
		return code, doc
	}
}

// TestSignUpDoesNotTakeOverCustomers (issue 11, V1): signing up with a
// victim's email (nothing verified) shows none of the victim's bookings
// or notes, at sign-up or at any later sign-in, cannot cancel them, and
// the victim's later anonymous bookings never land in that account; the
// account sees the bookings it made itself. Only the emailed link links
// the login to the victim's record (and merges its own bookings in).
func TestSignUpDoesNotTakeOverCustomers(t *testing.T) {
	e := newEnv(t)
	book := bookableTenant(e, "acme")
	const host = "acme.localhost"
	code, victims := book(10, "victim@example.com", nil)
	if code != 201 {
		t.Fatalf("victim's booking: %d %v", code, victims)
	}
	code, _, reg := e.do("POST", host, "/api/auth/register/", map[string]any{"email": "victim@example.com", "password": testPassword, "name": "Mallory"})
	if code != 201 {
		t.Fatalf("register: %d %v", code, reg)
	}
	attacker := bearer(reg["access"].(string))
	mine := func(who []string) []any {
		t.Helper()
		code, _, doc := e.do("GET", host, "/api/booking/appointments/?when=all", nil, who...)
		if code != 200 {
			t.Fatalf("portal: %d %v", code, doc)
		}
		return doc["results"].([]any)
	}
	if list := mine(attacker); len(list) != 0 {
		t.Errorf("attacker sees the victim's bookings at sign-up: %v", list)
	}
	if c, _, doc := e.do("POST", host, "/api/booking/appointments/"+victims["id"].(string)+"/cancel/", map[string]any{}, attacker...); c < 400 || c >= 500 {
		t.Errorf("attacker cancels the victim's booking: %d %v", c, doc)
	}
	_, _, me := e.do("GET", host, "/api/auth/me/", nil, attacker...)
	if me["emailVerified"] != false {
		t.Errorf("me before verification: %v", me)
	}
	// The account books for itself and sees that booking only.
	if c, doc := book(11, "", attacker); c != 201 {
		t.Fatalf("attacker's own booking: %d %v", c, doc)
	}
	// The victim's later anonymous booking does not land in the account,
	// and a new sign-in links nothing either.
	if c, doc := book(12, "victim@example.com", nil); c != 201 {
		t.Fatalf("victim's second booking: %d %v", c, doc)
	}
	code, login, _ := e.login(host, "victim@example.com", testPassword)
	if code != 200 {
		t.Fatalf("login: %d %v", code, login)
	}
	for _, who := range [][]string{attacker, bearer(login["access"].(string))} {
		list := mine(who)
		if len(list) != 1 || strings.Contains(fmt.Sprint(list), "private note victim") {
			t.Errorf("unverified account's portal: %v", list)
		}
	}
	// A made-up link does nothing.
	if c, _, doc := e.do("POST", host, "/api/auth/verify-email/", map[string]any{"token": "ss_ev_made-up"}); c != 401 || doc["detail"] == "" {
		t.Errorf("made-up link: %d %v", c, doc)
	}
	// The owner of the mailbox follows the link: the login now has the
	// victim's record, with its own booking merged in; one record remains.
	if c, _, doc := e.do("POST", host, "/api/auth/verify-email/", map[string]any{"token": e.mail.LinkTo(t, "victim@example.com")}); c != 200 || doc["verified"] != true {
		t.Fatalf("verify: %d %v", c, doc)
	}
	if list := mine(attacker); len(list) != 3 {
		t.Errorf("portal after verification: %d bookings %v", len(list), list)
	}
	var n int
	acme := e.tenantSchema("acme")
	_ = e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM `+acme+`.customers WHERE user_id IS NOT NULL OR lower(email) = 'victim@example.com'`).Scan(&n)
	if n != 1 {
		t.Errorf("%d customer records for the login after the merge", n)
	}
	if got := len(e.audits("EMAIL_VERIFIED")); got != 1 {
		t.Errorf("%d EMAIL_VERIFIED events", got)
	}
}

// tenantSchema is the schema of the tenant with slug.
func (e *env) tenantSchema(slug string) string {
	var s string
	if err := e.db.Pool.QueryRow(e.t.Context(), `SELECT schema_name FROM shared.tenants WHERE slug = $1`, slug).Scan(&s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

// TestDemotionEndsMasqueradesGrantsAndApprovals (issue 11, V5): what a
// user's role allowed stops the moment the role changes. A support agent
// masquerading as an owner is moved to sales: the masquerade session is
// refused on its next request and its end audited. A grant made by an
// owner later demoted to staff stops working, and so does the support
// approval that owner gave.
func TestDemotionEndsMasqueradesGrantsAndApprovals(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	owner := e.user("owner@acme.example", access.TenantOwner, acme.ID)
	second := e.user("second@acme.example", access.TenantOwner, acme.ID)
	staff := e.user("staff@acme.example", access.TenantStaff, acme.ID)
	ownerTok, secondTok, staffTok := bearer(e.session(owner)), bearer(e.session(second)), bearer(e.session(staff))
	agent := e.user("support@platform.example", access.PlatformSupport, "")
	root := bearer(e.session(e.user("root@platform.example", access.Superuser, "")))

	// The masquerade.
	c, start, _ := e.masquerade("platform.localhost", owner.ID, bearer(e.session(agent))...)
	if c != 200 {
		t.Fatalf("start: %d %v", c, start)
	}
	mq := bearer(start["access"].(string))
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", mq...); c != 200 {
		t.Fatalf("masquerade before the change: %d", c)
	}
	if c, _, doc := e.do("PATCH", "platform.localhost", "/api/platform/staff/"+agent.ID+"/", `{"role":"PLATFORM_SALES"}`, root...); c != 200 {
		t.Fatalf("demote the agent: %d %v", c, doc)
	}
	for i := range 2 { // the first refusal says why; then the session is simply revoked
		c, h, doc := e.do("GET", "acme.localhost", "/api/auth/me/", "", mq...)
		if c != 401 || h.Get("Content-Type") != "application/problem+json" || (i == 0 && !strings.Contains(fmt.Sprint(doc["detail"]), "PLATFORM_SALES")) {
			t.Errorf("masquerade after the demotion (%d): %d %v", i, c, doc)
		}
	}
	if ends := e.audits("MASQUERADE_END"); len(ends) != 1 || ends[0].reason != "impersonator changed" {
		t.Errorf("MASQUERADE_END rows: %+v", ends)
	}

	// The grant.
	if c, _, g := e.do("POST", "acme.localhost", "/api/permission-grants/", `{"granteeId":"`+staff.ID+`","action":"audit.own","reason":"review"}`, ownerTok...); c != 201 {
		t.Fatalf("grant: %d %v", c, g)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/audit-log/", "", staffTok...); c != 200 {
		t.Fatalf("staff with the grant: %d", c)
	}
	// The approval (support may act as the business's users only with it).
	if c, _, doc := e.do("PUT", "acme.localhost", "/api/support-access/policy/", `{"platformApprovalRequired":true}`, ownerTok...); c != 200 {
		t.Fatalf("policy: %d %v", c, doc)
	}
	helper := bearer(e.session(e.user("helper@platform.example", access.PlatformSupport, "")))
	if c, _, appr := e.do("POST", "acme.localhost", "/api/support-access/", `{"reason":"ticket 7","durationMinutes":30,"supportEmail":"helper@platform.example"}`, ownerTok...); c != 201 {
		t.Fatalf("approve: %d %v", c, appr)
	}
	if c, body, _ := e.masquerade("platform.localhost", staff.ID, helper...); c != 200 {
		t.Fatalf("support with the approval: %d %v", c, body)
	}
	if c, _, doc := e.do("PATCH", "acme.localhost", "/api/staff/"+owner.ID+"/", `{"role":"TENANT_STAFF"}`, secondTok...); c != 200 {
		t.Fatalf("demote the owner: %d %v", c, doc)
	}
	if c, _, doc := e.do("GET", "acme.localhost", "/api/audit-log/", "", staffTok...); c != 403 {
		t.Errorf("staff after the grantor's demotion: %d %v", c, doc)
	}
	if c, body, _ := e.masquerade("platform.localhost", staff.ID, helper...); c != 403 || body["rule"] != access.MasqApprovalRequired {
		t.Errorf("support after the approver's demotion: %d %v", c, body)
	}
}

// TestSessionIdleTimeoutAndCookieRotation (issue 11): a session unused for
// SESSION_IDLE_TIMEOUT ends, though its absolute life is far from over,
// while one in use goes on; a refresh rotates the cookie too (the old one
// stops working).
func TestSessionIdleTimeoutAndCookieRotation(t *testing.T) {
	e := newEnv(t, apptest.Setting("SESSION_IDLE_TIMEOUT", "2h"))
	acme := e.tenant("Acme", "acme")
	e.user("ann@example.com", access.TenantOwner, acme.ID)
	_, body, ck := e.login("acme.localhost", "ann@example.com", testPassword)
	for range 3 {
		e.clock.Advance(90 * time.Minute)
		if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(ck, false)...); c != 200 {
			t.Fatalf("session in use: %d", c)
		}
	}
	code, h, _ := e.do("POST", "acme.localhost", "/api/auth/refresh/", `{"refresh":"`+body["refresh"].(string)+`"}`)
	fresh := cookies(h)
	if code != 200 || fresh["ss_session"] == nil || fresh["ss_session"].Value == ck["ss_session"].Value {
		t.Fatalf("refresh: %d %v", code, fresh)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(ck, false)...); c != 401 {
		t.Errorf("old cookie after the refresh: %d", c)
	}
	if c, _, _ := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(fresh, false)...); c != 200 {
		t.Errorf("new cookie: %d", c)
	}
	e.clock.Advance(2 * time.Hour)
	c, h, doc := e.do("GET", "acme.localhost", "/api/auth/me/", "", browser(fresh, false)...)
	if c != 401 || h.Get("Content-Type") != "application/problem+json" || !strings.Contains(fmt.Sprint(doc["detail"]), "unused") {
		t.Errorf("idle session: %d %v", c, doc)
	}
}
