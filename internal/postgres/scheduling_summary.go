package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// Summary computes the dashboard over [from, to) in one batch: totals,
// a daily series (dates in zone), new customers per day, and booked
// minutes per resource. Revenue counts completed appointments at their
// price; cancellation fees are not revenue until a payments integration
// collects them.
func (r *repo) Summary(ctx context.Context, from, to time.Time, zone *time.Location) (*scheduling.Summary, error) {
	s := &scheduling.Summary{}
	days := map[scheduling.Date]*scheduling.DaySummary{}
	day := func(t time.Time) *scheduling.DaySummary {
		d := scheduling.DateOf(t)
		if days[d] == nil {
			days[d] = &scheduling.DaySummary{Date: d}
		}
		return days[d]
	}
	b := &pgx.Batch{}
	b.Queue(`SELECT (a.start_time AT TIME ZONE $3)::date, a.status, count(*), COALESCE(sum(a.price), 0)::text,
		COALESCE(min(a.currency), '')
		FROM appointments a WHERE a.start_time >= $1 AND a.start_time < $2 GROUP BY 1, 2`, from, to, zone.String()).
		Query(func(rows pgx.Rows) error {
			defer rows.Close()
			for rows.Next() {
				var d time.Time
				var status, total, currency string
				var n int
				if err := rows.Scan(&d, &status, &n, &total, &currency); err != nil {
					return err
				}
				ds := day(d)
				switch scheduling.Status(status) {
				case scheduling.Completed:
					s.Completed += n
					s.Revenue += money(total)
					ds.Revenue += money(total)
					s.Currency = currency
				case scheduling.Cancelled:
					s.Cancelled += n
				case scheduling.NoShow:
					s.NoShows += n
				}
				if scheduling.Status(status) != scheduling.Cancelled {
					s.Appointments += n
					ds.Appointments += n
				}
			}
			return rows.Err()
		})
	b.Queue(`SELECT (c.created_at AT TIME ZONE $3)::date, count(*) FROM customers c
		WHERE c.created_at >= $1 AND c.created_at < $2 GROUP BY 1`, from, to, zone.String()).
		Query(func(rows pgx.Rows) error {
			defer rows.Close()
			for rows.Next() {
				var d time.Time
				var n int
				if err := rows.Scan(&d, &n); err != nil {
					return err
				}
				day(d).NewCustomers += n
				s.NewCustomers += n
			}
			return rows.Err()
		})
	b.Queue(`SELECT res.id::text, res.name, COALESCE(sum(extract(epoch FROM upper(ar.during * w.r) - lower(ar.during * w.r)) / 60), 0)::int
		FROM resources res CROSS JOIN (SELECT tstzrange($1, $2, '[)') AS r) w
		LEFT JOIN appointment_resources ar ON ar.resource_id = res.id AND ar.active AND ar.during && w.r
		GROUP BY res.id, res.name ORDER BY res.name, res.id`, from, to).
		Query(func(rows pgx.Rows) error {
			defer rows.Close()
			for rows.Next() {
				var u scheduling.ResourceUse
				if err := rows.Scan(&u.ResourceID, &u.Name, &u.BookedMinutes); err != nil {
					return err
				}
				s.Utilisation = append(s.Utilisation, u)
			}
			return rows.Err()
		})
	if err := r.tx.SendBatch(ctx, b).Close(); err != nil {
		return nil, err
	}
	if s.Completed > 0 {
		s.AverageTicket = s.Revenue / scheduling.Money(s.Completed)
	}
	if s.Completed+s.NoShows > 0 {
		s.NoShowRate = float64(s.NoShows) / float64(s.Completed+s.NoShows)
	}
	for d := scheduling.DateOf(from.In(zone)); d.Before(scheduling.DateOf(to.Add(-time.Nanosecond).In(zone)).AddDays(1)); d = d.AddDays(1) {
		if ds := days[d]; ds != nil {
			s.Days = append(s.Days, *ds)
		} else {
			s.Days = append(s.Days, scheduling.DaySummary{Date: d})
		}
	}
	return s, nil
}
