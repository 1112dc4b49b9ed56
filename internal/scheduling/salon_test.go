package scheduling

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The old system's rules, kept verbatim: business "Test Salon".
func testSalon(t *testing.T) (Inputs, Query) {
	loc := zone(t, "America/Chicago")
	return Inputs{
			BusinessZone: loc,
			BusinessHours: []WeeklyInterval{
				weekly(Monday, "09:00", "17:00"),
				// Tuesday closed.
				weekly(Wednesday, "09:00", "12:00"),
				weekly(Wednesday, "13:00", "17:00"),
			},
			Resources: []Resource{staff("stylist-1")},
		}, Query{
			Service: service(30),
			Now:     time.Date(2026, 5, 1, 0, 0, 0, 0, loc),
		}
}

const (
	salonMonday    = "2026-06-01"
	salonTuesday   = "2026-06-02"
	salonWednesday = "2026-06-03"
)

func TestTestSalon(t *testing.T) {
	at := func(in Inputs, clock string) time.Time {
		return day(salonMonday).At(hm(clock), in.BusinessZone)
	}
	appointment := func(in Inputs, clock string, status Status) []Booking {
		return BookingsOf(Appointment{ID: "apt-" + clock, CustomerID: "c", Start: at(in, clock), Duration: 30 * time.Minute,
			ResourceIDs: []string{"stylist-1"}, Status: status}, service(30))
	}
	tests := []struct {
		name    string
		date    string
		change  func(*Inputs)
		offered []string
		absent  []string
		want    []string // the whole list, when given
	}{
		{name: "Monday is open 09:00-17:00", date: salonMonday,
			offered: []string{"09:00", "09:30", "16:30"}, absent: []string{"17:00", "08:30"},
			want: []string{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30",
				"13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"}},
		{name: "Tuesday is closed", date: salonTuesday, want: []string{}},
		{name: "Wednesday has a lunch gap", date: salonWednesday,
			offered: []string{"11:30", "13:00"}, absent: []string{"12:00", "12:30"},
			want: []string{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
				"13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"}},
		{name: "a confirmed 10:00 appointment takes 10:00 only", date: salonMonday,
			change:  func(in *Inputs) { in.Bookings = appointment(*in, "10:00", Confirmed) },
			offered: []string{"09:30", "10:30"}, absent: []string{"10:00"}},
		{name: "a cancelled appointment does not block", date: salonMonday,
			change:  func(in *Inputs) { in.Bookings = appointment(*in, "10:00", Cancelled) },
			offered: []string{"10:00"}},
		{name: "a 12:00-13:00 blocker removes 12:00", date: salonMonday,
			change: func(in *Inputs) {
				in.Blockers = []Blocker{{ID: "lunch", ResourceID: ptr("stylist-1"), Start: at(*in, "12:00"), End: at(*in, "13:00")}}
			},
			offered: []string{"11:30", "13:00"}, absent: []string{"12:00", "12:30"}},
		{name: "with a second stylist, any resource still offers 10:00", date: salonMonday,
			change: func(in *Inputs) {
				in.Resources = append(in.Resources, staff("stylist-2"))
				in.Bookings = appointment(*in, "10:00", Confirmed)
			},
			offered: []string{"10:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, q := testSalon(t)
			if tc.change != nil {
				tc.change(&in)
			}
			got := clocks(onDate(in, q, day(tc.date)), in.BusinessZone)
			for _, s := range tc.offered {
				if !contains(got, s) {
					t.Errorf("%s not offered; got %v", s, got)
				}
			}
			for _, s := range tc.absent {
				if contains(got, s) {
					t.Errorf("%s offered; got %v", s, got)
				}
			}
			if tc.want != nil {
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("slots (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestTestSalonChoicesNameFreeStylists(t *testing.T) {
	in, q := testSalon(t)
	in.Resources = append(in.Resources, staff("stylist-2"))
	start := day(salonMonday).At(hm("10:00"), in.BusinessZone)
	in.Bookings = []Booking{{AppointmentID: "a", ResourceID: "stylist-1", Start: start, End: start.Add(30 * time.Minute)}}
	q.From, q.To = start, start.Add(time.Minute)
	want := []Slot{{Start: start, End: start.Add(30 * time.Minute), Choices: []Choice{{Count: 1, ResourceIDs: []string{"stylist-2"}}}}}
	if diff := cmp.Diff(want, Available(in, q)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
