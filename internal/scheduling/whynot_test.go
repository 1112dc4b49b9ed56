package scheduling

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// reason is a Reason without its Detail, with Until as a local clock.
type reason struct {
	Code                                        ReasonCode
	ResourceID, BlockerID, AppointmentID, Until string
}

func TestWhyNot(t *testing.T) {
	tests := []struct {
		name  string
		set   func(*Inputs, *Query)
		clock string // local time asked about on ruleDay
		want  []reason
	}{
		{name: "bookable", clock: "10:00", want: nil},
		{name: "closed", clock: "08:00", want: []reason{{Code: ReasonClosed}}},
		{name: "past closing", clock: "16:45",
			set:  func(in *Inputs, q *Query) { q.Service.SlotStep = 15 * time.Minute },
			want: []reason{{Code: ReasonClosed}}},
		{name: "resource closed", clock: "10:00",
			set:  func(in *Inputs, q *Query) { in.Resources[0].Hours = everyDay("13:00", "17:00") },
			want: []reason{{Code: ReasonResourceClosed, ResourceID: "s1"}}},
		{name: "off grid", clock: "10:10", want: []reason{{Code: ReasonOffGrid, ResourceID: "s1"}}},
		{name: "blocked", clock: "12:30",
			set: func(in *Inputs, q *Query) {
				in.Blockers = []Blocker{{ID: "lunch", ResourceID: ptr("s1"), Title: "Lunch", Start: at(*in, "12:00"), End: at(*in, "13:00")}}
			},
			want: []reason{{Code: ReasonBlocked, ResourceID: "s1", BlockerID: "lunch", Until: "13:00"}}},
		{name: "booked, buffer included", clock: "10:30",
			set: func(in *Inputs, q *Query) {
				q.Service.BufferBefore = 10 * time.Minute
				in.Bookings = []Booking{booking(*in, "s1", "10:00", "10:25")}
			},
			want: []reason{{Code: ReasonBooked, ResourceID: "s1", AppointmentID: "apt-s1-10:00", Until: "10:25"}}},
		{name: "booked on every stylist", clock: "10:00",
			set: func(in *Inputs, q *Query) {
				in.Resources = append(in.Resources, staff("s2"))
				in.Bookings = []Booking{booking(*in, "s1", "10:00", "11:00"), booking(*in, "s2", "09:00", "10:30")}
			},
			want: []reason{
				{Code: ReasonBooked, ResourceID: "s1", AppointmentID: "apt-s1-10:00", Until: "11:00"},
				{Code: ReasonBooked, ResourceID: "s2", AppointmentID: "apt-s2-09:00", Until: "10:30"},
			}},
		{name: "too soon", clock: "10:00",
			set:  func(in *Inputs, q *Query) { q.Now, q.Service.MinNotice = at(*in, "09:30"), time.Hour },
			want: []reason{{Code: ReasonTooSoon, Until: "10:30"}}},
		{name: "outside window", clock: "10:00",
			set:  func(in *Inputs, q *Query) { q.Now, q.Service.MaxAdvance = at(*in, "09:30"), 10*time.Minute },
			want: []reason{{Code: ReasonOutsideWindow}}},
		{name: "no resource", clock: "10:00",
			set:  func(in *Inputs, q *Query) { q.Service.ResourceIDs = []string{"gone"} },
			want: []reason{{Code: ReasonNoResource}}},
		{name: "pinned resource cannot do it", clock: "10:00",
			set:  func(in *Inputs, q *Query) { q.ResourceID = "nobody" },
			want: []reason{{Code: ReasonNoResource, ResourceID: "nobody"}}},
		{name: "service inactive", clock: "10:00",
			set:  func(in *Inputs, q *Query) { q.Service.IsActive = false },
			want: []reason{{Code: ReasonServiceInactive}}},
		{name: "group session full", clock: "10:00",
			set: func(in *Inputs, q *Query) {
				q.Service.Capacity = 1 + 1
				b := booking(*in, "s1", "10:00", "10:30")
				b.ServiceID, b.Group, b.Seats = "svc", true, 2
				in.Bookings = []Booking{b}
			},
			want: []reason{{Code: ReasonFull, ResourceID: "s1"}}},
		{name: "party larger than capacity", clock: "10:00",
			set:  func(in *Inputs, q *Query) { q.Seats = 2 },
			want: []reason{{Code: ReasonFull, ResourceID: "s1"}}},
		{name: "free resources that cannot combine", clock: "10:00",
			set: func(in *Inputs, q *Query) {
				q.Service.Requirements = []Requirement{{Type: Staff, Count: 2}}
				in.Resources = append(in.Resources, staff("s2"))
				in.Resources[1].IsActive = false
			},
			want: []reason{{Code: ReasonNoCombination}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, q := ruleWorld(t)
			if tc.set != nil {
				tc.set(&in, &q)
			}
			var got []reason
			for _, r := range WhyNot(in, q, at(in, tc.clock)) {
				if r.Detail == "" {
					t.Errorf("reason %s has no detail", r.Code)
				}
				x := reason{r.Code, r.ResourceID, r.BlockerID, r.AppointmentID, ""}
				if !r.Until.IsZero() {
					x.Until = r.Until.In(in.BusinessZone).Format("15:04")
				}
				got = append(got, x)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
