-- A tenant's scheduling data. Runs with search_path = <tenant schema>, shared;
-- objects are created unqualified, so they land in the tenant's schema.
CREATE TABLE resources (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type        text NOT NULL CHECK (type IN ('STAFF', 'ROOM', 'EQUIPMENT')),
    user_id     uuid,                      -- shared.users(id); no cross-schema FK (Citus-compatible)
    timezone    text NOT NULL DEFAULT '',  -- '' follows the business
    capacity    integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 1000),
    color       text NOT NULL DEFAULT '',
    own_hours   boolean NOT NULL DEFAULT false, -- false: follows the business hours only
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX resources_user ON resources (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE resource_hours (
    resource_id uuid NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6), -- 0 = Monday
    open_time   time NOT NULL,
    close_time  time NOT NULL CHECK (close_time > open_time),
    PRIMARY KEY (resource_id, day_of_week, open_time)
);

CREATE TABLE services (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description           text NOT NULL DEFAULT '',
    category              text NOT NULL DEFAULT '',
    duration_minutes      integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    price                 numeric(12, 2) NOT NULL DEFAULT 0 CHECK (price >= 0),
    currency              text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 1440),
    buffer_after_minutes  integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 1440),
    slot_step_minutes     integer NOT NULL DEFAULT 30 CHECK (slot_step_minutes BETWEEN 1 AND 1440),
    min_notice_minutes    integer NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
    max_advance_minutes   integer NOT NULL DEFAULT 0 CHECK (max_advance_minutes >= 0), -- 0 = no limit
    capacity              integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 1000),
    requirements          jsonb NOT NULL DEFAULT '[]',
    is_active             boolean NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service_resources (
    service_id  uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    resource_id uuid NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, resource_id)
);

CREATE TABLE business_hours (
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6), -- 0 = Monday
    open_time   time NOT NULL,
    close_time  time NOT NULL CHECK (close_time > open_time),
    PRIMARY KEY (day_of_week, open_time)
);

-- One row per special-hours interval (or one closed row) of a date, for the
-- business (resource_id NULL) or one resource's own hours.
CREATE TABLE date_overrides (
    id          uuid PRIMARY KEY,
    resource_id uuid REFERENCES resources (id) ON DELETE CASCADE,
    date        date NOT NULL,
    open_time   time,                      -- NULL with closed = true: closed all day
    close_time  time,
    closed      boolean NOT NULL DEFAULT false,
    note        text NOT NULL DEFAULT '',
    CHECK (closed OR (open_time IS NOT NULL AND close_time > open_time)),
    UNIQUE NULLS NOT DISTINCT (resource_id, date, open_time)
);

CREATE TABLE blockers (
    id          uuid PRIMARY KEY,
    resource_id uuid REFERENCES resources (id) ON DELETE CASCADE, -- NULL: the whole business
    start_time  timestamptz NOT NULL,
    end_time    timestamptz NOT NULL CHECK (end_time > start_time),
    title       text NOT NULL DEFAULT '',
    reason      text NOT NULL DEFAULT '',
    rrule       text NOT NULL DEFAULT '',  -- RFC 5545 recurrence, in the resource's local time
    repeat_until timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX blockers_time ON blockers (start_time);

CREATE TABLE customers (
    id            uuid PRIMARY KEY,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email         text NOT NULL DEFAULT '',
    phone         text NOT NULL DEFAULT '',
    tags          text[] NOT NULL DEFAULT '{}',
    status        text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'BLOCKED')),
    user_id       uuid,                   -- a CUSTOMER login in shared.users
    notes         text NOT NULL DEFAULT '',
    total_spend   numeric(12, 2) NOT NULL DEFAULT 0,
    -- A payment provider's reference; no payments integration exists yet,
    -- so it is only recorded (requirePaymentMethodToBook checks presence).
    payment_method_id text NOT NULL DEFAULT '',
    last_visit_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_email ON customers (lower(email));
CREATE UNIQUE INDEX customers_email_unique ON customers (lower(email)) WHERE email <> '';
CREATE INDEX customers_name ON customers (lower(name));
CREATE UNIQUE INDEX customers_user ON customers (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE appointments (
    id              uuid PRIMARY KEY,
    customer_id     uuid REFERENCES customers (id),
    service_id      uuid REFERENCES services (id),
    start_time      timestamptz NOT NULL,
    end_time        timestamptz NOT NULL CHECK (end_time > start_time),
    status          text NOT NULL DEFAULT 'CONFIRMED'
                    CHECK (status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    source          text NOT NULL DEFAULT 'STAFF' CHECK (source IN ('STAFF', 'ONLINE', 'API')),
    notes           text NOT NULL DEFAULT '',
    -- Buffers are copied from the service at booking, so editing a service
    -- never silently changes the time existing appointments hold.
    buffer_before_minutes integer NOT NULL DEFAULT 0,
    buffer_after_minutes  integer NOT NULL DEFAULT 0,
    price           numeric(12, 2) NOT NULL DEFAULT 0,
    currency        text NOT NULL DEFAULT 'USD',
    cancellation_fee numeric(12, 2) NOT NULL DEFAULT 0,
    -- Online bookings: the Idempotency-Key header and a hash of the request
    -- it came with (a retry with another body is refused).
    idempotency_key  text UNIQUE,
    idempotency_hash text NOT NULL DEFAULT '',
    created_by      uuid,
    cancelled_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointments_start ON appointments (start_time);
CREATE INDEX appointments_service ON appointments (service_id);
CREATE INDEX appointments_customer ON appointments (customer_id, start_time);

-- Booked time per resource, buffers included. The exclusion constraint is the
-- guarantee against double booking: a resource of capacity N has seats
-- 1..N, and two active rows may not share a resource, a seat and a moment
-- unless they belong to the same session. session is the appointment's own
-- id for ordinary appointments (so two of them never share a seat) and a
-- key of (service, start) for the participants of a group class, who share
-- one seat of the room. CANCELLED and NO_SHOW rows are inactive.
CREATE TABLE appointment_resources (
    appointment_id uuid NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    resource_id    uuid NOT NULL REFERENCES resources (id),
    seat           integer NOT NULL DEFAULT 1 CHECK (seat >= 1),
    during         tstzrange NOT NULL CHECK (NOT isempty(during)),
    active         boolean NOT NULL DEFAULT true,
    session        text NOT NULL,
    PRIMARY KEY (appointment_id, resource_id),
    CONSTRAINT no_double_booking EXCLUDE USING gist
        (resource_id WITH =, seat WITH =, during WITH &&, session WITH <>) WHERE (active)
);
CREATE INDEX appointment_resources_during ON appointment_resources USING gist (resource_id, during) WHERE active;
