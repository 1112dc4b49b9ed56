-- Masquerade hand-over codes, time-limited permission grants, and tenant
-- owners' approvals of platform support access (issue 4). Sessions already
-- carry impersonator_id, masquerade_started_at and parent_session_id (0002).

-- A one-time code carrying a masquerade across hosts: the start answer on
-- the impersonator's host links to the target's host with the code, and
-- the exchange there sets that host's cookie. Stored hashed; single use;
-- bound to the target's site (tenant_id NULL: the platform).
CREATE TABLE shared.masquerade_codes (
    code_hash  bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES shared.sessions (id) ON DELETE CASCADE,
    tenant_id  uuid REFERENCES shared.tenants (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX masquerade_codes_expiry ON shared.masquerade_codes (expires_at);

-- Whether a masquerade's end has been recorded in the audit log (at stop,
-- or lazily on the first request after it expired), so it is recorded once.
ALTER TABLE shared.sessions ADD COLUMN masquerade_ended_at timestamptz;

-- A grant widens one user's permissions by one action until it expires or
-- is revoked. tenant_id is the grantee's tenant (NULL: platform staff), so
-- a tenant owner lists and revokes only its own business's grants.
CREATE TABLE shared.permission_grants (
    id          uuid PRIMARY KEY,
    grantor_id  uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    grantee_id  uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    tenant_id   uuid REFERENCES shared.tenants (id) ON DELETE CASCADE,
    action      text NOT NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    revoked_at  timestamptz,
    revoked_by  uuid REFERENCES shared.users (id) ON DELETE SET NULL
);
-- The authenticator loads a user's unrevoked, unexpired grants per request.
CREATE INDEX permission_grants_grantee ON shared.permission_grants (grantee_id, expires_at) WHERE revoked_at IS NULL;
CREATE INDEX permission_grants_created ON shared.permission_grants (tenant_id, created_at DESC);

-- A tenant owner's approval for the platform support team to masquerade as
-- the business's users while shared.tenants.platform_approval_required is on.
CREATE TABLE shared.support_approvals (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES shared.tenants (id) ON DELETE CASCADE,
    approved_by uuid NOT NULL REFERENCES shared.users (id) ON DELETE CASCADE,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    revoked_at  timestamptz,
    revoked_by  uuid REFERENCES shared.users (id) ON DELETE SET NULL
);
CREATE INDEX support_approvals_tenant ON shared.support_approvals (tenant_id, created_at DESC);

-- The audit log endpoints filter by tenant (access transparency) and by
-- session.
CREATE INDEX audit_events_tenant ON shared.audit_events (tenant_id, created_at DESC);
