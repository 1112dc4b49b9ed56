package platform

import (
	"context"
	"io"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// DeletedRetention is how long a soft-deleted business's data is kept (for
// export or undo) before `tenant purge-expired` drops it.
const DeletedRetention = 30 * 24 * time.Hour

// BusinessFilter narrows and orders the businesses console. Search matches
// the name, the subdomain and the owner's email.
type BusinessFilter struct {
	Search   string
	Status   tenancy.Status
	Plan     string
	Ordering string // one of BusinessOrderings
	Limit    int
	Offset   int
}

// BusinessOrderings are the accepted values of BusinessFilter.Ordering.
var BusinessOrderings = []string{"name", "-name", "created_at", "-created_at", "subdomain", "-subdomain", "plan", "-plan", "status", "-status"}

// Owner is a business's (first) TENANT_OWNER.
type Owner struct {
	ID, Email, Name string
}

// BusinessRow is one business as the list shows it: shared-schema facts only.
type BusinessRow struct {
	tenancy.Tenant
	Owner *Owner // nil: no owner yet (an invitation is pending)
	Users int    // staff users (customers excluded)
}

// Usage counts what a business uses against its limits.
type Usage struct {
	Users, Resources, Services, AppointmentsThisMonth int
}

// BusinessDetail is one business with its usage, domains and activity.
type BusinessDetail struct {
	BusinessRow
	Domains      []tenancy.Domain
	Usage        Usage
	LastActivity *time.Time // the latest sign-in of any of its users
	Entitlements Entitlements
}

// BusinessChange is a partial update from the console (nil: unchanged).
type BusinessChange struct {
	Name           *string
	Plan           *string
	PrimaryColor   *string
	SecondaryColor *string
	LogoURL        *string
	TimeZone       *string
}

// Provisioning is a new business with its first owner, created atomically:
// the tenant row, its domain and schema, then either the owner's account
// (Owner set) or an owner invitation (OwnerInvitation set), and overrides.
type Provisioning struct {
	Tenant          *tenancy.Tenant
	Domain          string
	Owner           *identity.Account
	OwnerInvitation *identity.Invitation
	InvitationHash  []byte
	Overrides       *Overrides
	// DemoData fills the new schema with a realistic week-by-week business
	// (resources, services, hours, customers, appointments).
	DemoData bool
	// Audit are the events recording the provisioning, written in its
	// transaction.
	Audit []audit.Event
}

// UserFilter narrows the users console.
type UserFilter struct {
	Search     string // email or name
	Role       string
	BusinessID string
	Status     string
	Limit      int
	Offset     int
}

// UserRow is a user as the platform sees it, with its business.
type UserRow struct {
	identity.User
	BusinessName, BusinessSlug string
}

// AdminStore keeps what the platform console reads and changes beyond plans.
// Lookups that find nothing return errs.NotFound. Methods that change
// something take the audit events recording the change and write them in
// the same transaction.
type AdminStore interface {
	Businesses(ctx context.Context, f BusinessFilter) ([]BusinessRow, int, error)
	// Business reads a business, its owner, domains, last activity and its
	// usage (one tenant transaction) and its entitlements.
	Business(ctx context.Context, id string, now time.Time) (*BusinessDetail, error)
	UpdateBusiness(ctx context.Context, id string, c BusinessChange, events ...audit.Event) error
	Provision(ctx context.Context, p Provisioning) error
	// Export writes a JSON archive of the business: its shared rows and
	// every table of its schema, streamed.
	Export(ctx context.Context, id string, w io.Writer) error
	// Purgeable lists soft-deleted businesses that may be dropped: those
	// deleted before t, and deleted demos whatever their age.
	Purgeable(ctx context.Context, t time.Time) ([]tenancy.Tenant, error)
	// ExpiredDemos lists live demo businesses whose expiry is before t.
	ExpiredDemos(ctx context.Context, t time.Time) ([]tenancy.Tenant, error)

	// StaffSeats counts a business's staff users (customers excluded) and
	// its pending staff invitations, for the MaxUsers limit.
	StaffSeats(ctx context.Context, tenantID string) (int, error)
	// DeletePlan removes a plan; a plan still in use is a Conflict.
	DeletePlan(ctx context.Context, key string, events ...audit.Event) error

	Users(ctx context.Context, f UserFilter) ([]UserRow, int, error)
	User(ctx context.Context, id string) (*UserRow, error)

	BusinessInvitationStore
}
