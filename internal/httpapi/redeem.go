package httpapi

import (
	"context"
	"errors"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// redeem runs f, which redeems a token that a link or one-time code carries
// (password reset, staff or business invitation, masquerade code), under
// the per-address limit on failed redemptions (identity.TokenIPThrottle),
// reserved before f runs: refused with 429 while the address is locked; a
// failure — an unknown, used or expired token — stays counted, anything
// else is taken back.
func redeem[T any](ctx context.Context, s *Server, f func() (T, error)) (T, error) {
	var zero T
	if s.Identity == nil {
		return f()
	}
	att, err := s.Identity.ReserveToken(ctx, clientFrom(ctx))
	if err != nil {
		return zero, err
	}
	out, err := f()
	if badToken(err) {
		att.Failed(ctx, nil)
	} else if rerr := att.Succeeded(ctx); rerr != nil && err == nil {
		return out, rerr
	}
	return out, err
}

// badToken tells a refused token from other refusals (a weak password, a
// taken subdomain), which do not count.
func badToken(err error) bool {
	var e *errs.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code {
	case errs.Unauthorized, errs.NotFound:
		return true
	case errs.Invalid:
		for _, f := range e.Fields {
			if f.Location == "token" || f.Location == "code" {
				return true
			}
		}
	}
	return false
}
