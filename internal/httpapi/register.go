package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/identity"
)

type registerIn struct {
	Body struct {
		Email    string `json:"email" maxLength:"254"`
		Password string `json:"password" maxLength:"1024"`
		Name     string `json:"name" maxLength:"150"`
	}
}

// register signs a customer up on the tenant's host and signs it in; the
// login is linked to the business's customer record with its email only
// once the emailed verification link is followed (verifyEmail).
func (s *Server) register(ctx context.Context, in *registerIn) (*loginOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.Identity.Register(ctx, realm, in.Body.Email, in.Body.Password, in.Body.Name, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	return s.loginAnswer(r), nil
}

type verifyEmailIn struct {
	Body struct {
		Token string `json:"token" maxLength:"128" doc:"the token of the emailed verification link"`
	}
}

type verifyEmailOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		Verified bool        `json:"verified"`
		User     UserSummary `json:"user"`
	}
}

// verifyEmail redeems an email verification link (under the per-address
// limit on failed token redemptions).
func (s *Server) verifyEmail(ctx context.Context, in *verifyEmailIn) (*verifyEmailOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	u, err := redeem(ctx, s, func() (*identity.User, error) {
		return s.Identity.VerifyEmail(ctx, realm, in.Body.Token, clientFrom(ctx))
	})
	if err != nil {
		return nil, err
	}
	out := &verifyEmailOut{CacheControl: "no-store"}
	out.Body.Verified, out.Body.User = true, summaryOf(u)
	return out, nil
}

// resendVerification mails the signed-in user a new verification link.
func (s *Server) resendVerification(ctx context.Context, _ *struct{}) (*struct{}, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	return nil, s.Identity.ResendVerification(ctx, principalFrom(ctx), realm)
}
