-- Identity and access: users, sessions, MFA, invitations, password resets,
-- login throttling and the append-only audit log. Everything here lives in
-- schema shared. Token columns hold SHA-256 hashes (identity.HashToken),
-- never the tokens themselves.

CREATE TABLE shared.users (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid REFERENCES shared.tenants (id) ON DELETE CASCADE, -- NULL: platform staff
    email              text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    role               text NOT NULL CHECK (role IN ('SUPERUSER', 'PLATFORM_MANAGER', 'PLATFORM_SALES', 'PLATFORM_SUPPORT',
                                                     'TENANT_OWNER', 'TENANT_MANAGER', 'TENANT_STAFF', 'CUSTOMER')),
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    password_hash      text NOT NULL,
    avatar_url         text NOT NULL DEFAULT '',
    customer_id        uuid,                 -- the tenant's customers(id) for CUSTOMER logins; no cross-schema FK
    last_login_at      timestamptz,
    mfa_enabled        boolean NOT NULL DEFAULT false,
    mfa_secret         bytea,                -- AES-GCM sealed TOTP secret (identity.SecretBox)
    mfa_pending_secret bytea,                -- sealed secret awaiting confirmation
    mfa_last_step      bigint NOT NULL DEFAULT 0, -- last TOTP step redeemed (replay refusal)
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- Tenant roles belong to exactly one tenant, platform roles to none.
    CONSTRAINT users_role_tenant CHECK ((tenant_id IS NULL) = (role IN ('SUPERUSER', 'PLATFORM_MANAGER', 'PLATFORM_SALES', 'PLATFORM_SUPPORT'))),
    CONSTRAINT users_mfa_secret CHECK (NOT mfa_enabled OR mfa_secret IS NOT NULL),
    -- One account per email per tenant, and one among platform users (NULL
    -- tenants compare equal here).
    CONSTRAINT users_tenant_email UNIQUE NULLS NOT DISTINCT (tenant_id, email)
);
CREATE INDEX users_email ON shared.users (email);

CREATE TABLE shared.mfa_recovery_codes (
    user_id    uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    code_hash  bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, code_hash)
);

-- A session is one sign-in on one site (a tenant, or the platform when
-- tenant_id is NULL). It holds three credentials: a short-lived access
-- token, a rotating refresh token (history in session_refresh_tokens; the
-- session is the rotation family) and the browser cookie token. Columns for
-- masquerade (issue 4) are here from the start.
CREATE TABLE shared.sessions (
    id                    uuid PRIMARY KEY,
    user_id               uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    tenant_id             uuid REFERENCES shared.tenants (id) ON DELETE CASCADE, -- the site it was minted for
    access_hash           bytea NOT NULL UNIQUE,
    access_expires_at     timestamptz NOT NULL,
    cookie_hash           bytea NOT NULL UNIQUE,
    impersonator_id       uuid REFERENCES shared.users (id) ON DELETE CASCADE,
    masquerade_started_at timestamptz,
    parent_session_id     uuid REFERENCES shared.sessions (id) ON DELETE CASCADE,
    mfa_verified          boolean NOT NULL DEFAULT false,
    ip                    text NOT NULL DEFAULT '',
    user_agent            text NOT NULL DEFAULT '',
    created_at            timestamptz NOT NULL DEFAULT now(),
    last_seen_at          timestamptz NOT NULL DEFAULT now(),
    expires_at            timestamptz NOT NULL,
    revoked_at            timestamptz,
    revoked_reason        text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_live ON shared.sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_parent ON shared.sessions (parent_session_id) WHERE parent_session_id IS NOT NULL;

-- Every refresh token a session ever had. The current one has rotated_at
-- NULL; presenting a rotated one is reuse and revokes the session.
CREATE TABLE shared.session_refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES shared.sessions (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    rotated_at timestamptz
);
CREATE UNIQUE INDEX session_refresh_current ON shared.session_refresh_tokens (session_id) WHERE rotated_at IS NULL;

-- The second step of a sign-in with MFA: a short-lived, single-use token.
CREATE TABLE shared.mfa_challenges (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    tenant_id  uuid REFERENCES shared.tenants (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE TABLE shared.invitations (
    id               uuid PRIMARY KEY,
    token_hash       bytea NOT NULL UNIQUE,
    tenant_id        uuid REFERENCES shared.tenants (id) ON DELETE CASCADE, -- NULL: platform staff
    email            text NOT NULL CHECK (email = lower(email)),
    role             text NOT NULL,
    name             text NOT NULL DEFAULT '',
    invited_by       uuid REFERENCES shared.users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_user_id uuid REFERENCES shared.users (id) ON DELETE SET NULL,
    revoked_at       timestamptz,
    CONSTRAINT invitations_role_tenant CHECK ((tenant_id IS NULL) = (role IN ('SUPERUSER', 'PLATFORM_MANAGER', 'PLATFORM_SALES', 'PLATFORM_SUPPORT')))
);
-- At most one pending invitation per email and site.
CREATE UNIQUE INDEX invitations_pending ON shared.invitations (tenant_id, email) NULLS NOT DISTINCT
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE shared.password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_resets_user ON shared.password_resets (user_id);

-- Failed sign-in attempts per key ("acct:<site>:<email>", "ip:<address>",
-- "mfa:<user>"): several serve processes share nothing else.
CREATE TABLE shared.auth_throttle (
    key          text PRIMARY KEY,
    failures     integer NOT NULL DEFAULT 0,
    last_failure timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
);

-- The audit log is append-only: updates, deletes and truncation raise.
CREATE TABLE shared.audit_events (
    id              uuid PRIMARY KEY,
    action          text NOT NULL,
    actor_id        uuid,
    actor_email     text NOT NULL DEFAULT '',
    impersonator_id uuid,
    target_id       uuid,
    target_email    text NOT NULL DEFAULT '',
    tenant_id       uuid,                -- no FK: events outlive purged tenants
    ip              text NOT NULL DEFAULT '',
    user_agent      text NOT NULL DEFAULT '',
    session_id      uuid,
    reason          text NOT NULL DEFAULT '',
    detail          jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_created ON shared.audit_events (created_at DESC);
CREATE INDEX audit_events_action ON shared.audit_events (action, created_at DESC);
CREATE INDEX audit_events_actor ON shared.audit_events (actor_id, created_at DESC);
CREATE INDEX audit_events_target ON shared.audit_events (target_id, created_at DESC);

CREATE FUNCTION shared.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'shared.audit_events is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON shared.audit_events
    FOR EACH ROW EXECUTE FUNCTION shared.audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON shared.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION shared.audit_events_append_only();
