package httpapi

import (
	"context"
	"time"
)

type mfaSetupOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		Secret     string `json:"secret" doc:"base32 TOTP secret, shown only now"`
		OTPAuthURI string `json:"otpauthUri" doc:"otpauth:// URI for a QR code"`
	}
}

func (s *Server) mfaSetup(ctx context.Context, _ *struct{}) (*mfaSetupOut, error) {
	m, err := s.Identity.SetupMFA(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &mfaSetupOut{CacheControl: "no-store"}
	out.Body.Secret, out.Body.OTPAuthURI = m.Secret, m.OTPAuthURI
	return out, nil
}

type mfaConfirmIn struct {
	Body struct {
		Code string `json:"code" maxLength:"16" doc:"the current six-digit code"`
	}
}

type mfaConfirmOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		RecoveryCodes []string `json:"recoveryCodes" doc:"single-use codes for when the device is lost, shown only now"`
	}
}

func (s *Server) mfaConfirm(ctx context.Context, in *mfaConfirmIn) (*mfaConfirmOut, error) {
	codes, err := s.Identity.ConfirmMFA(ctx, principalFrom(ctx), in.Body.Code, clientFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := &mfaConfirmOut{CacheControl: "no-store"}
	out.Body.RecoveryCodes = codes
	return out, nil
}

type mfaDisableIn struct {
	Body struct {
		Password string `json:"password" maxLength:"1024"`
		Code     string `json:"code" required:"false" maxLength:"32" doc:"a current six-digit code from the authenticator app, or a recovery code"`
	}
}

func (s *Server) mfaDisable(ctx context.Context, in *mfaDisableIn) (*struct{}, error) {
	return nil, s.Identity.DisableMFA(ctx, principalFrom(ctx), in.Body.Password, in.Body.Code, clientFrom(ctx))
}

type forgotIn struct {
	Body struct {
		Email string `json:"email" maxLength:"254"`
	}
}

func (s *Server) passwordForgot(ctx context.Context, in *forgotIn) (*struct{}, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	return nil, s.Identity.ForgotPassword(ctx, realm, in.Body.Email, clientFrom(ctx))
}

type resetIn struct {
	Body struct {
		Token    string `json:"token" maxLength:"128"`
		Password string `json:"password" maxLength:"1024"`
	}
}

func (s *Server) passwordReset(ctx context.Context, in *resetIn) (*clearOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := redeem(ctx, s, func() (struct{}, error) {
		return struct{}{}, s.Identity.ResetPassword(ctx, realm, in.Body.Token, in.Body.Password, clientFrom(ctx))
	}); err != nil {
		return nil, err
	}
	return &clearOut{SetCookie: clearCookies(s.Config)}, nil
}

type changeIn struct {
	Body struct {
		CurrentPassword string `json:"currentPassword" maxLength:"1024"`
		NewPassword     string `json:"newPassword" maxLength:"1024"`
	}
}

func (s *Server) passwordChange(ctx context.Context, in *changeIn) (*struct{}, error) {
	return nil, s.Identity.ChangePassword(ctx, principalFrom(ctx), in.Body.CurrentPassword, in.Body.NewPassword, clientFrom(ctx))
}

// SessionItem is one of my sessions.
type SessionItem struct {
	ID         string    `json:"id"`
	CreatedAt  time.Time `json:"createdAt"`
	LastUsedAt time.Time `json:"lastUsedAt"`
	ExpiresAt  time.Time `json:"expiresAt"`
	IPAddress  string    `json:"ipAddress"`
	UserAgent  string    `json:"userAgent"`
	Current    bool      `json:"current" doc:"the session of this request"`
}

type sessionsOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         Page[SessionItem]
}

func (s *Server) sessions(ctx context.Context, _ *struct{}) (*sessionsOut, error) {
	p := principalFrom(ctx)
	list, err := s.Identity.Sessions(ctx, p)
	if err != nil {
		return nil, err
	}
	out := &sessionsOut{CacheControl: "no-store"}
	out.Body.Results = make([]SessionItem, 0, len(list))
	for _, x := range list {
		out.Body.Results = append(out.Body.Results, SessionItem{ID: x.ID, CreatedAt: x.CreatedAt, LastUsedAt: x.LastSeenAt,
			ExpiresAt: x.ExpiresAt, IPAddress: x.IP, UserAgent: x.UserAgent, Current: x.ID == p.SessionID})
	}
	out.Body.Count = len(list)
	return out, nil
}

type objectIDPath struct {
	ID string `path:"id" maxLength:"64"`
}

func (s *Server) revokeSession(ctx context.Context, in *objectIDPath) (*struct{}, error) {
	return nil, s.Identity.RevokeSession(ctx, principalFrom(ctx), in.ID)
}
