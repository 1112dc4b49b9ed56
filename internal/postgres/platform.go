package postgres

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
)

// Platform implements platform.Store.
type Platform struct{ DB *DB }

var _ platform.Store = (*Platform)(nil)

const planColumns = "key, name, price::text, currency, billing_period, limits, features, position"

func scanPlan(row pgx.Row) (platform.Plan, error) {
	var p platform.Plan
	var limits, features []byte
	if err := row.Scan(&p.Key, &p.Name, &p.Price, &p.Currency, &p.BillingPeriod, &limits, &features, &p.Position); err != nil {
		return p, err
	}
	if err := json.Unmarshal(limits, &p.Limits); err != nil {
		return p, err
	}
	return p, json.Unmarshal(features, &p.Features)
}

// Plans lists every plan, cheapest first.
func (s *Platform) Plans(ctx context.Context) ([]platform.Plan, error) {
	rows, err := s.DB.Pool.Query(ctx, "SELECT "+planColumns+" FROM shared.plans ORDER BY position, key")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (platform.Plan, error) { return scanPlan(r) })
}

// SavePlan creates or replaces a plan.
func (s *Platform) SavePlan(ctx context.Context, p platform.Plan, events ...audit.Event) error {
	limits, _ := json.Marshal(p.Limits)
	features, _ := json.Marshal(p.Features)
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO shared.plans (key, name, price, currency, billing_period, limits, features, position)
		VALUES ($1, $2, $3::numeric, $4, $5, $6, $7, $8)
		ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price, currency = EXCLUDED.currency,
			billing_period = EXCLUDED.billing_period, limits = EXCLUDED.limits, features = EXCLUDED.features,
			position = EXCLUDED.position, updated_at = now()`,
			p.Key, p.Name, p.Price, p.Currency, p.BillingPeriod, limits, features, p.Position)
		return err
	})
}

// Entitlements loads every plan and the tenant's overrides in one round trip.
func (s *Platform) Entitlements(ctx context.Context, tenantID, plan string) (platform.Entitlements, error) {
	return entitlements(ctx, s.DB.Pool, tenantID, plan)
}

// batcher is a pool or a transaction.
type batcher interface {
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// entitlements reads a tenant's plans and overrides on q: the pool, or the
// transaction of a unit of work that must not take a second connection.
func entitlements(ctx context.Context, q batcher, tenantID, plan string) (platform.Entitlements, error) {
	var e platform.Entitlements
	b := &pgx.Batch{}
	b.Queue("SELECT " + planColumns + " FROM shared.plans ORDER BY position, key")
	b.Queue("SELECT limits, features FROM shared.tenant_overrides WHERE tenant_id::text = $1", tenantID)
	br := q.SendBatch(ctx, b)
	defer br.Close()
	rows, err := br.Query()
	if err != nil {
		return e, err
	}
	e.Plans, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (platform.Plan, error) { return scanPlan(r) })
	if err != nil {
		return e, err
	}
	var limits, features []byte
	switch err := br.QueryRow().Scan(&limits, &features); {
	case err == pgx.ErrNoRows:
	case err != nil:
		return e, err
	default:
		if err := json.Unmarshal(limits, &e.Overrides.Limits); err != nil {
			return e, err
		}
		if err := json.Unmarshal(features, &e.Overrides.Features); err != nil {
			return e, err
		}
	}
	for _, p := range e.Plans {
		if p.Key == plan {
			e.Plan = p
			return e, nil
		}
	}
	return e, errs.E(errs.Internal, "tenant %s is on plan %q, which does not exist", tenantID, plan)
}

// SetOverrides replaces a tenant's overrides (empty maps remove them).
func (s *Platform) SetOverrides(ctx context.Context, tenantID string, o platform.Overrides, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		if len(o.Limits) == 0 && len(o.Features) == 0 {
			_, err := tx.Exec(ctx, "DELETE FROM shared.tenant_overrides WHERE tenant_id::text = $1", tenantID)
			return err
		}
		limits, _ := json.Marshal(o.Limits)
		features, _ := json.Marshal(o.Features)
		_, err := tx.Exec(ctx, `INSERT INTO shared.tenant_overrides (tenant_id, limits, features) VALUES ($1::uuid, $2, $3)
			ON CONFLICT (tenant_id) DO UPDATE SET limits = EXCLUDED.limits, features = EXCLUDED.features, updated_at = now()`,
			tenantID, emptyObject(limits), emptyObject(features))
		if pgCode(err) == sqlForeignKey {
			return errs.E(errs.NotFound, "no business with id %q", tenantID)
		}
		return err
	})
}

func emptyObject(b []byte) []byte {
	if string(b) == "null" {
		return []byte("{}")
	}
	return b
}

// Settings reads the platform settings.
func (s *Platform) Settings(ctx context.Context) (platform.Settings, error) {
	var st platform.Settings
	err := s.DB.Pool.QueryRow(ctx, `SELECT default_plan, trial_days, demo_days, brand_name, support_email, require_platform_mfa, updated_at
		FROM shared.platform_settings`).Scan(&st.DefaultPlan, &st.TrialDays, &st.DemoDays, &st.BrandName, &st.SupportEmail, &st.RequirePlatformMFA, &st.UpdatedAt)
	return st, err
}

// SaveSettings writes the platform settings.
func (s *Platform) SaveSettings(ctx context.Context, st platform.Settings, events ...audit.Event) error {
	return s.DB.inSharedAudited(ctx, events, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE shared.platform_settings SET default_plan = $1, trial_days = $2, demo_days = $3,
			brand_name = $4, support_email = $5, require_platform_mfa = $6, updated_at = now()`,
			st.DefaultPlan, st.TrialDays, st.DemoDays, st.BrandName, st.SupportEmail, st.RequirePlatformMFA)
		return err
	})
}

// Metrics reads the dashboard from the ledgers: running sums of the plan
// ledger before and through the period, bookings per day, sign-ins. Its cost
// grows with the number of changes in the period, not with tenants.
func (s *Platform) Metrics(ctx context.Context, from, to time.Time) (platform.Metrics, error) {
	m := platform.Metrics{From: from, To: to, Currency: "USD"}
	b := &pgx.Batch{}
	b.Queue(`WITH base AS (
			SELECT coalesce(sum(d_active), 0)::int AS a, coalesce(sum(d_mrr), 0) AS m FROM shared.plan_ledger WHERE at < $1),
		deltas AS (
			SELECT (at AT TIME ZONE 'UTC')::date AS day, sum(d_active) AS da, sum(d_mrr) AS dm,
				count(*) FILTER (WHERE reason = 'created' AND d_active > 0) AS new,
				count(*) FILTER (WHERE d_active < 0 AND reason IN ('suspended', 'deleted')) AS churned
			FROM shared.plan_ledger WHERE at >= $1 AND at < $2 GROUP BY 1),
		booked AS (
			SELECT day, sum(booked) AS n FROM shared.daily_bookings WHERE day >= $3 AND day < $4 GROUP BY day),
		days AS (
			SELECT d::date AS day FROM generate_series($3::date, $4::date - 1, interval '1 day') AS d)
		SELECT to_char(days.day, 'YYYY-MM-DD'), (base.a + sum(coalesce(da, 0)) OVER w)::int,
			(base.m + sum(coalesce(dm, 0)) OVER w)::numeric(14, 2)::text,
			coalesce(new, 0)::int, coalesce(churned, 0)::int, coalesce(booked.n, 0)::int, base.a
		FROM days CROSS JOIN base LEFT JOIN deltas USING (day) LEFT JOIN booked USING (day)
		WINDOW w AS (ORDER BY days.day ROWS UNBOUNDED PRECEDING) ORDER BY days.day`,
		from, to, from.Format(time.DateOnly), to.Format(time.DateOnly))
	b.Queue(`SELECT l.plan, coalesce(p.name, l.plan), sum(l.d_active)::int, sum(l.d_paying)::int, sum(l.d_mrr)::numeric(14, 2)::text,
			coalesce(min(p.currency), 'USD')
		FROM shared.plan_ledger l LEFT JOIN shared.plans p ON p.key = l.plan
		WHERE l.at < $1 GROUP BY l.plan, p.name, p.position HAVING sum(l.d_active) <> 0 OR sum(l.d_mrr) <> 0
		ORDER BY p.position NULLS LAST, l.plan`, to)
	b.Queue(`SELECT count(*)::int FROM shared.users WHERE last_login_at >= $1 AND last_login_at < $2`, from, to)
	br := s.DB.Pool.SendBatch(ctx, b)
	defer br.Close()

	rows, err := br.Query()
	if err != nil {
		return m, err
	}
	activeAtStart := 0
	for rows.Next() {
		var d platform.Day
		if err := rows.Scan(&d.Date, &d.ActiveTenants, &d.MRR, &d.NewTenants, &d.Churned, &d.Appointments, &activeAtStart); err != nil {
			return m, err
		}
		m.Series = append(m.Series, d)
		m.NewTenants += d.NewTenants
		m.ChurnedTenants += d.Churned
		m.AppointmentsBooked += d.Appointments
	}
	if err := rows.Err(); err != nil {
		return m, err
	}
	if activeAtStart > 0 {
		m.ChurnRate = float64(m.ChurnedTenants) / float64(activeAtStart)
	}
	rows, err = br.Query()
	if err != nil {
		return m, err
	}
	for rows.Next() {
		var p platform.PlanMRR
		var currency string
		if err := rows.Scan(&p.Plan, &p.Name, &p.ActiveTenants, &p.PayingTenants, &p.MRR, &currency); err != nil {
			return m, err
		}
		m.MRRByPlan = append(m.MRRByPlan, p)
		m.PayingTenants += p.PayingTenants
		m.Currency = currency
	}
	if err := rows.Err(); err != nil {
		return m, err
	}
	// The running sums' last day is the state at the end of the period.
	m.MRR = "0.00"
	if n := len(m.Series); n > 0 {
		m.ActiveTenants, m.MRR = m.Series[n-1].ActiveTenants, m.Series[n-1].MRR
	}
	if err := br.QueryRow().Scan(&m.ActiveUsers); err != nil {
		return m, err
	}
	return m, nil
}
