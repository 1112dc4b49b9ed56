-- Custom domains: each carries the token its business publishes in a DNS
-- TXT record (_smoothschedule-challenge.<domain>) to prove control. The
-- token is public by nature (anyone can read the TXT record), so it is
-- stored as is and shown again on the settings page until verified.
ALTER TABLE shared.domains ADD COLUMN verification_token text NOT NULL DEFAULT '';
CREATE INDEX domains_pending ON shared.domains (created_at) WHERE is_custom AND verified_at IS NULL;
