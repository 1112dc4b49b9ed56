package httpapi

import (
	"context"
	"net/http"
	"net/url"

	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// MasqueradeBody answers a masquerade's start and its code exchange: the
// masquerade session's tokens (valid on the target's host only), the target
// user, and where the browser goes next.
type MasqueradeBody struct {
	Access      string      `json:"access" doc:"bearer access token of the masquerade session, valid on the target's host"`
	Refresh     string      `json:"refresh" doc:"refresh token of the masquerade session"`
	User        UserSummary `json:"user" doc:"the user now acted as"`
	RedirectURL string      `json:"redirectUrl" doc:"\"/\" on the same host (the cookie is set), else the target host's /auth/masquerade page with a one-time code"`
}

type masqueradeOut struct {
	SetCookie    []http.Cookie `header:"Set-Cookie"`
	CacheControl string        `header:"Cache-Control"`
	Body         MasqueradeBody
}

type masqueradeIn struct {
	Body struct {
		UserID string `json:"userId" required:"false" maxLength:"64" doc:"the user to act as"`
		Reason string `json:"reason" required:"false" maxLength:"1000" doc:"why (audited; required)"`
	}
}

// hostOf is the canonical host of a tenant slug ("": the platform).
func (s *Server) hostOf(slug string) string {
	if slug == "" {
		return "platform." + s.Config.BaseDomain
	}
	return slug + "." + s.Config.BaseDomain
}

// startMasquerade begins acting as another user as the masquerade matrix
// allows. On the same host it sets the cookie; across hosts it answers a
// link to the target's host carrying a one-time code.
func (s *Server) startMasquerade(ctx context.Context, in *masqueradeIn) (*masqueradeOut, error) {
	here, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	m, err := s.Identity.StartMasquerade(ctx, principalFrom(ctx), here, in.Body.UserID, in.Body.Reason, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &masqueradeOut{CacheControl: "no-store",
		Body: MasqueradeBody{Access: m.Tokens.Access, Refresh: m.Tokens.Refresh, User: summaryOf(m.Target), RedirectURL: "/"}}
	if m.SameSite {
		out.SetCookie = sessionCookies(s.Config, m.Tokens)
	} else {
		out.Body.RedirectURL = s.Config.URL(s.hostOf(m.TargetSlug), "/auth/masquerade?code="+url.QueryEscape(m.Code))
	}
	return out, nil
}

type exchangeIn struct {
	Body struct {
		Code string `json:"code" maxLength:"128" doc:"the one-time code from the start answer's redirectUrl"`
	}
}

// exchangeMasquerade redeems the one-time code on the target's host: the
// browser gets this host's cookie for the masquerade session.
func (s *Server) exchangeMasquerade(ctx context.Context, in *exchangeIn) (*masqueradeOut, error) {
	here, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	r, err := redeem(ctx, s, func() (*identity.LoginResult, error) {
		return s.Identity.ExchangeMasqueradeCode(ctx, here, in.Body.Code)
	})
	if err != nil {
		return nil, err
	}
	return &masqueradeOut{CacheControl: "no-store", SetCookie: sessionCookies(s.Config, r.Tokens),
		Body: MasqueradeBody{Access: r.Tokens.Access, Refresh: r.Tokens.Refresh, User: summaryOf(r.User), RedirectURL: "/"}}, nil
}

type stopOut struct {
	SetCookie    []http.Cookie `header:"Set-Cookie"`
	CacheControl string        `header:"Cache-Control"`
	Body         struct {
		RedirectURL string `json:"redirectUrl" doc:"the impersonator's host, where its own session still works (\"/\" when it is this host)"`
	}
}

// stopMasquerade ends the masquerade session and sends the browser back to
// the impersonator's host. On the same host the impersonator's original
// session gets a new cookie; elsewhere this host's cookie is cleared.
func (s *Server) stopMasquerade(ctx context.Context, _ *struct{}) (*stopOut, error) {
	here, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	st, err := s.Identity.StopMasquerade(ctx, principalFrom(ctx), here, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &stopOut{CacheControl: "no-store", SetCookie: clearCookies(s.Config)}
	out.Body.RedirectURL = "/"
	switch {
	case st.SameSite && st.Parent != nil:
		out.SetCookie = sessionCookies(s.Config, st.Parent)
	case !st.SameSite:
		out.Body.RedirectURL = s.Config.URL(s.hostOf(st.ImpersonatorSlug), "/")
	}
	return out, nil
}

// masqueradeOf renders GET /api/auth/me/'s masquerade member.
func masqueradeOf(m *identity.MasqueradeInfo) *MasqueradeView {
	if m == nil {
		return nil
	}
	v := &MasqueradeView{StartedAt: m.StartedAt, ExpiresAt: m.ExpiresAt}
	v.Impersonator.ID, v.Impersonator.Email, v.Impersonator.Role = m.Impersonator.ID, m.Impersonator.Email, string(m.Impersonator.Role)
	return v
}
