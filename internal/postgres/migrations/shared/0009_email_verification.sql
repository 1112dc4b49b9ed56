-- A customer who signs up proves their email before their login is linked
-- to the business's customer record with that email (issue 11, V1). Users
-- made any other way (invitations, operators, the CLI) count as verified.
-- Additive: old code ignores the column and the table.
ALTER TABLE shared.users ADD COLUMN IF NOT EXISTS email_verified_at timestamptz;
UPDATE shared.users SET email_verified_at = created_at
    WHERE email_verified_at IS NULL AND (role <> 'CUSTOMER' OR customer_id IS NOT NULL);

-- Links mailed to prove an email: single use, short-lived, hashed.
CREATE TABLE IF NOT EXISTS shared.email_verifications (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX IF NOT EXISTS email_verifications_user ON shared.email_verifications (user_id);
CREATE INDEX IF NOT EXISTS email_verifications_expires ON shared.email_verifications (expires_at);
