package scheduling

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// maxDashboardDays bounds the dashboard's range.
const maxDashboardDays = 366

// Dashboard summarises the dates [first, last] in the business's zone:
// revenue (completed appointments), counts, new customers, average ticket,
// no-show rate, a daily series, and each resource's utilisation (booked
// minutes over open minutes).
func (s *Scheduler) Dashboard(ctx context.Context, b Business, first, last Date) (*Summary, error) {
	if last.Before(first) {
		return nil, errs.Field("end_date", "end_date must not be before start_date")
	}
	if first.AddDays(maxDashboardDays).Before(last) {
		return nil, errs.Field("end_date", "the range is at most %d days", maxDashboardDays)
	}
	from, _ := DayRange(first, b.Zone)
	_, to := DayRange(last, b.Zone)
	var sum *Summary
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		if sum, err = r.Summary(ctx, from, to, b.Zone); err != nil {
			return err
		}
		in, err := r.Inputs(ctx, from, from, 0) // hours, overrides and resources only
		if err != nil {
			return err
		}
		in.BusinessZone = b.Zone
		byID := map[string]Resource{}
		for _, res := range in.Resources {
			byID[res.ID] = res
		}
		for i := range sum.Utilisation {
			u := &sum.Utilisation[i]
			if res, ok := byID[u.ResourceID]; ok {
				u.OpenMinutes = OpenMinutes(in, res, from, to)
			}
			if u.OpenMinutes > 0 {
				u.Utilisation = float64(u.BookedMinutes) / float64(u.OpenMinutes)
			}
			sum.OpenMinutesTotal += u.OpenMinutes
		}
		return nil
	})
	return sum, err
}
