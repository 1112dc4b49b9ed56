package scheduling

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// BookingRequest is an online booking by a customer.
type BookingRequest struct {
	ServiceID  string
	Start      time.Time
	ResourceID string // "": any free resource, chosen fairly
	// Customer details of an anonymous booker (found or created by email).
	Customer *Customer
	// CustomerUserID is the login of a signed-in CUSTOMER (instead of
	// Customer).
	CustomerUserID  string
	PaymentMethodID string
	Notes           string
	// ClientIP is the booker's address (online bookings are limited per
	// address and per booker).
	ClientIP string
	// IdempotencyKey and RequestHash make retries safe: the same key with
	// the same hash returns the first booking; with another hash, an error.
	IdempotencyKey string
	RequestHash    string
}

// Book makes an online booking under the business's rules: the time must
// be offered by the availability engine, the customer must be allowed to
// book (and hold a payment method when the business requires one), and the
// resource, when not chosen, is the least booked that day among the free
// ones (ties broken at random). replayed is true when an earlier request
// with the same idempotency key made the booking.
func (s *Scheduler) Book(ctx context.Context, b Business, req BookingRequest) (rec *Record, replayed bool, err error) {
	err = retryConflicts(func() error {
		rec, replayed, err = s.book(ctx, b, req)
		if isIdempotencyRace(err) { // a concurrent twin committed first: answer with its booking
			rec, replayed, err = s.book(ctx, b, req)
		}
		return err
	}, func() bool { return req.ResourceID == "" })
	return rec, replayed, err
}

func (s *Scheduler) book(ctx context.Context, b Business, req BookingRequest) (rec *Record, replayed bool, err error) {
	err = s.Store.Tx(ctx, b, func(r Repo) error {
		if req.IdempotencyKey != "" {
			prev, err := r.AppointmentByIdempotencyKey(ctx, req.IdempotencyKey)
			switch {
			case err == nil && prev.IdempotencyHash != req.RequestHash:
				return errs.E(errs.Conflict, "this Idempotency-Key was already used for a different booking request; use a new key for a new booking").
					With("idempotencyKey", req.IdempotencyKey)
			case err == nil:
				rec, replayed = prev, true
				rec.AsBooked()
				return nil
			case !errs.Is(err, errs.NotFound):
				return err
			}
		}
		svc, err := serviceFor(ctx, r, req.ServiceID, "serviceId")
		if err != nil {
			return err
		}
		if !svc.IsActive {
			return notFoundField("serviceId", "service %s is not offered", req.ServiceID)
		}
		bk, err := s.bookingCustomer(ctx, r, req)
		if err != nil {
			return err
		}
		if err := paymentCheck(ctx, r, b, bk, req.PaymentMethodID); err != nil {
			return err
		}
		ids, err := s.pickResources(ctx, r, b, svc, req.Start, req.ResourceID, "")
		if err != nil {
			return err
		}
		cust := bk.customer
		rec = &Record{Appointment: Appointment{CustomerID: cust.ID, ServiceID: svc.ID, ResourceIDs: ids, Start: req.Start,
			Duration: svc.Duration, Status: Confirmed, Notes: req.Notes, Source: SourceOnline},
			IdempotencyKey: req.IdempotencyKey, IdempotencyHash: req.RequestHash, CustomerName: cust.Name, CustomerUserID: cust.UserID,
			PaymentMethodID: req.PaymentMethodID}
		if bk.anonymous {
			rec.BookerName, rec.BookerPhone = bk.name, bk.phone
		}
		priceFrom(rec, svc)
		if err := s.validate(rec, nil); err != nil {
			return err
		}
		if err := s.within(ctx, r, b, QuotaAppointmentsPerMonth); err != nil {
			return err
		}
		if err := r.CreateAppointment(ctx, rec); err != nil {
			return err
		}
		// Counted last, so the throttle row is locked only until commit.
		if err := s.throttleBooking(ctx, r, req); err != nil {
			return err
		}
		if err := r.RecordBooking(ctx, s.now()); err != nil {
			return err
		}
		rec.AsBooked()
		return nil
	})
	return rec, replayed, err
}

// AsBooked shows an anonymous online booking as its booker made it: the
// name they typed, not the stored customer's (which an unverified booker
// must not learn). Other appointments are left as they are.
func (rec *Record) AsBooked() {
	if rec.BookerName != "" {
		rec.CustomerName = rec.BookerName
	}
}

// booker is who makes an online booking: the customer record the booking
// is attached to and, for an anonymous booker, what they typed.
type booker struct {
	customer *Customer
	// anonymous: the record was found or created by an unverified email;
	// created: by this request (so it holds only what the booker typed).
	anonymous, created bool
	name, phone        string
}

// bookingCustomer finds the signed-in customer's record, or finds or
// creates one by email. An anonymous booker proved nothing about the email,
// so an existing record is only attached to, never read back to them nor
// changed. Blocked customers cannot book.
func (s *Scheduler) bookingCustomer(ctx context.Context, r Repo, req BookingRequest) (*booker, error) {
	bk := &booker{}
	var err error
	switch {
	case req.CustomerUserID != "":
		if bk.customer, err = r.CustomerByUser(ctx, req.CustomerUserID); errs.Is(err, errs.NotFound) {
			return nil, errs.E(errs.Forbidden, "your login has no customer record with this business; contact the business")
		}
	case req.Customer == nil:
		return nil, errs.Field("customer", "customer (name, email, phone) is required when not signed in")
	default:
		in := *req.Customer
		in.Email = strings.TrimSpace(in.Email)
		in.Name = strings.TrimSpace(in.Name)
		in.Status = CustomerActive
		if in.Email == "" {
			return nil, errs.Field("customer.email", "email is required")
		}
		if err := in.validateAs("customer."); err != nil {
			return nil, err
		}
		bk.anonymous, bk.name, bk.phone = true, in.Name, in.Phone
		bk.customer, bk.created, err = r.EnsureCustomer(ctx, &in)
	}
	if err != nil {
		return nil, err
	}
	c := bk.customer
	if c.Status == CustomerBlocked {
		return nil, errs.E(errs.Forbidden, "online booking is not available for this customer; please contact the business").
			With("customerBlocked", true)
	}
	if !c.CanBook() {
		return nil, errs.E(errs.Forbidden, "this customer account is inactive; please contact the business to reactivate it")
	}
	return bk, nil
}

// paymentCheck enforces requirePaymentMethodToBook. There is no payments
// integration yet: a paymentMethodId is recorded as given, and presence is
// all that is checked. The booking keeps it; a signed-in customer's record
// (or one this request created) keeps it too. An anonymous booker must
// bring one in the request: a method stored on an existing record is not
// theirs to use, nor to replace.
func paymentCheck(ctx context.Context, r Repo, b Business, bk *booker, paymentMethodID string) error {
	if len(paymentMethodID) > 200 {
		return errs.Field("paymentMethodId", "paymentMethodId is at most 200 characters")
	}
	c := bk.customer
	if paymentMethodID != "" {
		if bk.anonymous && !bk.created {
			return nil
		}
		return r.SetPaymentMethod(ctx, c.ID, paymentMethodID)
	}
	if b.RequirePaymentMethod && (bk.anonymous || c.PaymentMethodID == "") {
		return errs.E(errs.Forbidden, "this business requires a payment method to book: add one (paymentMethodId) and try again").
			With("paymentMethodRequired", true)
	}
	return nil
}

// pickResources checks that svc can start at start (on pinned, if given)
// and returns the resources to book. exclude is an appointment whose own
// time is ignored (when rescheduling it).
func (s *Scheduler) pickResources(ctx context.Context, r Repo, b Business, svc *Service, start time.Time, pinned, exclude string) ([]string, error) {
	if pinned != "" {
		if err := checkResource(ctx, r, pinned, "resourceId"); err != nil {
			return nil, err
		}
	}
	in, err := r.Inputs(ctx, start, start.Add(time.Minute), margin(svc))
	if err != nil {
		return nil, err
	}
	in.BusinessZone = b.Zone
	if exclude != "" {
		in.Bookings = slices.DeleteFunc(in.Bookings, func(bk Booking) bool { return bk.AppointmentID == exclude })
	}
	q := Query{Service: *svc, From: start, To: start.Add(time.Nanosecond), ResourceID: pinned, Now: s.now()}
	slots := Available(in, q)
	if len(slots) == 0 {
		return nil, unavailable(WhyNot(in, q, start), start)
	}
	from, to := DayRange(DateOf(start.In(b.Zone)), b.Zone)
	load, err := r.LoadByResource(ctx, from, to)
	if err != nil {
		return nil, err
	}
	slot := slots[0]
	for i := range slot.Choices {
		ids := slices.Clone(slot.Choices[i].ResourceIDs)
		s.shuffle(ids)
		slices.SortStableFunc(ids, func(a, b string) int { return cmp.Compare(load[a], load[b]) })
		slot.Choices[i].ResourceIDs = ids
	}
	return slot.Pick(), nil
}

func (s *Scheduler) shuffle(ids []string) {
	if s.Shuffle != nil {
		s.Shuffle(ids)
		return
	}
	rand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
}

// unavailable turns why-not reasons into the error of a refused booking:
// a conflict naming the appointment in the way when bookings fill the time,
// otherwise a 400 on startTime saying why.
func unavailable(reasons []Reason, at time.Time) error {
	for _, r := range reasons {
		if r.Code == ReasonBooked || r.Code == ReasonFull {
			e := errs.E(errs.Conflict, "that time was just taken; choose another")
			if r.AppointmentID != "" {
				e = e.With("conflictingAppointmentId", r.AppointmentID)
			}
			return e
		}
	}
	detail := "this time is not available"
	if len(reasons) > 0 {
		detail = reasons[0].Detail
		if reasons[0].Code == ReasonTooSoon && at.Before(reasons[0].Until) {
			detail = fmt.Sprintf("startTime is too soon or in the past (earliest %s)", reasons[0].Until.Format(time.RFC3339))
		}
	}
	e := errs.Field("startTime", "%s", detail)
	if len(reasons) > 0 {
		e = e.With("reason", string(reasons[0].Code))
	}
	return e
}
