// Package tenancy is the domain of tenants (the businesses on the platform),
// their domains, and how a request's host names the site it is for. It
// imports neither HTTP nor SQL: storage is the Store interface.
package tenancy

import (
	"context"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // IANA zones are valid on machines without tzdata

	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Status is where a tenant is in its life.
type Status string

const (
	StatusTrial     Status = "trial"
	StatusActive    Status = "active"
	StatusSuspended Status = "suspended"
	StatusDeleted   Status = "deleted" // soft-deleted: schema kept until purged
)

// Policies are the business rules a tenant sets for its customers and staff.
type Policies struct {
	ResourcesCanReschedule     bool
	RequirePaymentMethodToBook bool
	CancellationWindowHours    int
	LateCancellationFeePercent int
}

// Tenant is one business on the platform.
type Tenant struct {
	ID       string
	Slug     string
	Schema   string // generated from the slug, never from input
	Name     string
	Status   Status
	Plan     string
	TimeZone string
	// Zone is TimeZone loaded, once, when a host resolves to the tenant
	// (Resolver); nil on tenants read otherwise, and when the stored name
	// is no zone, which every write of it refuses (ValidateTimeZone).
	Zone           *time.Location
	PrimaryColor   string
	SecondaryColor string
	LogoURL        string
	IsDemo         bool
	ExpiresAt      *time.Time
	Policies       Policies
	// ApprovalRequired: platform support may enter only with the owner's grant.
	ApprovalRequired bool
	SchemaVersion    int
	CreatedAt        time.Time
	UpdatedAt        time.Time
	DeletedAt        *time.Time
}

// Live reports whether the tenant's site answers at all (suspended tenants
// answer 403, deleted ones 404).
func (t *Tenant) Live() bool { return t.Status != StatusDeleted }

// Domain is a host name that reaches a tenant.
type Domain struct {
	Domain   string
	TenantID string
	Primary  bool
	Custom   bool
	Verified bool
}

var (
	slugRE  = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$`)
	colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
)

// reserved are names that can never be a tenant's slug: they are hosts of the
// platform itself, or would confuse users and mail.
var reserved = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`platform www api admin app static assets mail smtp imap pop ftp
		ns ns1 ns2 dns mx email webmail blog docs help support status cdn media files img images
		auth login logout signup register account accounts billing dashboard console root
		system test demo dev staging prod production internal localhost ws wss metrics health
		public private secure security smoothschedule schedule booking`) {
		reserved[s] = true
	}
}

// Reserved reports whether slug is kept for the platform.
func Reserved(slug string) bool { return reserved[slug] }

// ValidateSlug checks a subdomain label for a tenant.
func ValidateSlug(slug string) error {
	const loc = "body.slug"
	switch {
	case slug == "":
		return errs.Field(loc, "slug is required")
	case len(slug) > 48:
		return errs.Field(loc, "slug %q is too long: at most 48 characters", slug)
	case slug != strings.ToLower(slug):
		return errs.Field(loc, "slug %q must be lowercase", slug)
	case !slugRE.MatchString(slug):
		return errs.Field(loc, "slug %q may contain only lowercase letters, digits and inner hyphens (like acme-salon)", slug)
	case Reserved(slug):
		return errs.Field(loc, "slug %q is reserved for the platform; choose another", slug)
	}
	return nil
}

// SchemaFor is the PostgreSQL schema of a slug. Slugs have no underscores,
// so the mapping is one-to-one.
func SchemaFor(slug string) string { return "t_" + strings.ReplaceAll(slug, "-", "_") }

// ValidateTimeZone checks an IANA zone name.
func ValidateTimeZone(loc, tz string) error {
	if tz == "" {
		return errs.Field(loc, "time zone is required")
	}
	if tz == "Local" || strings.HasPrefix(tz, "/") || strings.Contains(tz, "..") {
		return errs.Field(loc, "unknown time zone %q: use an IANA name like Europe/Berlin", tz)
	}
	if _, err := time.LoadLocation(tz); err != nil {
		return errs.Field(loc, "unknown time zone %q: use an IANA name like Europe/Berlin", tz)
	}
	return nil
}

// ValidatePlan checks the form of a plan key. Plans are data (shared.plans,
// edited by the operator); the database refuses a key that names none, and
// the store reports it as an unknown plan.
func ValidatePlan(loc, plan string) error {
	if plan == "" || len(plan) > 40 || strings.Trim(plan, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return errs.Field(loc, "unknown plan %q: plans are keys like free or professional", plan)
	}
	return nil
}

// ValidateColor checks a #rrggbb colour.
func ValidateColor(loc, c string) error {
	if !colorRE.MatchString(c) {
		return errs.Field(loc, "colour %q must look like #1a2b3c", c)
	}
	return nil
}

// NewTenant is what it takes to create a tenant.
type NewTenant struct {
	Name     string
	Slug     string
	Plan     string // default "free"
	TimeZone string // default "UTC"
	Status   Status // default active
	Demo     bool
	DemoTTL  time.Duration // default 7 days
}

// Normalize trims input and fills defaults.
func (n *NewTenant) Normalize() {
	n.Name = strings.TrimSpace(n.Name)
	n.Slug = strings.TrimSpace(n.Slug)
	if n.Plan == "" {
		n.Plan = "free"
	}
	if n.TimeZone == "" {
		n.TimeZone = "UTC"
	}
	if n.Status == "" {
		n.Status = StatusActive
		if n.Demo {
			n.Status = StatusTrial
		}
	}
	if n.Demo && n.DemoTTL == 0 {
		n.DemoTTL = 7 * 24 * time.Hour
	}
}

// Validate reports every problem with n at once.
func (n *NewTenant) Validate() error {
	var v errs.Validation
	switch l := len([]rune(n.Name)); {
	case l == 0:
		v.Add("body.name", "name is required")
	case l > 100:
		v.Add("body.name", "name is too long: at most 100 characters")
	}
	for _, err := range []error{
		ValidateSlug(n.Slug),
		ValidateTimeZone("body.timezone", n.TimeZone),
		ValidatePlan("body.plan", n.Plan),
	} {
		if e, ok := err.(*errs.Error); ok {
			for _, f := range e.Fields {
				v.Add(f.Location, "%s", f.Message)
			}
		}
	}
	switch n.Status {
	case StatusTrial, StatusActive:
	default:
		v.Add("body.status", "a new tenant starts as trial or active, not %q", n.Status)
	}
	return v.Err()
}

// Filter narrows a tenant listing.
type Filter struct {
	Search         string
	Status         Status
	Plan           string
	IncludeDeleted bool
	Limit, Offset  int
}

// Store keeps tenants and domains.
type Store interface {
	// Create inserts the tenant and its primary domain and provisions its
	// schema at head, atomically. A taken slug is a Conflict naming it.
	Create(ctx context.Context, t *Tenant, primaryDomain string) error
	BySlug(ctx context.Context, slug string) (*Tenant, error)
	ByID(ctx context.Context, id string) (*Tenant, error)
	List(ctx context.Context, f Filter) ([]Tenant, int, error)
	// SetStatus changes the status and writes events (the audit events
	// recording the change) in the same transaction.
	SetStatus(ctx context.Context, id string, s Status, events ...audit.Event) error
	// Purge drops the schema and every row of a soft-deleted tenant, and
	// writes events, in one transaction.
	Purge(ctx context.Context, id string, events ...audit.Event) error
	// ByHost finds the live tenant a domain reaches, with the domain row.
	ByHost(ctx context.Context, host string) (*Tenant, *Domain, error)
	AddDomain(ctx context.Context, d Domain) error
	VerifyDomain(ctx context.Context, domain string) error
}
