package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// TestSchedulerObjectChecks drives the scheduling service on the real
// store with a bare context: the business travels as an argument, never in
// the context, and the object checks of appointments (a staff member's
// move, a customer's read) are made in the unit of work.
func TestSchedulerObjectChecks(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	ten, err := tenancyOn(db).Create(ctx, tenancy.NewTenant{Name: "Acme", Slug: "acme", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	b := scheduling.Business{ID: ten.ID, Schema: ten.Schema, Plan: ten.Plan, Zone: berlin}
	now := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	s := &scheduling.Scheduler{Store: &postgres.Scheduling{DB: db}, Now: func() time.Time { return now }}

	staffID := uuid.NewString()
	if err := (&postgres.Identity{DB: db}).CreateUser(ctx, &identity.Account{User: identity.User{ID: staffID, TenantID: &ten.ID,
		Email: "sam@acme.example", Name: "Sam", Role: access.TenantStaff, Status: identity.StatusActive, CreatedAt: nowUTC()}, PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	mine, err := s.CreateResource(ctx, b, func(r *scheduling.Resource) error { r.Name, r.UserID = "Sam", &staffID; return nil })
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateResource(ctx, b, func(r *scheduling.Resource) error { r.Name = "Alex"; return nil })
	if err != nil {
		t.Fatal(err)
	}
	svc, err := s.CreateService(ctx, b, func(v *scheduling.Service) error { v.Name, v.Duration = "Cut", 30*time.Minute; return nil })
	if err != nil {
		t.Fatal(err)
	}
	cust, err := s.CreateCustomer(ctx, b, func(c *scheduling.Customer) error { c.Name = "Ann"; return nil })
	if err != nil {
		t.Fatal(err)
	}
	book := func(res string, at time.Time) *scheduling.Record {
		rec, err := s.Create(ctx, b, scheduling.NewAppointment{CustomerID: cust.ID, ServiceID: svc.ID, ResourceIDs: []string{res}, Start: at})
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	onMine, onOther := book(mine.ID, now.Add(24*time.Hour)), book(other.ID, now.Add(26*time.Hour))

	staff := scheduling.Caller{UserID: staffID, ReadAll: true, Staff: true}
	later := now.Add(48 * time.Hour)
	move := scheduling.Patch{Start: &later}
	if _, err := s.Change(ctx, b, staff, onMine.ID, move); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a staff move without the policy: %v", err)
	}
	b.ResourcesCanReschedule = true
	if _, err := s.Change(ctx, b, staff, onOther.ID, move); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a staff move of another's appointment: %v", err)
	}
	if _, err := s.Change(ctx, b, staff, onMine.ID, scheduling.Patch{ResourceIDs: &[]string{other.ID}}); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a staff move off their own resource: %v", err)
	}
	notes := "x"
	if _, err := s.Change(ctx, b, staff, onMine.ID, scheduling.Patch{Notes: &notes}); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a staff change that is not a move: %v", err)
	}
	if rec, err := s.Change(ctx, b, staff, onMine.ID, move); err != nil || !rec.Start.Equal(later) {
		t.Fatalf("a staff move of their own appointment: %v", err)
	}

	stranger := scheduling.Caller{UserID: uuid.NewString(), CustomerID: uuid.NewString(), ReadOwn: true}
	if _, err := s.Appointment(ctx, b, stranger, onMine.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("another customer's appointment: %v", err)
	}
	if list, total, err := s.Appointments(ctx, b, stranger, scheduling.AppointmentFilter{Limit: 50}); err != nil || total != 0 || len(list) != 0 {
		t.Fatalf("a customer lists %d of %d (%v)", len(list), total, err)
	}
	owner := scheduling.Caller{UserID: uuid.NewString(), CustomerID: cust.ID, ReadOwn: true}
	if list, total, err := s.Appointments(ctx, b, owner, scheduling.AppointmentFilter{Limit: 50}); err != nil || total != 2 || len(list) != 2 {
		t.Fatalf("the customer lists %d of %d (%v)", len(list), total, err)
	}
	if _, _, err := s.Appointments(ctx, b, scheduling.Caller{UserID: staffID}, scheduling.AppointmentFilter{Limit: 50}); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a caller with neither permission: %v", err)
	}
}
