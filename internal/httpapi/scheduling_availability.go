package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// AvailabilityOut lists the bookable start times of one date.
type AvailabilityOut struct {
	Date           string          `json:"date"`
	Service        *ServiceSummary `json:"service,omitempty"`
	Timezone       string          `json:"timezone"`
	AvailableSlots []string        `json:"availableSlots" doc:"HH:MM in the requested zone"`
}

// ServiceSummary names the service of an availability answer.
type ServiceSummary struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Duration int    `json:"duration" doc:"minutes"`
}

type availabilityIn struct {
	ServiceID  string `query:"service_id" required:"true"`
	Date       string `query:"date" required:"true" doc:"YYYY-MM-DD in timezone"`
	ResourceID string `query:"resource_id"`
	Timezone   string `query:"timezone" doc:"IANA zone of date and slots; default the business's"`
}

// dayQuery validates the parameters of a one-date availability request.
// zone is the business's, the default of the timezone parameter.
func dayQuery(in *availabilityIn, zone *time.Location) (scheduling.AvailabilityQuery, scheduling.Date, error) {
	var q scheduling.AvailabilityQuery
	if in.ServiceID == "" {
		return q, scheduling.Date{}, errs.Field("query.service_id", "service_id is required")
	}
	if err := queryUUID("service_id", in.ServiceID); err != nil {
		return q, scheduling.Date{}, err
	}
	if err := queryUUID("resource_id", in.ResourceID); err != nil {
		return q, scheduling.Date{}, err
	}
	d, err := queryDate("date", in.Date)
	if err != nil {
		return q, d, err
	}
	zone, err = queryZone("timezone", in.Timezone, zone)
	if err != nil {
		return q, d, err
	}
	q = scheduling.AvailabilityQuery{ServiceID: in.ServiceID, ResourceID: in.ResourceID, Zone: zone}
	q.From, q.To = scheduling.DayRange(d, zone)
	return q, d, nil
}

func (s *Server) availability(ctx context.Context, in *availabilityIn) (*struct{ Body AvailabilityOut }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	q, d, err := dayQuery(in, b.Zone)
	if err != nil {
		return nil, err
	}
	svc, slots, err := s.Scheduling.Availability(ctx, b, q)
	if err != nil {
		return nil, err
	}
	out := AvailabilityOut{Date: d.String(), Timezone: q.Zone.String(), AvailableSlots: clockTimes(slots, q.Zone),
		Service: &ServiceSummary{ID: svc.ID, Name: svc.Name, Duration: minutesOf(svc.Duration)}}
	return &struct{ Body AvailabilityOut }{out}, nil
}

func clockTimes(slots []scheduling.Slot, zone *time.Location) []string {
	out := make([]string, len(slots))
	for i, sl := range slots {
		out[i] = sl.Start.In(zone).Format("15:04")
	}
	return out
}

// RangeOut lists bookable instants over several days.
type RangeOut struct {
	StartDate string         `json:"startDate"`
	EndDate   string         `json:"endDate"`
	Timezone  string         `json:"timezone"`
	Service   ServiceSummary `json:"service"`
	Slots     []RangeSlotOut `json:"slots"`
}

// RangeSlotOut is one bookable start with the resources that can take it.
type RangeSlotOut struct {
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	ResourceIDs []string  `json:"resourceIds" doc:"free resources (of the first requirement)"`
}

type rangeIn struct {
	ServiceID  string `query:"service_id" required:"true"`
	StartDate  string `query:"start_date" required:"true"`
	EndDate    string `query:"end_date" required:"true" doc:"inclusive; at most 62 days after start_date"`
	ResourceID string `query:"resource_id"`
	Timezone   string `query:"timezone"`
}

func (s *Server) availabilityRange(ctx context.Context, in *rangeIn) (*struct{ Body RangeOut }, error) {
	if err := queryUUID("service_id", in.ServiceID); err != nil {
		return nil, err
	}
	if err := queryUUID("resource_id", in.ResourceID); err != nil {
		return nil, err
	}
	first, err := queryDate("start_date", in.StartDate)
	if err != nil {
		return nil, err
	}
	last, err := queryDate("end_date", in.EndDate)
	if err != nil {
		return nil, err
	}
	if last.Before(first) {
		return nil, errs.Field("query.end_date", "end_date must not be before start_date")
	}
	if first.AddDays(62).Before(last) {
		return nil, errs.Field("query.end_date", "the range is at most 62 days")
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	zone, err := queryZone("timezone", in.Timezone, b.Zone)
	if err != nil {
		return nil, err
	}
	q := scheduling.AvailabilityQuery{ServiceID: in.ServiceID, ResourceID: in.ResourceID, Zone: zone}
	q.From, _ = scheduling.DayRange(first, zone)
	_, q.To = scheduling.DayRange(last, zone)
	svc, slots, err := s.Scheduling.Availability(ctx, b, q)
	if err != nil {
		return nil, err
	}
	out := RangeOut{StartDate: first.String(), EndDate: last.String(), Timezone: zone.String(),
		Service: ServiceSummary{ID: svc.ID, Name: svc.Name, Duration: minutesOf(svc.Duration)}, Slots: make([]RangeSlotOut, len(slots))}
	for i, sl := range slots {
		out.Slots[i] = RangeSlotOut{Start: sl.Start, End: sl.End, ResourceIDs: sl.Choices[0].ResourceIDs}
	}
	return &struct{ Body RangeOut }{out}, nil
}

// WhyNotOut explains why a start time is not bookable.
type WhyNotOut struct {
	StartTime time.Time   `json:"startTime"`
	Available bool        `json:"available"`
	Reasons   []ReasonOut `json:"reasons"`
}

// ReasonOut is one reason.
type ReasonOut struct {
	Code          string     `json:"code"`
	Detail        string     `json:"detail"`
	ResourceID    string     `json:"resourceId,omitempty"`
	BlockerID     string     `json:"blockerId,omitempty"`
	AppointmentID string     `json:"appointmentId,omitempty"`
	Until         *time.Time `json:"until,omitempty"`
}

type whyNotIn struct {
	ServiceID  string `query:"service_id" required:"true"`
	StartTime  string `query:"start_time" required:"true" doc:"RFC 3339"`
	ResourceID string `query:"resource_id"`
}

func (s *Server) whyNot(ctx context.Context, in *whyNotIn) (*struct{ Body WhyNotOut }, error) {
	if err := queryUUID("service_id", in.ServiceID); err != nil {
		return nil, err
	}
	if err := queryUUID("resource_id", in.ResourceID); err != nil {
		return nil, err
	}
	at, err := queryInstant("start_time", in.StartTime)
	if err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	_, reasons, err := s.Scheduling.WhyNotAt(ctx, b, in.ServiceID, in.ResourceID, at)
	if err != nil {
		return nil, err
	}
	out := WhyNotOut{StartTime: at, Available: len(reasons) == 0, Reasons: []ReasonOut{}}
	for _, r := range reasons {
		ro := ReasonOut{Code: string(r.Code), Detail: r.Detail, ResourceID: r.ResourceID, BlockerID: r.BlockerID, AppointmentID: r.AppointmentID}
		if !r.Until.IsZero() {
			ro.Until = ptr(r.Until)
		}
		out.Reasons = append(out.Reasons, ro)
	}
	return &struct{ Body WhyNotOut }{out}, nil
}
