-- Tenancy: the tenants, their domains, and what the host router needs.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA shared;

CREATE TABLE shared.tenants (
    id              uuid PRIMARY KEY,
    slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$'),
    schema_name     text NOT NULL UNIQUE CHECK (schema_name ~ '^t_[a-z0-9_]{1,48}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('trial', 'active', 'suspended', 'deleted')),
    plan            text NOT NULL DEFAULT 'free',
    timezone        text NOT NULL DEFAULT 'UTC',
    primary_color   text NOT NULL DEFAULT '#4f46e5',
    secondary_color text NOT NULL DEFAULT '#0f172a',
    logo_url        text NOT NULL DEFAULT '',
    is_demo         boolean NOT NULL DEFAULT false,
    expires_at      timestamptz,           -- demo tenants: cleaned up after this
    resources_can_reschedule       boolean NOT NULL DEFAULT false,
    require_payment_method_to_book boolean NOT NULL DEFAULT false,
    cancellation_window_hours      integer NOT NULL DEFAULT 24 CHECK (cancellation_window_hours BETWEEN 0 AND 8760),
    late_cancellation_fee_percent  integer NOT NULL DEFAULT 0 CHECK (late_cancellation_fee_percent BETWEEN 0 AND 100),
    platform_approval_required     boolean NOT NULL DEFAULT false,
    placement       text NOT NULL DEFAULT 'default', -- which PostgreSQL server holds the schema (scale-out)
    schema_version  integer NOT NULL DEFAULT 0,      -- last tenant migration applied
    migration_error text NOT NULL DEFAULT '',
    migrated_at     timestamptz,
    deleted_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenants_behind ON shared.tenants (schema_version);
CREATE INDEX tenants_status ON shared.tenants (status);

CREATE TABLE shared.domains (
    domain      text PRIMARY KEY CHECK (domain = lower(domain) AND domain !~ '[/:\s]'),
    tenant_id   uuid NOT NULL REFERENCES shared.tenants (id) ON DELETE CASCADE,
    is_primary  boolean NOT NULL DEFAULT false,
    is_custom   boolean NOT NULL DEFAULT false,
    verified_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX domains_one_primary ON shared.domains (tenant_id) WHERE is_primary;
CREATE INDEX domains_tenant ON shared.domains (tenant_id);

-- Every change to tenants or domains tells every serve process to drop its
-- host cache, whoever made the change (a serve process, the CLI, psql).
CREATE FUNCTION shared.notify_tenancy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ss_tenancy', '');
    RETURN NULL;
END $$;
CREATE TRIGGER tenants_notify AFTER INSERT OR UPDATE OR DELETE ON shared.tenants
    FOR EACH STATEMENT EXECUTE FUNCTION shared.notify_tenancy();
CREATE TRIGGER domains_notify AFTER INSERT OR UPDATE OR DELETE ON shared.domains
    FOR EACH STATEMENT EXECUTE FUNCTION shared.notify_tenancy();
