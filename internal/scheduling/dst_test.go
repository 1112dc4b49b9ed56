package scheduling

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDateAtIsPredictableAcrossDST(t *testing.T) {
	ny, berlin := zone(t, "America/New_York"), zone(t, "Europe/Berlin")
	tests := []struct {
		date, clock string
		loc         *time.Location
		want        string
	}{
		{"2026-03-08", "01:30", ny, "2026-03-08T01:30:00-05:00"},
		{"2026-03-08", "02:30", ny, "2026-03-08T03:30:00-04:00"}, // gap: as far past it as into it
		{"2026-03-08", "03:00", ny, "2026-03-08T03:00:00-04:00"},
		{"2026-11-01", "01:30", ny, "2026-11-01T01:30:00-04:00"}, // twice: the first
		{"2026-11-01", "02:00", ny, "2026-11-01T02:00:00-05:00"},
		{"2026-03-29", "02:30", berlin, "2026-03-29T03:30:00+02:00"},
		{"2026-10-25", "02:30", berlin, "2026-10-25T02:30:00+02:00"},
		{"2026-10-25", "24:00", berlin, "2026-10-26T00:00:00+01:00"},
	}
	for _, tc := range tests {
		got := day(tc.date).At(hm(tc.clock), tc.loc).Format(time.RFC3339)
		if got != tc.want {
			t.Errorf("%s %s in %s = %s, want %s", tc.date, tc.clock, tc.loc, got, tc.want)
		}
	}
	if from, to := DayRange(day("2026-03-08"), ny); to.Sub(from) != 23*time.Hour {
		t.Errorf("2026-03-08 in New York lasts %v, want 23h", to.Sub(from))
	}
	if from, to := DayRange(day("2026-10-25"), berlin); to.Sub(from) != 25*time.Hour {
		t.Errorf("2026-10-25 in Berlin lasts %v, want 25h", to.Sub(from))
	}
}

// Night hours that span the change show which local times exist.
func TestAvailabilityOnDSTChangeDays(t *testing.T) {
	tests := []struct {
		name, zone, date string
		want             []string
	}{
		{"New York spring: 02:00-02:59 does not exist", "America/New_York", "2026-03-08", []string{
			"2026-03-08T00:00:00-05:00", "2026-03-08T00:30:00-05:00", "2026-03-08T01:00:00-05:00", "2026-03-08T01:30:00-05:00",
			"2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"}},
		{"New York autumn: 01:00-01:59 happens twice, both offered", "America/New_York", "2026-11-01", []string{
			"2026-11-01T00:00:00-04:00", "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00",
			"2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:00:00-05:00", "2026-11-01T02:30:00-05:00",
			"2026-11-01T03:00:00-05:00", "2026-11-01T03:30:00-05:00"}},
		{"Berlin spring: 02:00-02:59 does not exist", "Europe/Berlin", "2026-03-29", []string{
			"2026-03-29T00:00:00+01:00", "2026-03-29T00:30:00+01:00", "2026-03-29T01:00:00+01:00", "2026-03-29T01:30:00+01:00",
			"2026-03-29T03:00:00+02:00", "2026-03-29T03:30:00+02:00"}},
		{"Berlin autumn: 02:00-02:59 happens twice, both offered", "Europe/Berlin", "2026-10-25", []string{
			"2026-10-25T00:00:00+02:00", "2026-10-25T00:30:00+02:00", "2026-10-25T01:00:00+02:00", "2026-10-25T01:30:00+02:00",
			"2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-25T02:00:00+01:00", "2026-10-25T02:30:00+01:00",
			"2026-10-25T03:00:00+01:00", "2026-10-25T03:30:00+01:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := zone(t, tc.zone)
			in := Inputs{BusinessZone: loc, BusinessHours: []WeeklyInterval{weekly(Sunday, "00:00", "04:00")}, Resources: []Resource{staff("s")}}
			got := stamps(onDate(in, Query{Service: service(30)}, day(tc.date)), loc)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Business hours and a recurring weekday lunch blocker stay at the same
// local times on both sides of each change, while their UTC instants move.
func TestLocalTimesHoldAcrossDST(t *testing.T) {
	tests := []struct {
		zone          string
		before, after string // weekdays on either side of a change
	}{
		{"America/New_York", "2026-03-06", "2026-03-09"},
		{"America/New_York", "2026-10-30", "2026-11-02"},
		{"Europe/Berlin", "2026-03-27", "2026-03-30"},
		{"Europe/Berlin", "2026-10-23", "2026-10-26"},
	}
	want := []string{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"}
	for _, tc := range tests {
		t.Run(tc.zone+" "+tc.after, func(t *testing.T) {
			loc := zone(t, tc.zone)
			lunchStart := day("2026-01-05").At(hm("12:00"), loc) // a Monday in winter
			in := Inputs{
				BusinessZone:  loc,
				BusinessHours: everyDay("09:00", "17:00"),
				Resources:     []Resource{staff("s")},
				Blockers: []Blocker{{ID: "lunch", Title: "Lunch", Start: lunchStart, End: lunchStart.Add(time.Hour),
					RRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}},
			}
			q := Query{Service: service(30)}
			b, a := onDate(in, q, day(tc.before)), onDate(in, q, day(tc.after))
			for _, got := range [][]Slot{b, a} {
				if diff := cmp.Diff(want, clocks(got, loc)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			}
			if b[0].Start.UTC().Hour() == a[0].Start.UTC().Hour() {
				t.Errorf("09:00 local is %v UTC on both sides of the change", b[0].Start.UTC())
			}
		})
	}
}

func TestRecurringBlockerOccurrencesAcrossDST(t *testing.T) {
	ny := zone(t, "America/New_York")
	start := time.Date(2026, 3, 2, 12, 0, 0, 0, ny)
	b := Blocker{ID: "lunch", Start: start, End: start.Add(time.Hour), RRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}
	var got []string
	for _, o := range b.Occurrences(ny, time.Date(2026, 3, 6, 0, 0, 0, 0, ny), time.Date(2026, 3, 10, 0, 0, 0, 0, ny)) {
		got = append(got, o[0].UTC().Format(time.RFC3339)+"/"+o[1].UTC().Format("15:04"))
	}
	want := []string{"2026-03-06T17:00:00Z/18:00", "2026-03-09T16:00:00Z/17:00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	until := time.Date(2026, 3, 4, 23, 0, 0, 0, ny)
	b.Until = &until
	if n := len(b.Occurrences(ny, start, start.AddDate(0, 1, 0))); n != 3 {
		t.Errorf("with Until on Wednesday: %d occurrences, want 3", n)
	}
	b.Until = nil
	for rule, want := range map[string]int{
		"FREQ=DAILY;COUNT=2":                2,
		"FREQ=DAILY;UNTIL=20260304T170000Z": 3, // 12:00 EST on the 4th, an instant
		"FREQ=DAILY;UNTIL=20260304T120000":  3, // local wall time
		"FREQ=DAILY;UNTIL=20260304T165959Z": 2,
	} {
		b.RRule = rule
		if n := len(b.Occurrences(ny, start, start.AddDate(0, 1, 0))); n != want {
			t.Errorf("%s: %d occurrences, want %d", rule, n, want)
		}
	}
}

// A viewer in Tokyo asking about a Tokyo date sees the same instants as
// the business; only the printing changes.
func TestViewerZoneSeesSameInstants(t *testing.T) {
	ny, tokyo := zone(t, "America/New_York"), zone(t, "Asia/Tokyo")
	in := Inputs{BusinessZone: ny, BusinessHours: everyDay("09:00", "17:00"), Resources: []Resource{staff("s")}}
	svc := service(60)
	svc.SlotStep = time.Hour
	q := Query{Service: svc}
	// Tokyo's Monday runs from Sunday 11:00 to Monday 11:00 in New York.
	q.From, q.To = DayRange(day("2026-03-09"), tokyo)
	business := Available(in, q)
	q.Zone = tokyo
	viewer := Available(in, q)
	if diff := cmp.Diff(business, viewer); diff != "" {
		t.Errorf("instants differ (-business +viewer):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "09:00", "10:00"}, clocks(viewer, ny)); diff != "" {
		t.Errorf("New York clocks (-want +got):\n%s", diff)
	}
	if got := viewer[0].Start.Format(time.RFC3339); got != "2026-03-09T00:00:00+09:00" {
		t.Errorf("first slot prints %s in Tokyo", got)
	}
}
