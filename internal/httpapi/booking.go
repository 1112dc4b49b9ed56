package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Online booking: public routes on a tenant host, for anonymous visitors
// and signed-in customers. A booking's confirmation carries a manage token
// (an HMAC of the tenant and appointment ids under Config.SecretKey) that
// lets the customer preview, cancel and reschedule without signing in.

func (s *Server) bookingServices(ctx context.Context, in *struct{ PageParams }) (*struct{ Body Page[ServiceOut] }, error) {
	return s.servicePage(ctx, &in.PageParams, ptr(true))
}

// BookingResourceOut is a resource as customers see it.
type BookingResourceOut struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

func (s *Server) bookingResources(ctx context.Context, in *struct {
	ServiceID string `query:"service_id" doc:"only resources that perform this service"`
}) (*struct{ Body Page[BookingResourceOut] }, error) {
	if err := queryUUID("service_id", in.ServiceID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.Scheduling.BookableResources(ctx, b, in.ServiceID)
	if err != nil {
		return nil, err
	}
	out := make([]BookingResourceOut, len(list))
	for i, res := range list {
		out[i] = BookingResourceOut{ID: res.ID, Name: res.Name, Type: string(res.Type)}
	}
	return &struct{ Body Page[BookingResourceOut] }{Page[BookingResourceOut]{Count: len(out), Results: out}}, nil
}

func (s *Server) bookingAvailability(ctx context.Context, in *availabilityIn) (*struct{ Body AvailabilityOut }, error) {
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
	if !svc.IsActive {
		return nil, errs.E(errs.NotFound, "service %s is not offered", svc.ID)
	}
	return &struct{ Body AvailabilityOut }{AvailabilityOut{Date: d.String(), Timezone: q.Zone.String(), AvailableSlots: clockTimes(slots, q.Zone)}}, nil
}

// BookingIn is an online booking request.
type BookingIn struct {
	ServiceID       string           `json:"serviceId"`
	StartTime       time.Time        `json:"startTime"`
	ResourceID      string           `json:"resourceId,omitempty" doc:"omit for any free resource"`
	Customer        *BookingCustomer `json:"customer,omitempty" doc:"omit when signed in as a customer"`
	Notes           string           `json:"notes,omitempty" maxLength:"2000"`
	PaymentMethodID string           `json:"paymentMethodId,omitempty" doc:"a payment provider's reference; recorded only (no payments integration yet)"`
}

// BookingCustomer identifies an anonymous booker.
type BookingCustomer struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone,omitempty"`
}

// BookingOut is a booking confirmation.
type BookingOut struct {
	AppointmentOut
	ManageToken string `json:"manageToken" doc:"lets the customer cancel or reschedule without signing in"`
	ManageURL   string `json:"manageUrl"`
}

type bookIn struct {
	IdempotencyKey string `header:"Idempotency-Key" maxLength:"200" doc:"a retry with the same key returns the first booking"`
	Body           BookingIn
}

func (s *Server) book(ctx context.Context, in *bookIn) (*struct {
	Status int
	Body   BookingOut
}, error) {
	b := in.Body
	if err := bodyIDs("body.serviceId", b.ServiceID); err != nil {
		return nil, err
	}
	if err := bodyIDs("body.resourceId", b.ResourceID); err != nil {
		return nil, err
	}
	req := scheduling.BookingRequest{ServiceID: b.ServiceID, Start: b.StartTime, ResourceID: b.ResourceID, Notes: b.Notes,
		PaymentMethodID: b.PaymentMethodID, IdempotencyKey: in.IdempotencyKey, ClientIP: clientFrom(ctx).IP}
	p := principalFrom(ctx)
	if p != nil && p.Role == access.Customer {
		req.CustomerUserID = p.UserID
	} else if b.Customer != nil {
		req.Customer = &scheduling.Customer{Name: b.Customer.Name, Email: b.Customer.Email, Phone: b.Customer.Phone}
	}
	if req.IdempotencyKey != "" {
		raw, _ := json.Marshal(struct {
			B BookingIn
			U string
		}{b, req.CustomerUserID})
		sum := sha256.Sum256(raw)
		req.RequestHash = hex.EncodeToString(sum[:])
	}
	biz, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rec, _, err := s.Scheduling.Book(ctx, biz, req)
	if err != nil {
		return nil, err
	}
	return &struct {
		Status int
		Body   BookingOut
	}{201, s.bookingOut(ctx, biz, rec)}, nil
}

func (s *Server) bookingOut(ctx context.Context, b scheduling.Business, rec *scheduling.Record) BookingOut {
	token := s.manageToken(b.ID, rec.ID)
	return BookingOut{AppointmentOut: appointmentOut(rec, b.Zone), ManageToken: token,
		ManageURL: s.Config.URL(tenancy.TenantFrom(ctx).Slug+"."+s.Config.BaseDomain, "/booking/manage/"+rec.ID+"?token="+token)}
}

// manageToken signs an appointment for its customer.
func (s *Server) manageToken(tenantID, appointmentID string) string {
	m := hmac.New(sha256.New, []byte(s.Config.SecretKey))
	m.Write([]byte("manage-appointment:" + tenantID + ":" + appointmentID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// customer is who manages appointment id in customer self-service: the
// signed-in caller and the manage token the request carried, checked here
// (a token signs one appointment of one business); the service decides.
func (s *Server) customer(ctx context.Context, b scheduling.Business, id, token string) scheduling.SelfService {
	return scheduling.SelfService{Caller: s.caller(ctx), Token: token != "",
		TokenValid: token != "" && hmac.Equal([]byte(token), []byte(s.manageToken(b.ID, id)))}
}

type ManageIn struct {
	IDPath
	Token string `query:"token" doc:"the manageToken of the booking confirmation (or sign in as the customer)"`
}

// CancellationPreviewOut tells the customer what cancelling now costs.
type CancellationPreviewOut struct {
	Allowed                 bool    `json:"allowed"`
	LateCancellation        bool    `json:"lateCancellation"`
	FeePercent              int     `json:"feePercent"`
	FeeAmount               *string `json:"feeAmount"`
	Currency                string  `json:"currency"`
	CancellationWindowHours int     `json:"cancellationWindowHours"`
}

func previewOut(q *scheduling.CancellationQuote) CancellationPreviewOut {
	out := CancellationPreviewOut{Allowed: q.Allowed, LateCancellation: q.Late, Currency: q.Currency,
		CancellationWindowHours: q.Policy.WindowHours}
	if q.Late {
		out.FeePercent = q.Policy.LateFeePercent
		out.FeeAmount = ptr(q.Fee.String())
	}
	return out
}

func (s *Server) cancellationPreview(ctx context.Context, in *ManageIn) (*struct{ Body CancellationPreviewOut }, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	_, q, err := s.Scheduling.Quote(ctx, b, in.ID, s.customer(ctx, b, in.ID, in.Token))
	if err != nil {
		return nil, err
	}
	return &struct{ Body CancellationPreviewOut }{previewOut(q)}, nil
}

// CancelOut is a cancelled appointment with the fee that applied.
type CancelOut struct {
	AppointmentOut
	Cancellation CancellationPreviewOut `json:"cancellation"`
}

func (s *Server) cancelBooking(ctx context.Context, in *ManageIn) (*struct{ Body CancelOut }, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rec, q, err := s.Scheduling.CancelByCustomer(ctx, b, in.ID, s.customer(ctx, b, in.ID, in.Token))
	if err != nil {
		return nil, err
	}
	return &struct{ Body CancelOut }{CancelOut{appointmentOut(rec, b.Zone), previewOut(q)}}, nil
}

type rescheduleIn struct {
	ManageIn
	Body struct {
		StartTime time.Time `json:"startTime"`
	}
}

func (s *Server) rescheduleBooking(ctx context.Context, in *rescheduleIn) (*struct{ Body AppointmentOut }, error) {
	if err := pathID("appointment", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	rec, err := s.Scheduling.RescheduleByCustomer(ctx, b, in.ID, in.Body.StartTime, s.customer(ctx, b, in.ID, in.Token))
	if err != nil {
		return nil, err
	}
	return &struct{ Body AppointmentOut }{appointmentOut(rec, b.Zone)}, nil
}

type myAppointmentsIn struct {
	PageParams
	When string `query:"when" enum:"upcoming,past,all" default:"upcoming"`
}

// myAppointments lists the signed-in customer's own appointments.
func (s *Server) myAppointments(ctx context.Context, in *myAppointmentsIn) (*struct{ Body Page[AppointmentOut] }, error) {
	if principalFrom(ctx) == nil {
		return nil, errs.E(errs.Unauthorized, "sign in to see your appointments")
	}
	f := scheduling.AppointmentFilter{Limit: in.limit(), Offset: in.offset()}
	switch in.When {
	case "upcoming":
		f.From = s.Now()
	case "past":
		f.To = s.Now()
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	recs, total, err := s.Scheduling.OwnAppointments(ctx, b, s.caller(ctx), f)
	if err != nil {
		return nil, err
	}
	return &struct{ Body Page[AppointmentOut] }{page(&in.PageParams, total, appointmentsOut(recs, b.Zone))}, nil
}
