package httpapi

import (
	"context"
	"slices"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
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
// own only: the filter is forced to their customer record).
func (s *Server) listAppointments(ctx context.Context, in *appointmentListIn) (*struct{ Body Page[AppointmentOut] }, error) {
	zone, err := queryZone("timezone", in.Timezone, business(ctx).Zone)
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
	var list []AppointmentOut
	var total int
	err = s.Scheduling.Store.Tx(ctx, func(r scheduling.Repo) error {
		if !s.can(ctx, access.AppointmentsRead) {
			own, err := s.ownCustomer(ctx, r)
			if err != nil {
				return err
			}
			f.CustomerID = own
		}
		recs, n, err := r.ListAppointments(ctx, f)
		for i := range recs {
			list = append(list, appointmentOut(&recs[i], zone))
		}
		total = n
		return err
	})
	if err != nil {
		return nil, err
	}
	return &struct{ Body Page[AppointmentOut] }{page(&in.PageParams, total, list)}, nil
}

// ownCustomer is the customer record of a CUSTOMER principal (by the
// principal's customer id, else its login); callers without
// appointments.own are refused.
func (s *Server) ownCustomer(ctx context.Context, r scheduling.Repo) (string, error) {
	p := principalFrom(ctx)
	if !s.can(ctx, access.AppointmentsOwn) {
		return "", errs.E(errs.Forbidden, "reading appointments requires the permission %s", access.AppointmentsRead)
	}
	if p.CustomerID != "" {
		return p.CustomerID, nil
	}
	c, err := r.CustomerByUser(ctx, p.UserID)
	if errs.Is(err, errs.NotFound) {
		return "00000000-0000-0000-0000-000000000000", nil // no record: nothing is theirs
	}
	if err != nil {
		return "", err
	}
	return c.ID, nil
}

// readable is the object check of appointment reads: staff read all,
// customers their own (access.CanReadOwn); others get 404, never a hint.
func (s *Server) readable(ctx context.Context, rec *scheduling.Record) error {
	if s.can(ctx, access.AppointmentsRead) {
		return nil
	}
	p := principalFrom(ctx)
	if s.can(ctx, access.AppointmentsOwn) && access.CanReadOwn(p, rec.CustomerUserID, optID(rec.CustomerID)) {
		return nil
	}
	return errs.E(errs.NotFound, "appointment %s does not exist", rec.ID)
}

type appointmentBody struct {
	Body AppointmentOut
}

func (s *Server) getAppointment(ctx context.Context, in *IDPath) (*appointmentBody, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	var out *appointmentBody
	err := s.Scheduling.Store.Tx(ctx, func(r scheduling.Repo) error {
		rec, err := r.GetAppointment(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := s.readable(ctx, rec); err != nil {
			return err
		}
		out = &appointmentBody{appointmentOut(rec, business(ctx).Zone)}
		return nil
	})
	return out, err
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
	rec, err := s.Scheduling.Create(ctx, n)
	if err != nil {
		return nil, err
	}
	return &struct {
		Status int
		Body   AppointmentOut
	}{201, appointmentOut(rec, business(ctx).Zone)}, nil
}

type appointmentPatchIn struct {
	IDPath
	Body AppointmentIn
}

// updateAppointment serves drag-and-drop (move, resize, reassign,
// unassign) and status changes. Owners and managers may change anything;
// TENANT_STAFF may only move appointments on their own resource, and only
// when the business's resourcesCanReschedule policy is on.
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
	var allow func(*scheduling.Record) error
	if !s.can(ctx, access.AppointmentsWrite) {
		allow, err = s.staffReschedule(ctx, p)
		if err != nil {
			return nil, err
		}
	}
	rec, err := s.Scheduling.Update(ctx, in.ID, p, allow)
	if err != nil {
		return nil, err
	}
	return &appointmentBody{appointmentOut(rec, business(ctx).Zone)}, nil
}

// staffReschedule is the object check for TENANT_STAFF moves under the
// resourcesCanReschedule policy: the appointment must be on the staff
// member's own resource (linked by userId) and stay there.
func (s *Server) staffReschedule(ctx context.Context, p scheduling.Patch) (func(*scheduling.Record) error, error) {
	pr := principalFrom(ctx)
	t := tenancy.TenantFrom(ctx)
	if pr.Role != access.TenantStaff || !t.Policies.ResourcesCanReschedule || !p.OnlyMoves() {
		return nil, errs.E(errs.Forbidden, "changing appointments requires the permission %s (staff may only move their own appointments, when the business allows it)",
			access.AppointmentsWrite)
	}
	var own string
	err := s.Scheduling.Store.Tx(ctx, func(r scheduling.Repo) error {
		all, err := r.ListResources(ctx, false)
		for _, res := range all {
			if res.UserID != nil && *res.UserID == pr.UserID {
				own = res.ID
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return func(rec *scheduling.Record) error {
		if own == "" || !slices.Contains(rec.ResourceIDs, own) {
			return errs.E(errs.Forbidden, "staff may only move appointments on their own resource")
		}
		if p.ResourceIDs != nil && !slices.Contains(*p.ResourceIDs, own) {
			return errs.E(errs.Forbidden, "staff may not move an appointment off their own resource")
		}
		return nil
	}, nil
}

func (s *Server) deleteAppointment(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	if err := s.Scheduling.Store.Tx(ctx, func(r scheduling.Repo) error { return r.DeleteAppointment(ctx, in.ID) }); err != nil {
		return nil, err
	}
	return &struct{ Status int }{204}, nil
}
