-- The periodic identity clean-up (identity.Service.CleanUp) finds what it
-- deletes by range scans rather than walking whole tables.
CREATE INDEX sessions_expires ON shared.sessions (expires_at);
CREATE INDEX sessions_revoked ON shared.sessions (revoked_at) WHERE revoked_at IS NOT NULL;
-- Masquerade sessions whose end is not yet audited (audited before deletion).
CREATE INDEX sessions_unended_masquerades ON shared.sessions (expires_at)
    WHERE impersonator_id IS NOT NULL AND masquerade_ended_at IS NULL;
CREATE INDEX mfa_challenges_expires ON shared.mfa_challenges (expires_at);
CREATE INDEX password_resets_expires ON shared.password_resets (expires_at);
CREATE INDEX auth_throttle_last_failure ON shared.auth_throttle (last_failure);
