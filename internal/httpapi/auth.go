package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// UserSummary is a user as sign-in answers show it.
type UserSummary struct {
	ID         string  `json:"id"`
	Email      string  `json:"email"`
	Name       string  `json:"name"`
	Role       string  `json:"role" enum:"SUPERUSER,PLATFORM_MANAGER,PLATFORM_SALES,PLATFORM_SUPPORT,TENANT_OWNER,TENANT_MANAGER,TENANT_STAFF,CUSTOMER"`
	BusinessID *string `json:"businessId" doc:"the user's business; null for platform staff"`
}

func summaryOf(u *identity.User) UserSummary {
	return UserSummary{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), BusinessID: u.TenantID}
}

// LoginBody is a sign-in's answer: tokens and the user, or the second step.
type LoginBody struct {
	Access      string       `json:"access,omitempty" doc:"bearer access token (short-lived)"`
	Refresh     string       `json:"refresh,omitempty" doc:"refresh token for /api/auth/refresh/ (rotates on use)"`
	User        *UserSummary `json:"user,omitempty"`
	MFARequired bool         `json:"mfaRequired,omitempty" doc:"true: send a code with mfaToken to /api/auth/mfa/verify/"`
	MFAToken    string       `json:"mfaToken,omitempty" doc:"single-use token of the second step (5 minutes)"`
}

type loginOut struct {
	SetCookie    []http.Cookie `header:"Set-Cookie"`
	CacheControl string        `header:"Cache-Control"`
	Body         LoginBody
}

// loginAnswer renders a sign-in result, with the browser's cookies when a
// session was opened.
func (s *Server) loginAnswer(r *identity.LoginResult) *loginOut {
	out := &loginOut{CacheControl: "no-store"}
	if r.Tokens == nil {
		out.Body = LoginBody{MFARequired: true, MFAToken: r.MFAToken}
		return out
	}
	u := summaryOf(r.User)
	out.Body = LoginBody{Access: r.Tokens.Access, Refresh: r.Tokens.Refresh, User: &u}
	out.SetCookie = sessionCookies(s.Config, r.Tokens)
	return out
}

type loginIn struct {
	Body struct {
		Email    string `json:"email" maxLength:"254"`
		Password string `json:"password" maxLength:"1024"`
	}
}

func (s *Server) login(ctx context.Context, in *loginIn) (*loginOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.Identity.Login(ctx, realm, in.Body.Email, in.Body.Password, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return s.loginAnswer(r), nil
}

type mfaVerifyIn struct {
	Body struct {
		MFAToken string `json:"mfaToken" maxLength:"128"`
		Code     string `json:"code" maxLength:"32" doc:"a six-digit code from the authenticator app, or a recovery code"`
	}
}

func (s *Server) mfaVerify(ctx context.Context, in *mfaVerifyIn) (*loginOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.Identity.VerifyMFA(ctx, realm, in.Body.MFAToken, in.Body.Code, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return s.loginAnswer(r), nil
}

type refreshIn struct {
	Body struct {
		Refresh string `json:"refresh" maxLength:"128"`
	}
}

type refreshOut struct {
	SetCookie    []http.Cookie `header:"Set-Cookie"`
	CacheControl string        `header:"Cache-Control"`
	Body         struct {
		Access  string `json:"access"`
		Refresh string `json:"refresh"`
	}
}

func (s *Server) refresh(ctx context.Context, in *refreshIn) (*refreshOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	t, err := s.Identity.Refresh(ctx, realm, in.Body.Refresh, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &refreshOut{CacheControl: "no-store", SetCookie: sessionCookies(s.Config, t)}
	out.Body.Access, out.Body.Refresh = t.Access, t.Refresh
	return out, nil
}

type clearOut struct {
	SetCookie []http.Cookie `header:"Set-Cookie"`
}

func (s *Server) logout(ctx context.Context, _ *struct{}) (*clearOut, error) {
	if err := s.Identity.Logout(ctx, principalFrom(ctx), clientFrom(ctx)); err != nil {
		return nil, err
	}
	return &clearOut{SetCookie: clearCookies(s.Config)}, nil
}

// MeBody is GET /api/auth/me/.
type MeBody struct {
	UserSummary
	AvatarURL     *string         `json:"avatarUrl"`
	MFAEnabled    bool            `json:"mfaEnabled"`
	EmailVerified bool            `json:"emailVerified" doc:"false for a customer who signed up and has not followed the emailed link yet: the account then shows only its own bookings"`
	Permissions   []string        `json:"permissions" doc:"effective permissions: the role's and active grants'"`
	Masquerade    *MasqueradeView `json:"masquerade" doc:"null unless this session acts on behalf of someone else"`
}

// MasqueradeView tells who is really acting, since when and until when.
type MasqueradeView struct {
	Impersonator struct {
		ID    string `json:"id"`
		Email string `json:"email"`
		Role  string `json:"role"`
	} `json:"impersonator"`
	StartedAt time.Time `json:"startedAt"`
	ExpiresAt time.Time `json:"expiresAt"`
}

type meOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         MeBody
}

func (s *Server) me(ctx context.Context, _ *struct{}) (*meOut, error) {
	m, err := s.Identity.Me(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &meOut{CacheControl: "no-store"}
	out.Body = MeBody{UserSummary: summaryOf(&m.User), MFAEnabled: m.MFAEnabled, EmailVerified: m.EmailVerified, Permissions: []string{},
		Masquerade: masqueradeOf(m.Masquerade)}
	if m.AvatarURL != "" {
		out.Body.AvatarURL = &m.AvatarURL
	}
	for _, p := range m.Permissions {
		out.Body.Permissions = append(out.Body.Permissions, string(p))
	}
	return out, nil
}
