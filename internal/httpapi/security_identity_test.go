package httpapi_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/pquerna/otp/totp"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// TestMasqueradeCannotManageSessions (issue 11, V7): while masquerading,
// GET and DELETE /api/auth/sessions/ are refused with a problem naming
// why; the impersonated user's real sessions are neither shown nor ended.
func TestMasqueradeCannotManageSessions(t *testing.T) {
	e := newAuthEnv(t)
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
	e := newAuthEnv(t)
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
	e := newAuthEnv(t)
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
	e := newAuthEnv(t)
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
