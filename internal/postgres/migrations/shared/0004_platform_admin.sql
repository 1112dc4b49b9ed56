-- Platform administration: search indexes for the businesses and users
-- consoles, tier-based invitations of new businesses, and support tickets.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA shared;

-- Searches are substring matches ("%term%") on lower-cased text: trigram
-- indexes answer them without scanning every row.
CREATE INDEX tenants_name_trgm ON shared.tenants USING gin (lower(name) shared.gin_trgm_ops);
CREATE INDEX tenants_slug_trgm ON shared.tenants USING gin (slug shared.gin_trgm_ops);
CREATE INDEX tenants_created ON shared.tenants (created_at DESC, id);
CREATE INDEX users_email_trgm ON shared.users USING gin (email shared.gin_trgm_ops);
CREATE INDEX users_name_trgm ON shared.users USING gin (lower(name) shared.gin_trgm_ops);
-- Owners of each tenant (business list), last activity (latest sign-in).
CREATE INDEX users_tenant_role ON shared.users (tenant_id, role);
CREATE INDEX users_tenant_login ON shared.users (tenant_id, last_login_at DESC NULLS LAST);
-- Retention and demo clean-up scans.
CREATE INDEX tenants_deleted ON shared.tenants (deleted_at) WHERE status = 'deleted';
CREATE INDEX tenants_demo_expiry ON shared.tenants (expires_at) WHERE is_demo AND status <> 'deleted';

-- An offer to open a new business on a plan. The invitee chooses the
-- subdomain and password; acceptance provisions the tenant, its owner and
-- the overrides in one transaction. overrides is NULL unless the inviter
-- chose to override the plan.
CREATE TABLE shared.business_invitations (
    id            uuid PRIMARY KEY,
    token_hash    bytea NOT NULL UNIQUE,
    email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    business_name text NOT NULL CHECK (length(business_name) BETWEEN 1 AND 100),
    plan          text NOT NULL REFERENCES shared.plans (key) ON UPDATE CASCADE,
    overrides     jsonb,                 -- {"limits": {...}, "features": {...}}
    invited_by    uuid REFERENCES shared.users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    tenant_id     uuid REFERENCES shared.tenants (id) ON DELETE SET NULL,
    revoked_at    timestamptz
);
CREATE INDEX business_invitations_pending ON shared.business_invitations (created_at DESC)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- Support tickets a business opens to the platform. Numbers are global and
-- human-friendly (#1042); internal messages are never shown to the tenant.
CREATE TABLE shared.support_tickets (
    id           uuid PRIMARY KEY,
    number       bigserial UNIQUE,
    tenant_id    uuid NOT NULL REFERENCES shared.tenants (id) ON DELETE CASCADE,
    requester_id uuid REFERENCES shared.users (id) ON DELETE SET NULL,
    subject      text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    priority     text NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    category     text NOT NULL DEFAULT 'GENERAL',
    status       text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    assignee_id  uuid REFERENCES shared.users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz
);
CREATE INDEX support_tickets_tenant ON shared.support_tickets (tenant_id, created_at DESC);
CREATE INDEX support_tickets_queue ON shared.support_tickets (status, priority, created_at DESC);
CREATE INDEX support_tickets_assignee ON shared.support_tickets (assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE shared.ticket_messages (
    id         uuid PRIMARY KEY,
    ticket_id  uuid NOT NULL REFERENCES shared.support_tickets (id) ON DELETE CASCADE,
    author_id  uuid REFERENCES shared.users (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    internal   boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_messages_ticket ON shared.ticket_messages (ticket_id, created_at);
