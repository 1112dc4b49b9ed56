package httpapi

import (
	"context"
	"fmt"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// HoursRowIO is one row of a weekly schedule.
type HoursRowIO struct {
	DayOfWeek int    `json:"dayOfWeek" minimum:"0" maximum:"6" doc:"0 = Monday … 6 = Sunday"`
	OpenTime  string `json:"openTime" example:"09:00"`
	CloseTime string `json:"closeTime" example:"17:00"`
}

func hoursOut(week []scheduling.WeeklyInterval) []HoursRowIO {
	out := make([]HoursRowIO, len(week))
	for i, w := range week {
		out[i] = HoursRowIO{DayOfWeek: int(w.DayOfWeek), OpenTime: w.Open.String(), CloseTime: w.Close.String()}
	}
	return out
}

// hoursIn parses and validates a week; prefix locates the list.
func hoursIn(prefix string, rows []HoursRowIO) ([]scheduling.WeeklyInterval, error) {
	var v errs.Validation
	week := make([]scheduling.WeeklyInterval, len(rows))
	for i, r := range rows {
		open, err := scheduling.ParseTimeOfDay(r.OpenTime)
		if err != nil {
			v.Add(fmt.Sprintf("%s[%d].openTime", prefix, i), "openTime %q is not HH:MM", r.OpenTime)
		}
		close, err := scheduling.ParseTimeOfDay(r.CloseTime)
		if err != nil {
			v.Add(fmt.Sprintf("%s[%d].closeTime", prefix, i), "closeTime %q is not HH:MM", r.CloseTime)
		}
		week[i] = scheduling.WeeklyInterval{DayOfWeek: scheduling.Weekday(r.DayOfWeek), Open: open, Close: close}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if len(week) == 0 {
		return nil, nil
	}
	return week, scheduling.ValidateHours(prefix, week)
}

type hoursBody struct {
	Body []HoursRowIO
}

func (s *Server) getHours(ctx context.Context, _ *struct{}) (*hoursBody, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	week, err := s.Scheduling.BusinessHours(ctx, b)
	if err != nil {
		return nil, err
	}
	return &hoursBody{hoursOut(week)}, nil
}

func (s *Server) putHours(ctx context.Context, in *hoursBody) (*hoursBody, error) {
	week, err := hoursIn("body", in.Body) // the list is the whole body
	if err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.Scheduling.SetBusinessHours(ctx, b, week); err != nil {
		return nil, err
	}
	return &hoursBody{hoursOut(week)}, nil
}

// OverrideIO is one date override row: a closed day, or one interval of
// special hours (several rows make split special hours).
type OverrideIO struct {
	ID         string  `json:"id,omitempty" readOnly:"true"`
	ResourceID *string `json:"resourceId,omitempty" nullable:"true" format:"uuid" doc:"null: the business's hours"`
	Date       string  `json:"date" example:"2026-12-24"`
	Closed     bool    `json:"closed,omitempty"`
	OpenTime   *string `json:"openTime,omitempty" nullable:"true"`
	CloseTime  *string `json:"closeTime,omitempty" nullable:"true"`
	Reason     string  `json:"reason,omitempty"`
}

func overrideOut(o scheduling.OverrideRow) OverrideIO {
	out := OverrideIO{ID: o.ID, ResourceID: o.ResourceID, Date: o.Date.String(), Closed: o.Closed, Reason: o.Note}
	if !o.Closed {
		out.OpenTime, out.CloseTime = ptr(o.Open.String()), ptr(o.Close.String())
	}
	return out
}

func (s *Server) listOverrides(ctx context.Context, in *struct{ PageParams }) (*struct{ Body Page[OverrideIO] }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rows, total, err := s.Scheduling.Overrides(ctx, b, paging(&in.PageParams))
	if err != nil {
		return nil, err
	}
	out := make([]OverrideIO, len(rows))
	for i, o := range rows {
		out[i] = overrideOut(o)
	}
	return &struct{ Body Page[OverrideIO] }{page(&in.PageParams, total, out)}, nil
}

func (s *Server) createOverride(ctx context.Context, in *struct{ Body OverrideIO }) (*struct {
	Status int
	Body   OverrideIO
}, error) {
	b := in.Body
	d, err := scheduling.ParseDate(b.Date)
	if err != nil {
		return nil, errs.Field("body.date", "date %q is not YYYY-MM-DD", b.Date)
	}
	o := scheduling.OverrideRow{ResourceID: b.ResourceID, Date: d, Closed: b.Closed, Note: b.Reason}
	if o.ResourceID != nil && *o.ResourceID == "" {
		o.ResourceID = nil
	}
	if o.ResourceID != nil {
		if err := bodyIDs("body.resourceId", *o.ResourceID); err != nil {
			return nil, err
		}
	}
	if !b.Closed {
		var v errs.Validation
		if b.OpenTime == nil || b.CloseTime == nil {
			return nil, errs.Field("body.openTime", "give openTime and closeTime, or closed: true")
		}
		if o.Open, err = scheduling.ParseTimeOfDay(*b.OpenTime); err != nil {
			v.Add("body.openTime", "openTime %q is not HH:MM", *b.OpenTime)
		}
		if o.Close, err = scheduling.ParseTimeOfDay(*b.CloseTime); err != nil {
			v.Add("body.closeTime", "closeTime %q is not HH:MM", *b.CloseTime)
		}
		if err := v.Err(); err != nil {
			return nil, err
		}
	}
	biz, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.Scheduling.CreateOverride(ctx, biz, &o); err != nil {
		return nil, err
	}
	return &struct {
		Status int
		Body   OverrideIO
	}{201, overrideOut(o)}, nil
}

func (s *Server) deleteOverride(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	return s.deleted(ctx, "override", in.ID, s.Scheduling.DeleteOverride)
}
