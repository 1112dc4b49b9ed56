package identity

import (
	"context"
	"time"
)

// TokenIPThrottle limits, per address, failed redemptions of the tokens
// that links and one-time codes carry (password resets, staff and business
// invitations, masquerade codes). The tokens are 256-bit random, so
// guessing one is hopeless anyway; the limit keeps a scanner from
// hammering the database and makes its scan visible as 429s. Twenty
// failures pass freely (a user retrying an old link is not punished), then
// 1 s, 2 s, 4 s … up to 15 minutes, forgotten after a quiet hour.
var TokenIPThrottle = ThrottleRule{Free: 20, Base: time.Second, Max: 15 * time.Minute, Window: time.Hour}

func tokenKey(c Client) string { return "token:ip:" + c.IP }

// GuardToken refuses with TooMany (and retryAfterSeconds) while c's address
// is locked for failed token redemptions. Call it before redeeming a token.
func (s *Service) GuardToken(ctx context.Context, c Client) error {
	return s.refuseLocked(ctx, "invalid links or codes from this address", tokenKey(c))
}

// FailToken counts one failed token redemption from c's address.
func (s *Service) FailToken(ctx context.Context, c Client) {
	if _, err := s.Store.Fail(ctx, tokenKey(c), TokenIPThrottle, s.now()); err != nil {
		s.Log.ErrorContext(ctx, "throttle not updated", "key", tokenKey(c), "err", err)
	}
}
