package httpapi

import (
	"context"
	"strconv"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// MetricPoint is one day of a chart.
type MetricPoint struct {
	Date  string  `json:"date"`
	Value float64 `json:"value"`
}

// MetricSeries are the dashboard's charts, one point a day.
type MetricSeries struct {
	MRR           []MetricPoint `json:"mrr"`
	ActiveTenants []MetricPoint `json:"activeTenants"`
	NewTenants    []MetricPoint `json:"newTenants"`
	Churn         []MetricPoint `json:"churn" doc:"businesses lost that day / active at its start"`
	Appointments  []MetricPoint `json:"appointments"`
}

// PlanShare is one plan's part of the platform at the end of the period.
type PlanShare struct {
	Plan   string `json:"plan"`
	Name   string `json:"name"`
	Count  int    `json:"count" doc:"active businesses"`
	Paying int    `json:"paying"`
	MRR    string `json:"mrr"`
}

// MetricsBody is the platform dashboard over [startDate, endDate].
type MetricsBody struct {
	StartDate      string       `json:"startDate"`
	EndDate        string       `json:"endDate"`
	MRR            string       `json:"mrr" doc:"monthly recurring revenue at the end of the period"`
	Currency       string       `json:"currency"`
	ActiveTenants  int          `json:"activeTenants"`
	PayingTenants  int          `json:"payingTenants"`
	NewTenants     int          `json:"newTenants"`
	ChurnedTenants int          `json:"churnedTenants"`
	ChurnRate      float64      `json:"churnRate" doc:"churned / active at the start, 0..1"`
	Appointments   int          `json:"appointments" doc:"appointments booked in the period"`
	ActiveUsers    int          `json:"users" doc:"users who signed in during the period"`
	Series         MetricSeries `json:"series"`
	PlanBreakdown  []PlanShare  `json:"planBreakdown"`
}

type metricsIn struct {
	StartDate string `query:"start_date" maxLength:"10" doc:"YYYY-MM-DD, default 29 days before end_date"`
	EndDate   string `query:"end_date" maxLength:"10" doc:"YYYY-MM-DD (inclusive), default today (UTC)"`
}

type metricsOut struct{ Body MetricsBody }

func (s *Server) platformMetrics(ctx context.Context, in *metricsIn) (*metricsOut, error) {
	end := s.Now().UTC().Truncate(24 * time.Hour)
	var v errs.Validation
	if in.EndDate != "" {
		d, err := time.Parse(time.DateOnly, in.EndDate)
		if err != nil {
			v.Add("query.end_date", "end_date must be a date like 2026-03-31")
		}
		end = d
	}
	start := end.AddDate(0, 0, -29)
	if in.StartDate != "" {
		d, err := time.Parse(time.DateOnly, in.StartDate)
		if err != nil {
			v.Add("query.start_date", "start_date must be a date like 2026-03-01")
		}
		start = d
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	switch days := int(end.Sub(start).Hours()/24) + 1; {
	case days < 1:
		return nil, errs.Field("query.start_date", "start_date must not be after end_date")
	case days > 731:
		return nil, errs.Field("query.start_date", "the period can be at most two years")
	}
	m, err := s.Platform.Metrics(ctx, start, end.AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	out := &metricsOut{Body: MetricsBody{StartDate: start.Format(time.DateOnly), EndDate: end.Format(time.DateOnly), MRR: m.MRR,
		Currency: m.Currency, ActiveTenants: m.ActiveTenants, PayingTenants: m.PayingTenants, NewTenants: m.NewTenants,
		ChurnedTenants: m.ChurnedTenants, ChurnRate: m.ChurnRate, Appointments: m.AppointmentsBooked, ActiveUsers: m.ActiveUsers,
		PlanBreakdown: []PlanShare{}}}
	sr := &out.Body.Series
	prevActive := 0
	if len(m.Series) > 0 {
		prevActive = m.Series[0].ActiveTenants - m.Series[0].NewTenants + m.Series[0].Churned
	}
	for _, d := range m.Series {
		mrr, _ := strconv.ParseFloat(d.MRR, 64)
		churn := 0.0
		if prevActive > 0 {
			churn = float64(d.Churned) / float64(prevActive)
		}
		sr.MRR = append(sr.MRR, MetricPoint{d.Date, mrr})
		sr.ActiveTenants = append(sr.ActiveTenants, MetricPoint{d.Date, float64(d.ActiveTenants)})
		sr.NewTenants = append(sr.NewTenants, MetricPoint{d.Date, float64(d.NewTenants)})
		sr.Churn = append(sr.Churn, MetricPoint{d.Date, churn})
		sr.Appointments = append(sr.Appointments, MetricPoint{d.Date, float64(d.Appointments)})
		prevActive = d.ActiveTenants
	}
	for _, p := range m.MRRByPlan {
		out.Body.PlanBreakdown = append(out.Body.PlanBreakdown, PlanShare{Plan: p.Plan, Name: p.Name, Count: p.ActiveTenants, Paying: p.PayingTenants, MRR: p.MRR})
	}
	return out, nil
}
