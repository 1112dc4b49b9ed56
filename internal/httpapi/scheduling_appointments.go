package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// AppointmentOut is an appointment as the API shows it.
type AppointmentOut struct {
	ID              string    `json:"id"`
	CustomerID      *string   `json:"customerId"`
	CustomerName    string    `json:"customerName"`
	ResourceID      *string   `json:"resourceId" doc:"the first of resourceIds; null when unassigned"`
	ResourceIDs     []string  `json:"resourceIds"`
	ServiceID       *string   `json:"serviceId"`
	ServiceName     string    `json:"serviceName"`
	StartTime       time.Time `json:"startTime"`
	EndTime         time.Time `json:"endTime"`
	DurationMinutes int       `json:"durationMinutes"`
	Status          string    `json:"status" enum:"PENDING,CONFIRMED,COMPLETED,NO_SHOW,CANCELLED"`
	Source          string    `json:"source" enum:"STAFF,ONLINE,API"`
	Notes           string    `json:"notes"`
	Price           string    `json:"price"`
	Currency        string    `json:"currency"`
	CancellationFee string    `json:"cancellationFee"`
	CreatedAt       time.Time `json:"createdAt"`
	UpdatedAt       time.Time `json:"updatedAt"`
}

func optID(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func appointmentOut(r *scheduling.Record, zone *time.Location) AppointmentOut {
	out := AppointmentOut{ID: r.ID, CustomerID: optID(r.CustomerID), CustomerName: r.CustomerName, ResourceIDs: r.ResourceIDs,
		ServiceID: optID(r.ServiceID), ServiceName: r.ServiceName, StartTime: r.Start.In(zone), EndTime: r.End().In(zone),
		DurationMinutes: minutesOf(r.Duration), Status: string(r.Status), Source: string(r.Source), Notes: r.Notes,
		Price: r.Price.String(), Currency: r.Currency, CancellationFee: r.CancellationFee.String(), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if out.ResourceIDs == nil {
		out.ResourceIDs = []string{}
	}
	if len(r.ResourceIDs) > 0 {
		out.ResourceID = &r.ResourceIDs[0]
	}
	return out
}

type appointmentListIn struct {
	PageParams
	StartDate   string   `query:"start_date" doc:"YYYY-MM-DD in the business's zone (or timezone)"`
	EndDate     string   `query:"end_date" doc:"YYYY-MM-DD, inclusive"`
	ResourceIDs []string `query:"resource_ids,explode" doc:"comma-separated or repeated"`
	Status      []string `query:"status,explode" doc:"comma-separated or repeated"`
	CustomerID  string   `query:"customer_id"`
	ServiceID   string   `query:"service_id"`
	Timezone    string   `query:"timezone" doc:"IANA zone of the dates and of returned times"`
}

// listAppointments serves staff (every appointment) and customers (their
// own only: the service forces the filter to their customer record).
func (s *Server) listAppointments(ctx context.Context, in *appointmentListIn) (*struct{ Body Page[AppointmentOut] }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	zone, err := queryZone("timezone", in.Timezone, b.Zone)
	if err != nil {
		return nil, err
	}
	f := scheduling.AppointmentFilter{Limit: in.limit(), Offset: in.offset(), CustomerID: in.CustomerID, ServiceID: in.ServiceID,
		ResourceIDs: splitList(in.ResourceIDs)}
	if in.StartDate != "" {
		d, err := queryDate("start_date", in.StartDate)
		if err != nil {
			return nil, err
		}
		f.From, _ = scheduling.DayRange(d, zone)
	}
	if in.EndDate != "" {
		d, err := queryDate("end_date", in.EndDate)
		if err != nil {
			return nil, err
		}
		_, f.To = scheduling.DayRange(d, zone)
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return nil, errs.Field("query.end_date", "end_date must not be before start_date")
	}
	for _, id := range f.ResourceIDs {
		if err := queryUUID("resource_ids", id); err != nil {
			return nil, err
		}
	}
	if err := queryUUID("customer_id", in.CustomerID); err != nil {
		return nil, err
	}
	if err := queryUUID("service_id", in.ServiceID); err != nil {
		return nil, err
	}
	for _, st := range splitList(in.Status) {
		if !scheduling.Status(st).Valid() {
			return nil, errs.Field("query.status", "status %q is not one of PENDING, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED", st)
		}
		f.Statuses = append(f.Statuses, scheduling.Status(st))
	}
	recs, total, err := s.Scheduling.Appointments(ctx, b, s.caller(ctx), f)
	if err != nil {
		return nil, err
	}
	return &struct{ Body Page[AppointmentOut] }{page(&in.PageParams, total, appointmentsOut(recs, zone))}, nil
}

func appointmentsOut(recs []scheduling.Record, zone *time.Location) []AppointmentOut {
	out := make([]AppointmentOut, len(recs))
	for i := range recs {
		out[i] = appointmentOut(&recs[i], zone)
	}
	return out
}

type appointmentBody struct {
	Body AppointmentOut
}

func (s *Server) getAppointment(ctx context.Context, in *IDPath) (*appointmentBody, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rec, err := s.Scheduling.Appointment(ctx, b, s.caller(ctx), in.ID)
	if err != nil {
		return nil, err
	}
	return &appointmentBody{appointmentOut(rec, b.Zone)}, nil
}

// AppointmentIn is the body of appointment writes. On PATCH absent fields
// stay; "resourceIds": [] (or "resourceId": "") unassigns a PENDING one.
type AppointmentIn struct {
	CustomerID      *string    `json:"customerId,omitempty"`
	ResourceID      *string    `json:"resourceId,omitempty" nullable:"true"`
	ResourceIDs     *[]string  `json:"resourceIds,omitempty"`
	ServiceID       *string    `json:"serviceId,omitempty"`
	StartTime       *time.Time `json:"startTime,omitempty"`
	DurationMinutes *int       `json:"durationMinutes,omitempty"`
	Status          *string    `json:"status,omitempty" enum:"PENDING,CONFIRMED,COMPLETED,NO_SHOW,CANCELLED"`
	Notes           *string    `json:"notes,omitempty"`
}

// resources reads resourceId / resourceIds (nil: not given).
func (in AppointmentIn) resources() (*[]string, error) {
	var ids *[]string
	switch {
	case in.ResourceIDs != nil:
		ids = in.ResourceIDs
	case in.ResourceID != nil && *in.ResourceID == "":
		ids = &[]string{}
	case in.ResourceID != nil:
		ids = &[]string{*in.ResourceID}
	}
	if ids != nil {
		if err := bodyIDs("body.resourceId", *ids...); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func (in AppointmentIn) duration() (*time.Duration, error) {
	if in.DurationMinutes == nil {
		return nil, nil
	}
	if *in.DurationMinutes < 1 || *in.DurationMinutes > 1440 {
		return nil, errs.Field("body.durationMinutes", "durationMinutes must be from 1 to 1440")
	}
	return ptr(time.Duration(*in.DurationMinutes) * time.Minute), nil
}

func (s *Server) createAppointment(ctx context.Context, in *struct{ Body AppointmentIn }) (*struct {
	Status int
	Body   AppointmentOut
}, error) {
	b := in.Body
	var v errs.Validation
	if b.CustomerID == nil {
		v.Add("body.customerId", "customerId is required")
	}
	if b.ServiceID == nil {
		v.Add("body.serviceId", "serviceId is required")
	}
	if b.StartTime == nil {
		v.Add("body.startTime", "startTime is required")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := bodyIDs("body.customerId", *b.CustomerID); err != nil {
		return nil, err
	}
	if err := bodyIDs("body.serviceId", *b.ServiceID); err != nil {
		return nil, err
	}
	ids, err := b.resources()
	if err != nil {
		return nil, err
	}
	dur, err := b.duration()
	if err != nil {
		return nil, err
	}
	n := scheduling.NewAppointment{CustomerID: *b.CustomerID, ServiceID: *b.ServiceID, Start: *b.StartTime}
	if ids != nil {
		n.ResourceIDs = *ids
	}
	if dur != nil {
		n.Duration = *dur
	}
	if b.Status != nil {
		n.Status = scheduling.Status(*b.Status)
	}
	if b.Notes != nil {
		n.Notes = *b.Notes
	}
	if p := principalFrom(ctx); p != nil {
		n.CreatedBy = &p.UserID
	}
	biz, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rec, err := s.Scheduling.Create(ctx, biz, n)
	if err != nil {
		return nil, err
	}
	return &struct {
		Status int
		Body   AppointmentOut
	}{201, appointmentOut(rec, biz.Zone)}, nil
}

type appointmentPatchIn struct {
	IDPath
	Body AppointmentIn
}

// updateAppointment serves drag-and-drop (move, resize, reassign,
// unassign) and status changes. Who may change what is the service's
// object check (Scheduler.Change): owners and managers anything,
// TENANT_STAFF only moves of their own resource's appointments, and only
// under the business's resourcesCanReschedule policy.
func (s *Server) updateAppointment(ctx context.Context, in *appointmentPatchIn) (*appointmentBody, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	b := in.Body
	if b.ServiceID != nil {
		return nil, errs.Field("body.serviceId", "the service of an appointment cannot change; cancel it and book the other service")
	}
	p := scheduling.Patch{CustomerID: b.CustomerID, Start: b.StartTime, Notes: b.Notes}
	var err error
	if p.ResourceIDs, err = b.resources(); err != nil {
		return nil, err
	}
	if p.Duration, err = b.duration(); err != nil {
		return nil, err
	}
	if b.Status != nil {
		p.Status = ptr(scheduling.Status(*b.Status))
	}
	if p.CustomerID != nil {
		if err := bodyIDs("body.customerId", *p.CustomerID); err != nil {
			return nil, err
		}
	}
	biz, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rec, err := s.Scheduling.Change(ctx, biz, s.caller(ctx), in.ID, p)
	if err != nil {
		return nil, err
	}
	return &appointmentBody{appointmentOut(rec, biz.Zone)}, nil
}

func (s *Server) deleteAppointment(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	return s.deleted(ctx, "appointment", in.ID, s.Scheduling.DeleteAppointment)
}
