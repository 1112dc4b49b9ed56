-- Platform administration: plans and per-tenant overrides, platform
-- settings, and the ledgers the metrics dashboard reads (never a query per
-- tenant schema).

CREATE TABLE shared.plans (
    key            text PRIMARY KEY CHECK (key ~ '^[a-z0-9-]{1,40}$'),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    price          numeric(12, 2) NOT NULL CHECK (price >= 0),
    currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    billing_period text NOT NULL CHECK (billing_period IN ('month', 'year')),
    limits         jsonb NOT NULL DEFAULT '{}',   -- {"maxResources": 2, "maxUsers": null = unlimited}
    features       jsonb NOT NULL DEFAULT '{}',   -- {"webhooks": true}
    position       integer NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The four tiers a new platform starts with; operators edit them in the
-- platform settings. A missing or null limit is unlimited.
INSERT INTO shared.plans (key, name, price, currency, billing_period, position, limits, features) VALUES
('free', 'Free', 0, 'USD', 'month', 0,
 '{"maxUsers": 2, "maxResources": 2, "maxServices": 5, "maxAppointmentsPerMonth": 100, "maxPlugins": 0}', '{}'),
('professional', 'Professional', 29, 'USD', 'month', 1,
 '{"maxUsers": 10, "maxResources": 10, "maxServices": 50, "maxAppointmentsPerMonth": 2000, "maxPlugins": 3}',
 '{"onlinePayments": true, "emailTemplates": true, "customDomain": true, "plugins": true}'),
('business', 'Business', 99, 'USD', 'month', 2,
 '{"maxUsers": 50, "maxResources": 50, "maxServices": 200, "maxAppointmentsPerMonth": 20000, "maxPlugins": 20}',
 '{"onlinePayments": true, "smsReminders": true, "emailTemplates": true, "customDomain": true, "whiteLabel": true,
   "plugins": true, "apiAccess": true, "webhooks": true, "advancedAnalytics": true, "dataExport": true}'),
('enterprise', 'Enterprise', 499, 'USD', 'month', 3,
 '{"maxUsers": null, "maxResources": null, "maxServices": null, "maxAppointmentsPerMonth": null, "maxPlugins": null}',
 '{"onlinePayments": true, "smsReminders": true, "emailTemplates": true, "customDomain": true, "whiteLabel": true,
   "plugins": true, "customPlugins": true, "apiAccess": true, "webhooks": true, "advancedAnalytics": true,
   "dataExport": true, "sso": true, "auditLogExport": true, "prioritySupport": true}');

ALTER TABLE shared.tenants ADD CONSTRAINT tenants_plan_fk FOREIGN KEY (plan) REFERENCES shared.plans (key) ON UPDATE CASCADE;

CREATE TABLE shared.tenant_overrides (
    tenant_id  uuid PRIMARY KEY REFERENCES shared.tenants (id) ON DELETE CASCADE,
    limits     jsonb NOT NULL DEFAULT '{}',
    features   jsonb NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shared.platform_settings (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    default_plan         text NOT NULL DEFAULT 'free',
    trial_days           integer NOT NULL DEFAULT 14 CHECK (trial_days BETWEEN 0 AND 365),
    brand_name           text NOT NULL DEFAULT 'SmoothSchedule',
    support_email        text NOT NULL DEFAULT '',
    require_platform_mfa boolean NOT NULL DEFAULT false,
    demo_days            integer NOT NULL DEFAULT 7 CHECK (demo_days BETWEEN 1 AND 90),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
INSERT INTO shared.platform_settings DEFAULT VALUES;

-- The plan ledger: every change to a tenant's status or plan writes the
-- change in counts it causes, per plan. Active tenants and MRR at any day are
-- running sums, so the dashboard is one indexed scan whatever the number of
-- tenants. A tenant counts as active when trial or active (demo tenants never
-- count); it pays when active.
CREATE TABLE shared.plan_ledger (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    tenant_id uuid NOT NULL,
    plan      text NOT NULL,
    d_active  integer NOT NULL,            -- +1 becomes active, -1 stops (churn)
    d_paying  integer NOT NULL,
    d_mrr     numeric(12, 2) NOT NULL,     -- monthly recurring revenue change
    reason    text NOT NULL                -- created, activated, suspended, deleted, plan_changed, …
);
CREATE INDEX plan_ledger_at ON shared.plan_ledger (at);

CREATE FUNCTION shared.monthly_price(p text) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT CASE billing_period WHEN 'year' THEN round(price / 12, 2) ELSE price END
                     FROM shared.plans WHERE key = p), 0)
$$;

CREATE FUNCTION shared.plan_ledger_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_active boolean := false; was_paying boolean := false;
    is_active  boolean := false; is_paying  boolean := false;
    why text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        was_active := NOT OLD.is_demo AND OLD.status IN ('trial', 'active');
        was_paying := NOT OLD.is_demo AND OLD.status = 'active';
    END IF;
    is_active := NOT NEW.is_demo AND NEW.status IN ('trial', 'active');
    is_paying := NOT NEW.is_demo AND NEW.status = 'active';
    why := CASE
        WHEN TG_OP = 'INSERT' THEN 'created'
        WHEN OLD.status <> NEW.status THEN NEW.status
        ELSE 'plan_changed' END;
    IF TG_OP = 'UPDATE' AND OLD.plan = NEW.plan AND was_active = is_active AND was_paying = is_paying THEN
        RETURN NULL;
    END IF;
    IF was_active OR was_paying THEN
        INSERT INTO shared.plan_ledger (tenant_id, plan, d_active, d_paying, d_mrr, reason)
        VALUES (OLD.id, OLD.plan, -was_active::int, -was_paying::int,
                CASE WHEN was_paying THEN -shared.monthly_price(OLD.plan) ELSE 0 END, why);
    END IF;
    IF is_active OR is_paying THEN
        INSERT INTO shared.plan_ledger (tenant_id, plan, d_active, d_paying, d_mrr, reason)
        VALUES (NEW.id, NEW.plan, is_active::int, is_paying::int,
                CASE WHEN is_paying THEN shared.monthly_price(NEW.plan) ELSE 0 END, why);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tenants_plan_ledger AFTER INSERT OR UPDATE OF status, plan, is_demo ON shared.tenants
    FOR EACH ROW EXECUTE FUNCTION shared.plan_ledger_track();

-- A plan's new price changes the MRR of every tenant paying for it.
CREATE FUNCTION shared.plan_price_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta numeric := (CASE NEW.billing_period WHEN 'year' THEN round(NEW.price / 12, 2) ELSE NEW.price END)
                   - (CASE OLD.billing_period WHEN 'year' THEN round(OLD.price / 12, 2) ELSE OLD.price END);
BEGIN
    IF delta <> 0 THEN
        INSERT INTO shared.plan_ledger (tenant_id, plan, d_active, d_paying, d_mrr, reason)
        SELECT id, plan, 0, 0, delta, 'price_changed' FROM shared.tenants
        WHERE plan = NEW.key AND status = 'active' AND NOT is_demo;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER plans_price_ledger AFTER UPDATE OF price, billing_period ON shared.plans
    FOR EACH ROW EXECUTE FUNCTION shared.plan_price_track();

-- Appointments booked per tenant per day, kept by the scheduling writes in
-- the same transaction as the booking.
CREATE TABLE shared.daily_bookings (
    day       date NOT NULL,
    tenant_id uuid NOT NULL,
    booked    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (day, tenant_id)
);
