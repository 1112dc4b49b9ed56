package identity

import (
	"context"
	"time"
)

// SessionRetention is how long an expired or revoked session is kept (for
// the owner's and the audit's sake) before the clean-up deletes it.
const SessionRetention = 7 * 24 * time.Hour

// Cutoffs say what Store.CleanUp deletes: single-use tokens (MFA
// challenges, password resets, masquerade codes) used or expired at Now;
// sessions expired or revoked before SessionsBefore (their refresh tokens
// and masquerade codes go with them); throttle rows neither locked at Now
// nor failed since ThrottleBefore (such a row counts as no row).
type Cutoffs struct {
	Now            time.Time
	SessionsBefore time.Time
	ThrottleBefore time.Time
}

// CleanupCounts is what one clean-up removed (and, MasqueradesEnded, the
// masquerade ends it audited first).
type CleanupCounts struct {
	Sessions, MFAChallenges, PasswordResets, EmailVerifications, MasqueradeCodes, Throttle int64
	MasqueradesEnded                                                                       int
}

// CleanUp deletes expired credentials and stale throttle rows. Masquerade
// sessions that ended unseen get their MASQUERADE_END audited first, so
// deleting them loses no audit event. Several serve processes may clean up
// at once: each deletion is idempotent and MASQUERADE_END is written once.
func (s *Service) CleanUp(ctx context.Context) (CleanupCounts, error) {
	now := s.now()
	unended, err := s.Store.UnendedMasquerades(ctx, now)
	if err != nil {
		return CleanupCounts{}, err
	}
	for i := range unended {
		s.endedMasquerade(ctx, &unended[i], now)
	}
	n, err := s.Store.CleanUp(ctx, Cutoffs{Now: now, SessionsBefore: now.Add(-SessionRetention),
		ThrottleBefore: now.Add(-longestThrottleWindow())})
	n.MasqueradesEnded = len(unended)
	return n, err
}
