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

// ReserveToken reserves one token redemption from c's address before the
// token is looked up, or refuses with TooMany (and retryAfterSeconds)
// while the address is locked. End the attempt with Failed (an unknown,
// used or expired token) or Succeeded (anything else).
func (s *Service) ReserveToken(ctx context.Context, c Client) (*Attempt, error) {
	return s.reserve(ctx, "invalid links or codes from this address", ThrottleKey{Key: tokenKey(c), Rule: TokenIPThrottle})
}
