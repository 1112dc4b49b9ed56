package app

import (
	"context"
	"time"
)

// CleanupInterval is how often serve runs the identity clean-up.
const CleanupInterval = 10 * time.Minute

// cleanUp runs the identity clean-up (identity.Service.CleanUp: expired
// sessions, one-time codes, stale throttles) now and every interval until
// ctx ends. Several serve processes may clean up at once.
func (a *App) cleanUp(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := a.Identity.CleanUp(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			a.Log.Error("identity clean-up failed", "err", err)
		case err == nil:
			a.Log.Debug("identity clean-up", "sessions", n.Sessions, "mfa_challenges", n.MFAChallenges,
				"password_resets", n.PasswordResets, "email_verifications", n.EmailVerifications, "masquerade_codes", n.MasqueradeCodes, "throttle", n.Throttle,
				"masquerades_ended", n.MasqueradesEnded)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
