package httpapi

import "context"

// DashboardOut is the business dashboard of a date range.
type DashboardOut struct {
	StartDate     string            `json:"startDate"`
	EndDate       string            `json:"endDate"`
	Revenue       string            `json:"revenue" doc:"completed appointments at their price"`
	Currency      string            `json:"currency"`
	Appointments  int               `json:"appointments" doc:"not cancelled"`
	Completed     int               `json:"completed"`
	Cancelled     int               `json:"cancelled"`
	NoShows       int               `json:"noShows"`
	NewCustomers  int               `json:"newCustomers"`
	AverageTicket string            `json:"averageTicket"`
	NoShowRate    float64           `json:"noShowRate" doc:"no-shows / (completed + no-shows)"`
	Utilisation   []ResourceUseOut  `json:"utilisation"`
	Series        []DashboardDayOut `json:"series"`
}

// ResourceUseOut is one resource's booked share of its open time.
type ResourceUseOut struct {
	ResourceID    string  `json:"resourceId"`
	Name          string  `json:"name"`
	BookedMinutes int     `json:"bookedMinutes"`
	OpenMinutes   int     `json:"openMinutes"`
	Utilisation   float64 `json:"utilisation" doc:"0..1 (can exceed 1 when booked outside hours)"`
}

// DashboardDayOut is one day of the charts.
type DashboardDayOut struct {
	Date         string `json:"date"`
	Revenue      string `json:"revenue"`
	Appointments int    `json:"appointments"`
	NewCustomers int    `json:"newCustomers"`
}

type dashboardIn struct {
	StartDate string `query:"start_date" required:"true"`
	EndDate   string `query:"end_date" required:"true" doc:"inclusive"`
}

func (s *Server) dashboard(ctx context.Context, in *dashboardIn) (*struct{ Body DashboardOut }, error) {
	first, err := queryDate("start_date", in.StartDate)
	if err != nil {
		return nil, err
	}
	last, err := queryDate("end_date", in.EndDate)
	if err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	sum, err := s.Scheduling.Dashboard(ctx, b, first, last)
	if err != nil {
		return nil, err
	}
	out := DashboardOut{StartDate: first.String(), EndDate: last.String(), Revenue: sum.Revenue.String(), Currency: sum.Currency,
		Appointments: sum.Appointments, Completed: sum.Completed, Cancelled: sum.Cancelled, NoShows: sum.NoShows,
		NewCustomers: sum.NewCustomers, AverageTicket: sum.AverageTicket.String(), NoShowRate: sum.NoShowRate,
		Utilisation: []ResourceUseOut{}, Series: []DashboardDayOut{}}
	for _, u := range sum.Utilisation {
		out.Utilisation = append(out.Utilisation, ResourceUseOut(u))
	}
	for _, d := range sum.Days {
		out.Series = append(out.Series, DashboardDayOut{Date: d.Date.String(), Revenue: d.Revenue.String(), Appointments: d.Appointments, NewCustomers: d.NewCustomers})
	}
	return &struct{ Body DashboardOut }{out}, nil
}
