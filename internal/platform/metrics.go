package platform

import "time"

// Metrics is the platform dashboard over a period [From, To).
type Metrics struct {
	From, To           time.Time
	ActiveTenants      int // at the end of the period (trial or active, demo excluded)
	PayingTenants      int
	NewTenants         int
	ChurnedTenants     int     // became suspended or deleted during the period
	ChurnRate          float64 // churned / active at the start (0 when none were)
	MRR                string  // at the end of the period, monthly equivalent
	Currency           string
	MRRByPlan          []PlanMRR
	AppointmentsBooked int
	ActiveUsers        int // signed in during the period
	Series             []Day
}

// PlanMRR is one plan's share at the end of the period.
type PlanMRR struct {
	Plan          string
	Name          string
	ActiveTenants int
	PayingTenants int
	MRR           string
}

// Day is one point of the dashboard's charts.
type Day struct {
	Date          string // YYYY-MM-DD (UTC)
	ActiveTenants int
	MRR           string
	NewTenants    int
	Churned       int
	Appointments  int
}
