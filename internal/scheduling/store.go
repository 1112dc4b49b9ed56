package scheduling

import (
	"context"
	"time"
)

// Store opens units of work on the scheduling data of business b.
// Everything fn does through its Repo happens in one database transaction:
// committed when fn returns nil, rolled back otherwise.
type Store interface {
	Tx(ctx context.Context, b Business, fn func(Repo) error) error
}

// Repo is the scheduling data of one tenant, inside one transaction. Lookups
// of an unknown ID return an errs.NotFound error.
type Repo interface {
	ResourceRepo
	ServiceRepo
	HoursRepo
	BlockerRepo
	CustomerRepo
	AppointmentRepo
	// Inputs loads what the availability engine needs for start times in
	// [from, to): hours, overrides, resources, and the blockers and
	// bookings overlapping the window widened by margin (the longest
	// buffers and duration) on both sides.
	Inputs(ctx context.Context, from, to time.Time, margin time.Duration) (Inputs, error)
}

// ResourceRepo stores resources and their own weekly hours.
type ResourceRepo interface {
	ListResources(ctx context.Context, activeOnly bool) ([]Resource, error)
	GetResource(ctx context.Context, id string) (*Resource, error)
	CreateResource(ctx context.Context, r *Resource) error
	UpdateResource(ctx context.Context, r *Resource) error
	DeleteResource(ctx context.Context, id string) error
}

// ServiceRepo stores services.
type ServiceRepo interface {
	ListServices(ctx context.Context, activeOnly bool) ([]Service, error)
	GetService(ctx context.Context, id string) (*Service, error)
	CreateService(ctx context.Context, s *Service) error
	UpdateService(ctx context.Context, s *Service) error
	DeleteService(ctx context.Context, id string) error
}

// HoursRepo stores the business's week and its date overrides.
type HoursRepo interface {
	BusinessHours(ctx context.Context) ([]WeeklyInterval, error)
	SetBusinessHours(ctx context.Context, week []WeeklyInterval) error
	ListOverrides(ctx context.Context) ([]OverrideRow, error)
	CreateOverride(ctx context.Context, o *OverrideRow) error
	DeleteOverride(ctx context.Context, id string) error
}

// OverrideRow is one stored row of a date override: a closed day, or one
// interval of special hours.
type OverrideRow struct {
	ID         string
	ResourceID *string
	Date       Date
	Closed     bool
	Open       TimeOfDay
	Close      TimeOfDay
	Note       string
}

// BlockerRepo stores blockers.
type BlockerRepo interface {
	// ListBlockers returns the blockers that may block time in [from, to)
	// (recurring ones whose series has started); zero times are open ends.
	ListBlockers(ctx context.Context, from, to time.Time, resourceID string) ([]Blocker, error)
	GetBlocker(ctx context.Context, id string) (*Blocker, error)
	CreateBlocker(ctx context.Context, b *Blocker) error
	UpdateBlocker(ctx context.Context, b *Blocker) error
	DeleteBlocker(ctx context.Context, id string) error
}

// CustomerFilter selects customers.
type CustomerFilter struct {
	Search string // name, email or phone contains
	Status CustomerStatus
	Tag    string
	Limit  int
	Offset int
}

// CustomerRepo stores customers.
type CustomerRepo interface {
	ListCustomers(ctx context.Context, f CustomerFilter) ([]Customer, int, error)
	GetCustomer(ctx context.Context, id string) (*Customer, error)
	// EnsureCustomer returns the customer with c's email (case-insensitive),
	// creating it from c when there is none (created reports which).
	EnsureCustomer(ctx context.Context, c *Customer) (cust *Customer, created bool, err error)
	CustomerByUser(ctx context.Context, userID string) (*Customer, error)
	CreateCustomer(ctx context.Context, c *Customer) error
	UpdateCustomer(ctx context.Context, c *Customer) error
	DeleteCustomer(ctx context.Context, id string) error
	// RecordVisit adds amount to the customer's total spend and moves their
	// last visit to at if it is later.
	RecordVisit(ctx context.Context, customerID string, amount Money, at time.Time) error
	SetPaymentMethod(ctx context.Context, customerID, paymentMethodID string) error
}

// AppointmentFilter selects appointments for the scheduler and lists.
type AppointmentFilter struct {
	From, To    time.Time // overlapping [From, To); zero: open
	ResourceIDs []string
	Statuses    []Status
	CustomerID  string
	ServiceID   string
	Limit       int
	Offset      int
}

// AppointmentRepo stores appointments and the time they hold. Creating or
// updating an appointment writes its per-resource holds, and the database
// refuses holds that overlap another appointment's on a resource beyond its
// capacity: the result is an errs.Conflict error whose
// "conflictingAppointmentId" extension names the appointment in the way.
type AppointmentRepo interface {
	ListAppointments(ctx context.Context, f AppointmentFilter) ([]Record, int, error)
	// GetAppointment reads an appointment and locks it for the transaction.
	GetAppointment(ctx context.Context, id string) (*Record, error)
	AppointmentByIdempotencyKey(ctx context.Context, key string) (*Record, error)
	CreateAppointment(ctx context.Context, r *Record) error
	UpdateAppointment(ctx context.Context, r *Record) error
	DeleteAppointment(ctx context.Context, id string) error
	// LoadByResource counts the active appointments of each resource that
	// start in [from, to), for fair assignment.
	LoadByResource(ctx context.Context, from, to time.Time) (map[string]int, error)
	// Summary computes the dashboard figures over [from, to).
	Summary(ctx context.Context, from, to time.Time, zone *time.Location) (*Summary, error)
	// CountForQuota counts what a plan limits: resources, services, or
	// appointments created since the start of now's month (UTC); for
	// resources and services it first takes a per-business lock that the
	// transaction holds.
	CountForQuota(ctx context.Context, q Quota, now time.Time) (int, error)
	// RecordBooking counts one appointment of the unit of work's business
	// booked at "at" in the platform's metrics, in the same transaction.
	RecordBooking(ctx context.Context, at time.Time) error
	// CountBooking reserves one online booking for key under limit,
	// atomically: 0 when reserved, otherwise (nothing reserved) how long
	// until the key's window ends.
	CountBooking(ctx context.Context, key string, limit BookingLimit, now time.Time) (time.Duration, error)
}

// Record is a stored appointment with what the API shows along with it.
type Record struct {
	Appointment
	// BufferBefore and BufferAfter are copied from the service at booking.
	BufferBefore, BufferAfter time.Duration
	// GroupSeats is the service's number of seats when it is a group
	// class (> 1): its participants share one seat of each resource.
	GroupSeats      int
	Price           Money
	Currency        string
	CancellationFee Money
	IdempotencyKey  string
	IdempotencyHash string
	CreatedBy       *string
	CustomerName    string
	CustomerUserID  *string
	// BookerName and BookerPhone are what an anonymous online booker
	// typed; PaymentMethodID is the payment method given with the booking.
	// They are kept on the appointment because the customer record the
	// booking is attached to (found by an unverified email) is not theirs
	// to read or change.
	BookerName      string
	BookerPhone     string
	PaymentMethodID string
	ServiceName     string
	CreatedAt       time.Time
	UpdatedAt       time.Time
	CancelledAt     *time.Time
}

// Summary is the business dashboard over a date range.
type Summary struct {
	Revenue          Money
	Currency         string
	Appointments     int
	Completed        int
	Cancelled        int
	NoShows          int
	NewCustomers     int
	AverageTicket    Money
	NoShowRate       float64 // no-shows / (completed + no-shows)
	Days             []DaySummary
	Utilisation      []ResourceUse
	OpenMinutesTotal int
}

// DaySummary is one day of the dashboard's series.
type DaySummary struct {
	Date         Date
	Revenue      Money
	Appointments int
	NewCustomers int
}

// ResourceUse is one resource's booked share of the period.
type ResourceUse struct {
	ResourceID    string
	Name          string
	BookedMinutes int
	OpenMinutes   int
	Utilisation   float64 // booked / open, 0 when never open
}
