package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// csrfCookie holds the CSRF token the web app echoes in X-CSRF-Token.
const csrfCookie = "ss_csrf"

// SessionAuth is the Authenticator of sessions: a bearer access token, or
// the browser's session cookie (which also needs the CSRF header on unsafe
// methods). Sessions are valid only on the realm they were minted for.
type SessionAuth struct {
	Identity *identity.Service
	Config   *config.Config
}

var _ Authenticator = (*SessionAuth)(nil)

// Authenticate implements Authenticator.
func (a *SessionAuth) Authenticate(r *http.Request, site *tenancy.Site) (*access.Principal, error) {
	token, kind := credentialOf(r)
	if kind == 0 || site == nil { // no credentials, or an unknown host (only health answers there)
		return nil, nil
	}
	realm, ok := realmOf(site, a.Config.BaseDomain)
	if !ok {
		return nil, a.refuse(kind, errs.E(errs.Unauthorized, "nobody is signed in on this site; this session belongs to another one"))
	}
	au, err := a.Identity.Authenticate(r.Context(), realm, kind, token)
	if errs.Is(err, errs.Unauthorized) && credentialFree(r.URL.Path) && !errors.Is(err, identity.ErrOtherSite) {
		return nil, nil // a stale credential does not stand in the way of signing in again
	}
	if err != nil {
		return nil, a.refuse(kind, err)
	}
	p := au.Principal
	if kind == identity.Cookie && unsafeMethod(r.Method) &&
		!hmac.Equal([]byte(r.Header.Get("X-CSRF-Token")), []byte(csrfToken(a.Config.SecretKey, p.SessionID))) {
		return nil, errs.E(errs.Forbidden, "the X-CSRF-Token header is missing or wrong: send the value of the ss_csrf cookie").
			With("rule", "CSRF check")
	}
	if au.MFAEnrollmentRequired && !enrolmentPaths[r.URL.Path] {
		return nil, errs.E(errs.Forbidden, "platform staff must turn on two-factor authentication first (/api/auth/mfa/setup/)").
			With("mfaEnrollmentRequired", true).With("rule", "platform MFA enrolment")
	}
	return p, nil
}

// credentialFree tells the public routes that authenticate by what their
// body carries (a password, a refresh token, a link's token) and use no
// session: there an expired or revoked credential counts as none, so that
// it does not stand in the way. A live session of another site is still
// refused there, as everywhere.
func credentialFree(path string) bool {
	switch path {
	case "/api/auth/login", "/api/auth/refresh", "/api/auth/mfa/verify", "/api/auth/password/forgot",
		"/api/auth/password/reset", "/api/auth/invitations/accept", "/api/auth/masquerade/exchange", "/api/auth/verify-email":
		return true
	}
	return strings.HasPrefix(path, "/api/auth/invitations/")
}

// enrolmentPaths are what platform staff without MFA may reach while
// PLATFORM_REQUIRE_MFA is on: themselves, enrolment, and signing out.
var enrolmentPaths = map[string]bool{
	"/api/auth/me": true, "/api/auth/mfa/setup": true, "/api/auth/mfa/confirm": true,
	"/api/auth/logout": true, "/api/auth/refresh": true,
}

// refuse turns a failed authentication into its answer, marked as the
// authentication layer's ("rule": "a valid session of this site"). A cookie
// that no longer works is cleared, so that the browser stops sending it.
func (a *SessionAuth) refuse(kind identity.Credential, err error) error {
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.Unauthorized {
		return err
	}
	p := &Problem{Title: http.StatusText(http.StatusUnauthorized), Status: http.StatusUnauthorized, Detail: e.Message,
		Extra: map[string]any{"rule": "a valid session of this site"}, headers: http.Header{}}
	if kind == identity.Cookie {
		for _, c := range clearCookies(a.Config) {
			p.headers.Add("Set-Cookie", c.String())
		}
	}
	return p
}

// credentialOf finds the request's credential: a bearer token first, then
// the session cookie.
func credentialOf(r *http.Request) (string, identity.Credential) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, token, _ := strings.Cut(h, " ")
		if strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(token), identity.Bearer
		}
		return h, identity.Bearer // a malformed header is a bad credential, not none
	}
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		return c.Value, identity.Cookie
	}
	return "", 0
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// csrfToken is HMAC-SHA256(SECRET_KEY, "csrf" || session id).
func csrfToken(secret, sessionID string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("smoothschedule/csrf\x00" + sessionID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// sessionCookies are the browser's cookies for a new session: the session
// token (HttpOnly) and the CSRF token (readable by the web app), host-only.
func sessionCookies(cfg *config.Config, t *identity.Tokens) []http.Cookie {
	maxAge := int(time.Until(t.ExpiresAt).Seconds())
	return []http.Cookie{
		{Name: sessionCookie, Value: t.Cookie, Path: "/", MaxAge: maxAge, HttpOnly: true,
			Secure: cfg.PublicScheme == "https", SameSite: http.SameSiteLaxMode},
		{Name: csrfCookie, Value: csrfToken(cfg.SecretKey, t.SessionID), Path: "/", MaxAge: maxAge,
			Secure: cfg.PublicScheme == "https", SameSite: http.SameSiteLaxMode},
	}
}

// clearCookies expire both cookies at once.
func clearCookies(cfg *config.Config) []http.Cookie {
	return []http.Cookie{
		{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: cfg.PublicScheme == "https", SameSite: http.SameSiteLaxMode},
		{Name: csrfCookie, Value: "", Path: "/", MaxAge: -1, Secure: cfg.PublicScheme == "https", SameSite: http.SameSiteLaxMode},
	}
}
