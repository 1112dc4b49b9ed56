package scheduling

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const ruleDay = "2026-06-01" // a Monday

// ruleWorld is a business open 09:00-17:00 every day in Berlin with one
// stylist, and a 30-minute service, to be changed by each case.
func ruleWorld(t *testing.T) (Inputs, Query) {
	return Inputs{
		BusinessZone:  zone(t, "Europe/Berlin"),
		BusinessHours: everyDay("09:00", "17:00"),
		Resources:     []Resource{staff("s1")},
	}, Query{Service: service(30)}
}

// at is a local time on ruleDay (or on the day after for "+1 15:04").
func at(in Inputs, clock string) time.Time {
	d := day(ruleDay)
	if len(clock) > 5 {
		d, clock = d.AddDays(1), clock[3:]
	}
	return d.At(hm(clock), in.BusinessZone)
}

func booking(in Inputs, resource, from, to string) Booking {
	return Booking{AppointmentID: "apt-" + resource + "-" + from, ServiceID: "other", ResourceID: resource, Start: at(in, from), End: at(in, to), Seats: 1}
}

func room(id string, capacity int) Resource {
	return Resource{ID: id, Name: id, Type: Room, Capacity: capacity, IsActive: true}
}

func TestAvailabilityRules(t *testing.T) {
	tests := []struct {
		name string
		set  func(*Inputs, *Query)
		want []string // local "15:04" starts on ruleDay (and "+1 15:04" for the next day, by range)
		days int      // dates searched from ruleDay; 0 means 1
	}{
		{name: "min notice rounds up to the grid",
			set: func(in *Inputs, q *Query) {
				q.Now, q.Service.MinNotice = at(*in, "14:10"), time.Hour
			},
			want: []string{"15:30", "16:00", "16:30"}},
		{name: "max advance includes its last instant",
			set: func(in *Inputs, q *Query) {
				q.Now, q.Service.MaxAdvance = at(*in, "00:00"), 10*time.Hour
			},
			want: []string{"09:00", "09:30", "10:00"}},
		{name: "buffers hold time around bookings but may lie outside hours",
			set: func(in *Inputs, q *Query) {
				q.Service.BufferBefore, q.Service.BufferAfter = 15*time.Minute, 15*time.Minute
				in.Bookings = []Booking{booking(*in, "s1", "10:45", "11:30")} // 11:00 appointment with its buffers
			},
			// 10:00 would hold 09:45-10:45: touches, fine. 10:30 and 11:00 overlap. 11:30 holds 11:15-...: overlaps.
			want: []string{"09:00", "09:30", "10:00", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"}},
		{name: "a capacity 3 room with 2 bookings still offers a seat",
			set: func(in *Inputs, q *Query) {
				in.Resources = []Resource{room("class", 3)}
				q.Service.ResourceIDs = []string{"class"}
				in.Bookings = []Booking{booking(*in, "class", "09:00", "12:00"), booking(*in, "class", "10:00", "11:00")}
				in.BusinessHours = everyDay("09:00", "12:00")
			},
			want: []string{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30"}},
		{name: "a capacity 3 room with 3 overlapping bookings is full there",
			set: func(in *Inputs, q *Query) {
				in.Resources = []Resource{room("class", 3)}
				q.Service.ResourceIDs = []string{"class"}
				in.Bookings = []Booking{booking(*in, "class", "09:00", "12:00"), booking(*in, "class", "10:00", "11:00"), booking(*in, "class", "10:30", "11:00")}
				in.BusinessHours = everyDay("09:00", "12:00")
			},
			want: []string{"09:00", "09:30", "10:00", "11:00", "11:30"}},
		{name: "a party of 2 needs two free units",
			set: func(in *Inputs, q *Query) {
				in.Resources = []Resource{room("class", 3)}
				q.Service.ResourceIDs, q.Seats = []string{"class"}, 2
				in.Bookings = []Booking{booking(*in, "class", "09:00", "12:00"), booking(*in, "class", "10:00", "11:00")}
				in.BusinessHours = everyDay("09:00", "12:00")
			},
			want: []string{"09:00", "09:30", "11:00", "11:30"}},
		{name: "STAFF+ROOM needs both free together",
			set: func(in *Inputs, q *Query) {
				in.Resources = append(in.Resources, room("r1", 1))
				q.Service.Requirements = []Requirement{{Type: Staff, Count: 1}, {Type: Room, Count: 1}}
				in.Bookings = []Booking{booking(*in, "r1", "10:00", "16:00"), booking(*in, "s1", "09:00", "10:00")}
			},
			want: []string{"16:00", "16:30"}},
		{name: "a booking that crosses midnight blocks the next morning",
			set: func(in *Inputs, q *Query) {
				in.BusinessHours = everyDay("00:00", "24:00")
				in.Bookings = []Booking{booking(*in, "s1", "00:00", "+1 01:00")}
				q.Service.SlotStep = time.Hour
			},
			days: 2,
			want: []string{"+1 01:00", "+1 02:00", "+1 03:00", "+1 04:00", "+1 05:00", "+1 06:00", "+1 07:00", "+1 08:00", "+1 09:00", "+1 10:00", "+1 11:00",
				"+1 12:00", "+1 13:00", "+1 14:00", "+1 15:00", "+1 16:00", "+1 17:00", "+1 18:00", "+1 19:00", "+1 20:00", "+1 21:00", "+1 22:00", "+1 23:00"}},
		{name: "an appointment may run past midnight into touching hours",
			set: func(in *Inputs, q *Query) {
				in.BusinessHours = nil
				for d := Monday; d <= Sunday; d++ {
					in.BusinessHours = append(in.BusinessHours, weekly(d, "22:00", "24:00"), weekly(d, "00:00", "02:00"))
				}
				q.Service.Duration, q.Service.SlotStep = 2*time.Hour, time.Hour
			},
			want: []string{"00:00", "22:00", "23:00"}},
		{name: "a holiday override closes the day",
			set: func(in *Inputs, q *Query) {
				in.Overrides = []DateOverride{{Date: day(ruleDay), Closed: true}}
			},
			want: []string{}},
		{name: "special hours replace the week",
			set: func(in *Inputs, q *Query) {
				in.Overrides = []DateOverride{{Date: day(ruleDay), Intervals: []TimeRange{{hm("10:00"), hm("11:00")}, {hm("15:00"), hm("16:00")}}}}
			},
			want: []string{"10:00", "10:30", "15:00", "15:30"}},
		{name: "own hours narrow the business hours and move the grid",
			set: func(in *Inputs, q *Query) {
				in.Resources[0].Hours = everyDay("12:15", "20:00")
			},
			want: []string{"12:15", "12:45", "13:15", "13:45", "14:15", "14:45", "15:15", "15:45", "16:15"}},
		{name: "own hours are in the resource's zone",
			set: func(in *Inputs, q *Query) {
				in.Resources[0].TimeZone = "Europe/London" // one hour behind Berlin
				in.Resources[0].Hours = everyDay("08:00", "10:00")
			},
			want: []string{"09:00", "09:30", "10:00", "10:30"}},
		{name: "a resource override closes its day only",
			set: func(in *Inputs, q *Query) {
				in.Resources = append(in.Resources, staff("s2"))
				in.Overrides = []DateOverride{{ResourceID: ptr("s1"), Date: day(ruleDay), Intervals: []TimeRange{{hm("09:00"), hm("10:00")}}}}
				in.Bookings = []Booking{booking(*in, "s2", "09:00", "17:00")}
			},
			want: []string{"09:00", "09:30"}},
		{name: "a business-wide blocker blocks every resource",
			set: func(in *Inputs, q *Query) {
				in.Resources = append(in.Resources, staff("s2"))
				in.Blockers = []Blocker{{ID: "meeting", Start: at(*in, "09:00"), End: at(*in, "16:00")}}
			},
			want: []string{"16:00", "16:30"}},
		{name: "a pinned resource answers for itself only",
			set: func(in *Inputs, q *Query) {
				in.Resources = append(in.Resources, staff("s2"))
				in.Bookings = []Booking{booking(*in, "s2", "09:00", "16:00")}
				q.ResourceID = "s2"
			},
			want: []string{"16:00", "16:30"}},
		{name: "inactive resources and other types are not used",
			set: func(in *Inputs, q *Query) {
				in.Resources = []Resource{staff("s1"), room("r", 1)}
				in.Resources[0].IsActive = false
			},
			want: []string{}},
		{name: "a group class offers its session until the seats are gone",
			set: func(in *Inputs, q *Query) {
				q.Service.Capacity = 3
				in.BusinessHours = everyDay("09:00", "11:00")
				q.Service.SlotStep = time.Hour
				seat := func(from string) Booking {
					b := booking(*in, "s1", from, from[:2]+":30")
					b.ServiceID, b.Group = "svc", true
					return b
				}
				in.Bookings = []Booking{seat("09:00"), seat("09:00"), seat("10:00"), seat("10:00"), seat("10:00")}
			},
			want: []string{"09:00"}},
		{name: "an inactive service offers nothing",
			set: func(in *Inputs, q *Query) {
				q.Service.IsActive = false
			},
			want: []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, q := ruleWorld(t)
			tc.set(&in, &q)
			q.From, _ = DayRange(day(ruleDay), in.BusinessZone)
			_, q.To = DayRange(day(ruleDay).AddDays(max(tc.days, 1)-1), in.BusinessZone)
			got := []string{}
			for _, s := range Available(in, q) {
				label := s.Start.In(in.BusinessZone).Format("15:04")
				if DateOf(s.Start.In(in.BusinessZone)) != day(ruleDay) {
					label = "+1 " + label
				}
				got = append(got, label)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestStaffAndRoomChoicesAndPick(t *testing.T) {
	in, q := ruleWorld(t)
	in.Resources = []Resource{staff("s1"), staff("s2"), room("r1", 1), room("r2", 1)}
	q.Service.Requirements = []Requirement{{Type: Staff, Count: 1}, {Type: Room, Count: 1}}
	in.Bookings = []Booking{booking(in, "s1", "10:00", "11:00"), booking(in, "r2", "10:00", "11:00")}
	q.From, q.To = at(in, "10:00"), at(in, "10:01")
	slots := Available(in, q)
	want := []Choice{{Count: 1, ResourceIDs: []string{"s2"}}, {Count: 1, ResourceIDs: []string{"r1"}}}
	if len(slots) != 1 {
		t.Fatalf("got %d slots, want 1", len(slots))
	}
	if diff := cmp.Diff(want, slots[0].Choices); diff != "" {
		t.Errorf("choices (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"s2", "r1"}, slots[0].Pick()); diff != "" {
		t.Errorf("pick (-want +got):\n%s", diff)
	}
}

// Two requirements over the same pool need distinct resources.
func TestRequirementsNeedDistinctResources(t *testing.T) {
	in, q := ruleWorld(t)
	in.Resources = []Resource{staff("s1"), staff("s2")}
	q.Service.Requirements = []Requirement{{ResourceIDs: []string{"s1"}, Count: 1}, {Type: Staff, Count: 1}}
	q.From, q.To = at(in, "10:00"), at(in, "10:01")
	if got := Available(in, q); len(got) != 1 || !cmp.Equal(got[0].Pick(), []string{"s1", "s2"}) {
		t.Fatalf("with both free: %+v", got)
	}
	in.Bookings = []Booking{booking(in, "s2", "10:00", "11:00")}
	if got := Available(in, q); len(got) != 0 {
		t.Errorf("s1 cannot fill both requirements, got %+v", got)
	}
	if got := WhyNot(in, q, at(in, "10:00")); len(got) != 1 || got[0].Code != ReasonBooked || got[0].ResourceID != "s2" {
		t.Errorf("WhyNot = %+v", got)
	}
}
