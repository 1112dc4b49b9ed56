package scheduling

import (
	"testing"
	"time"
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func hm(s string) TimeOfDay {
	t, err := ParseTimeOfDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func weekly(d Weekday, open, close string) WeeklyInterval {
	return WeeklyInterval{DayOfWeek: d, Open: hm(open), Close: hm(close)}
}

func everyDay(open, close string) []WeeklyInterval {
	var w []WeeklyInterval
	for d := Monday; d <= Sunday; d++ {
		w = append(w, weekly(d, open, close))
	}
	return w
}

func staff(id string) Resource {
	return Resource{ID: id, Name: id, Type: Staff, Capacity: 1, IsActive: true}
}

func service(minutes int) Service {
	return Service{ID: "svc", Name: "Cut", Duration: time.Duration(minutes) * time.Minute, Currency: "EUR", IsActive: true}
}

func ptr[T any](v T) *T { return &v }

// clocks formats slot starts as local "15:04" in loc.
func clocks(slots []Slot, loc *time.Location) []string {
	out := []string{}
	for _, s := range slots {
		out = append(out, s.Start.In(loc).Format("15:04"))
	}
	return out
}

// stamps formats slot starts as RFC 3339 in loc.
func stamps(slots []Slot, loc *time.Location) []string {
	out := []string{}
	for _, s := range slots {
		out = append(out, s.Start.In(loc).Format(time.RFC3339))
	}
	return out
}

// onDate runs Available over one local date of the business zone.
func onDate(in Inputs, q Query, d Date) []Slot {
	q.From, q.To = DayRange(d, in.BusinessZone)
	return Available(in, q)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
