package scheduling_test

import (
	"fmt"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// A salon open Monday 09:00-17:00 with one stylist: list Monday's
// 60-minute slots, book one, and ask why a taken time is not offered.
func Example() {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	monday, _ := scheduling.ParseDate("2026-06-01")

	in := scheduling.Inputs{
		BusinessZone: berlin,
		BusinessHours: []scheduling.WeeklyInterval{
			{DayOfWeek: scheduling.Monday, Open: scheduling.Clock(9, 0), Close: scheduling.Clock(17, 0)},
		},
		Resources: []scheduling.Resource{{ID: "anna", Name: "Anna", Type: scheduling.Staff, Capacity: 1, IsActive: true}},
		Blockers: []scheduling.Blocker{{
			ID: "lunch", Title: "Lunch", RRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
			Start: monday.At(scheduling.Clock(12, 0), berlin), End: monday.At(scheduling.Clock(13, 0), berlin),
		}},
	}
	cut := scheduling.Service{
		ID: "cut", Name: "Haircut", Duration: time.Hour, SlotStep: time.Hour,
		BufferAfter: 15 * time.Minute, Currency: "EUR", IsActive: true,
	}

	// An existing appointment, with its clean-up buffer, holds Anna 10:00-11:15.
	in.Bookings = scheduling.BookingsOf(scheduling.Appointment{
		ID: "apt-1", ServiceID: "cut", ResourceIDs: []string{"anna"}, Status: scheduling.Confirmed,
		Start: monday.At(scheduling.Clock(10, 0), berlin), Duration: time.Hour,
	}, cut)

	// 09:00 is gone too: its clean-up buffer would run into apt-1.
	q := scheduling.Query{Service: cut, Now: monday.At(0, berlin)}
	q.From, q.To = scheduling.DayRange(monday, berlin)
	for _, s := range scheduling.Available(in, q) {
		fmt.Println(s.Start.Format("15:04"), s.Pick())
	}

	// 11:00 is taken by the buffer of apt-1, and its own buffer would run
	// into lunch.
	for _, r := range scheduling.WhyNot(in, q, monday.At(scheduling.Clock(11, 0), berlin)) {
		fmt.Println(r.Code, r.BlockerID+r.AppointmentID, "until", r.Until.Format("15:04"))
	}
	// Output:
	// 13:00 [anna]
	// 14:00 [anna]
	// 15:00 [anna]
	// 16:00 [anna]
	// blocked lunch until 13:00
	// booked apt-1 until 11:15
}

// Money is entered as text, stored in cents, and shown with two decimals.
func ExampleParseMoney() {
	price, err := scheduling.ParseMoney("49.9")
	fmt.Println(price, err)
	terms := scheduling.CancellationTerms(
		scheduling.CancellationPolicy{WindowHours: 24, LateFeePercent: 50},
		time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC),  // appointment start
		time.Date(2026, 5, 31, 18, 0, 0, 0, time.UTC), // now: 16 hours before
		price)
	fmt.Println(terms.Allowed, terms.Late, terms.Fee)
	// Output:
	// 49.90 <nil>
	// true true 24.95
}
