package scheduling

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// locations lists the field locations of a validation error.
func locations(err error) []string {
	e, ok := err.(*errs.Error)
	if !ok || e == nil {
		return nil
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Location)
	}
	return out
}

func TestValidateHours(t *testing.T) {
	tests := []struct {
		name string
		week []WeeklyInterval
		want []string
	}{
		{"split shifts", []WeeklyInterval{weekly(Wednesday, "13:00", "17:00"), weekly(Wednesday, "09:00", "12:00")}, nil},
		{"touching shifts", []WeeklyInterval{weekly(Monday, "09:00", "12:00"), weekly(Monday, "12:00", "24:00")}, nil},
		{"close before open", []WeeklyInterval{weekly(Monday, "17:00", "09:00")}, []string{"body[0].closeTime"}},
		{"empty interval", []WeeklyInterval{weekly(Monday, "09:00", "09:00")}, []string{"body[0].closeTime"}},
		{"overlap", []WeeklyInterval{weekly(Friday, "09:00", "13:00"), weekly(Friday, "12:00", "17:00")}, []string{"body[1].openTime"}},
		{"same times on other days", []WeeklyInterval{weekly(Monday, "09:00", "17:00"), weekly(Tuesday, "09:00", "17:00")}, nil},
		{"bad day", []WeeklyInterval{{DayOfWeek: 7, Open: hm("09:00"), Close: hm("10:00")}}, []string{"body[0].dayOfWeek"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateHours("body", tc.week)
			if diff := cmp.Diff(tc.want, locations(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if err != nil && !errs.Is(err, errs.Invalid) {
				t.Errorf("code %s, want invalid", errs.CodeOf(err))
			}
		})
	}
}

func TestParseTimeOfDay(t *testing.T) {
	for in, want := range map[string]TimeOfDay{"00:00": 0, "09:30": 570, "24:00": EndOfDay, "23:59": 1439} {
		if got, err := ParseTimeOfDay(in); err != nil || got != want || got.String() != in {
			t.Errorf("ParseTimeOfDay(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "9:00", "24:30", "12:60", "+9:00", "ab:cd", "12-00", "09:00:00"} {
		if _, err := ParseTimeOfDay(in); err == nil {
			t.Errorf("ParseTimeOfDay(%q) accepted", in)
		}
	}
}

func TestDates(t *testing.T) {
	d := day("2026-12-31")
	if got := d.AddDays(1).String(); got != "2027-01-01" {
		t.Errorf("2026-12-31 + 1 day = %s", got)
	}
	if d.Weekday() != Thursday || !d.Before(d.AddDays(1)) || d.Before(d) {
		t.Errorf("weekday or order of %s wrong", d)
	}
	for _, bad := range []string{"2026-13-01", "2026-02-30", "26-01-01", ""} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestOverrideValidation(t *testing.T) {
	tests := []struct {
		o    DateOverride
		want []string
	}{
		{DateOverride{Date: day("2026-12-25"), Closed: true}, nil},
		{DateOverride{Date: day("2026-12-24"), Intervals: []TimeRange{{hm("09:00"), hm("12:00")}}}, nil},
		{DateOverride{Date: day("2026-12-24")}, []string{"intervals"}},
		{DateOverride{Date: day("2026-12-24"), Closed: true, Intervals: []TimeRange{{hm("09:00"), hm("12:00")}}}, []string{"intervals"}},
		{DateOverride{Date: day("2026-12-24"), Intervals: []TimeRange{{hm("09:00"), hm("12:00")}, {hm("11:00"), hm("13:00")}}}, []string{"intervals[1].openTime"}},
	}
	for i, tc := range tests {
		if diff := cmp.Diff(tc.want, locations(tc.o.ValidateOverride())); diff != "" {
			t.Errorf("case %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestMoney(t *testing.T) {
	for in, want := range map[string]string{"50": "50.00", "50.5": "50.50", "50.00": "50.00", "0.05": "0.05", " 7.1 ": "7.10", "0": "0.00"} {
		m, err := ParseMoney(in)
		if err != nil || m.String() != want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %s", in, m, err, want)
		}
	}
	for _, in := range []string{"", "-1", "1.234", "1e3", "1,000", "50.", ".5", "abc", "99999999999999"} {
		if _, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) accepted", in)
		}
	}
	if got := Money(3333).Percent(50).String(); got != "16.67" {
		t.Errorf("50%% of 33.33 = %s, want 16.67 (half up)", got)
	}
}

func TestValidateDomainTypes(t *testing.T) {
	good := service(30)
	bad := Service{Duration: 90 * time.Second, BufferBefore: -time.Minute, Price: -1, Currency: "eur", Capacity: -1,
		Requirements: []Requirement{{Count: 0}, {ResourceIDs: []string{"a"}, Count: 2}}}
	start := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"good service", good.Validate(), nil},
		{"bad service", bad.Validate(), []string{"name", "durationMinutes", "bufferBeforeMinutes", "price", "currency",
			"capacity", "requirements[0].count", "requirements[0].type", "requirements[1].count"}},
		{"good resource", staff("s").Validate(), nil},
		{"bad resource", Resource{Type: "ROBOT", TimeZone: "Mars/Olympus", Hours: []WeeklyInterval{weekly(Monday, "10:00", "09:00")}}.Validate(),
			[]string{"name", "type", "timezone", "capacity", "hours[0].closeTime"}},
		{"good blocker", Blocker{Start: start, End: start.Add(time.Hour), RRule: "FREQ=WEEKLY;BYDAY=MO"}.Validate(), nil},
		{"blocker ends before start", Blocker{Start: start, End: start}.Validate(), []string{"endTime"}},
		{"bad rrule", Blocker{Start: start, End: start.Add(time.Hour), RRule: "FREQ=SOMETIMES"}.Validate(), []string{"rrule"}},
		{"hourly rrule", Blocker{Start: start, End: start.Add(time.Hour), RRule: "FREQ=HOURLY"}.Validate(), []string{"rrule"}},
		{"byhour rrule", Blocker{Start: start, End: start.Add(time.Hour), RRule: "FREQ=DAILY;BYHOUR=9"}.Validate(), []string{"rrule"}},
		{"until before start", Blocker{Start: start, End: start.Add(time.Hour), Until: ptr(start.Add(-time.Hour))}.Validate(), []string{"until"}},
		{"good customer", Customer{Name: "Ann", Email: "ann@example.com", Status: CustomerActive}.Validate(), nil},
		{"bad customer", Customer{Email: "Ann <ann@example.com>", Status: "Gone"}.Validate(), []string{"name", "email", "status"}},
		{"good appointment", Appointment{CustomerID: "c", ServiceID: "s", ResourceIDs: []string{"r"}, Start: start, Duration: time.Hour, Status: Pending}.Validate(), nil},
		{"bad appointment", Appointment{Duration: time.Second, Status: "DONE"}.Validate(),
			[]string{"customerId", "serviceId", "resourceId", "startTime", "durationMinutes", "status"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, locations(tc.err)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestCustomerCanBook(t *testing.T) {
	for status, want := range map[CustomerStatus]bool{CustomerActive: true, CustomerInactive: false, CustomerBlocked: false} {
		if got := (Customer{Status: status}).CanBook(); got != want {
			t.Errorf("%s: CanBook = %v", status, got)
		}
	}
}

func TestStatusTransitions(t *testing.T) {
	all := []Status{Pending, Confirmed, Completed, NoShow, Cancelled}
	allowed := map[[2]Status]bool{
		{Pending, Confirmed}: true, {Pending, Cancelled}: true, {Pending, Completed}: true, {Pending, NoShow}: true,
		{Confirmed, Completed}: true, {Confirmed, NoShow}: true, {Confirmed, Cancelled}: true,
	}
	for _, from := range all {
		for _, to := range all {
			want := from == to || allowed[[2]Status{from, to}]
			if got := CanTransition(from, to); got != want {
				t.Errorf("CanTransition(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
	if CanTransition("BOGUS", "BOGUS") {
		t.Error("an unknown status transitions to itself")
	}
	if err := ErrTransition(Completed, Pending); !errs.Is(err, errs.Conflict) || err.Fields[0].Location != "status" {
		t.Errorf("ErrTransition = %+v", err)
	}
	for s, want := range map[Status]bool{Pending: true, Confirmed: true, Completed: true, NoShow: false, Cancelled: false} {
		if BlocksTime(s) != want {
			t.Errorf("BlocksTime(%s) = %v", s, !want)
		}
	}
}

func TestBookedIntervalAndBookings(t *testing.T) {
	start := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	svc := service(30)
	svc.BufferBefore, svc.BufferAfter = 5*time.Minute, 10*time.Minute
	a := Appointment{ID: "a", Start: start, Duration: 45 * time.Minute, ResourceIDs: []string{"s", "r"}, Status: Confirmed}
	from, to := BookedInterval(a, svc)
	if !from.Equal(start.Add(-5*time.Minute)) || !to.Equal(start.Add(55*time.Minute)) {
		t.Errorf("BookedInterval = %v – %v", from, to)
	}
	want := []Booking{
		{AppointmentID: "a", ServiceID: "svc", ResourceID: "s", Start: from, End: to, Seats: 1},
		{AppointmentID: "a", ServiceID: "svc", ResourceID: "r", Start: from, End: to, Seats: 1},
	}
	if diff := cmp.Diff(want, BookingsOf(a, svc)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	a.Status = Cancelled
	if got := BookingsOf(a, svc); got != nil {
		t.Errorf("cancelled appointment books %v", got)
	}
}

func TestCancellationTerms(t *testing.T) {
	start := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	policy := CancellationPolicy{WindowHours: 24, LateFeePercent: 50}
	price := Money(5000)
	tests := []struct {
		name   string
		policy CancellationPolicy
		now    time.Time
		want   Cancellation
	}{
		{"early", policy, start.Add(-48 * time.Hour), Cancellation{Allowed: true}},
		{"exactly at the window edge", policy, start.Add(-24 * time.Hour), Cancellation{Allowed: true}},
		{"late", policy, start.Add(-2 * time.Hour), Cancellation{Allowed: true, Late: true, Fee: 2500}},
		{"started", policy, start, Cancellation{}},
		{"no window", CancellationPolicy{LateFeePercent: 50}, start.Add(-time.Minute), Cancellation{Allowed: true}},
		{"fee capped at 100%", CancellationPolicy{WindowHours: 1, LateFeePercent: 150}, start.Add(-time.Minute), Cancellation{Allowed: true, Late: true, Fee: 5000}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, CancellationTerms(tc.policy, start, tc.now, price)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}
