package platform

import (
	"context"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/notify"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

func newID() string { return uuid.NewString() }

// validID reports whether id is a UUID (checked before it reaches SQL).
func validID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil && len(id) == 36
}

// NewBusiness is a business created from the console with its owner. With
// OwnerPassword the owner's account is created at once; without, the owner
// is invited by email to set a password.
type NewBusiness struct {
	Name, Subdomain, Plan, TimeZone      string
	OwnerEmail, OwnerName, OwnerPassword string
}

// CreateBusiness provisions a business and its owner (or owner invitation)
// atomically: if any part is refused, nothing exists.
func (a *Admin) CreateBusiness(ctx context.Context, p *access.Principal, n NewBusiness) (*BusinessDetail, error) {
	now := a.now()
	if n.Plan == "" {
		st, err := a.Store.Settings(ctx)
		if err != nil {
			return nil, err
		}
		n.Plan = st.DefaultPlan
	}
	var v errs.Validation
	owner, err := newOwner(n.OwnerEmail, n.OwnerName, n.OwnerPassword, now)
	v.Merge(errs.Renamed(err, asOwner))
	nt := tenancy.NewTenant{Name: n.Name, Slug: n.Subdomain, Plan: n.Plan, TimeZone: n.TimeZone}
	nt.Normalize()
	v.Merge(errs.Renamed(nt.Validate(), asSubdomain))
	if err := v.Err(); err != nil {
		return nil, err
	}
	prov := Provisioning{}
	var token string
	if n.OwnerPassword != "" {
		prov.Owner = owner
	} else {
		var hash []byte
		token, hash = identity.NewToken(identity.PrefixInvitation)
		prov.OwnerInvitation = &identity.Invitation{ID: newID(), Email: owner.Email, Role: access.TenantOwner, Name: owner.Name,
			InvitedBy: p.UserID, CreatedAt: now, ExpiresAt: now.Add(identity.InvitationTTL)}
		prov.InvitationHash = hash
	}
	actor := a.event(ctx, p, audit.Event{Action: audit.BusinessCreated})
	t, err := a.create(ctx, nt, func(ctx context.Context, t *tenancy.Tenant, domain string) error {
		prov.Tenant, prov.Domain = t, domain
		e := actor
		e.TenantID = t.ID
		e.Detail = map[string]any{"slug": t.Slug, "plan": t.Plan, "ownerEmail": owner.Email, "invited": token != ""}
		prov.Audit = []audit.Event{e}
		return a.Admin.Provision(ctx, prov)
	})
	if err != nil {
		return nil, errs.Renamed(errs.Renamed(err, asSubdomain), asOwner)
	}
	if token != "" {
		link := a.URL(a.host(t.Slug), "/accept-invitation?token="+url.QueryEscape(token))
		a.send(ctx, notify.Message{To: owner.Email, Subject: "Your business " + t.Name + " is ready", Link: link,
			Text: "Hello,\n\n" + t.Name + " has been set up for you. Choose your password within 7 days:\n\n" + link + "\n"})
	}
	return a.Admin.Business(ctx, t.ID, now)
}

// Business reads one business for the console.
func (a *Admin) Business(ctx context.Context, id string) (*BusinessDetail, error) {
	if !validID(id) {
		return nil, errs.E(errs.NotFound, "no business %q", id)
	}
	return a.Admin.Business(ctx, id, a.now())
}

// UpdateBusiness applies a console edit. Status changes go through
// SetStatus (suspend, activate) so their rules apply.
func (a *Admin) UpdateBusiness(ctx context.Context, p *access.Principal, id string, c BusinessChange) (*BusinessDetail, error) {
	var v errs.Validation
	if c.Name != nil {
		*c.Name = strings.TrimSpace(*c.Name)
		if n := len([]rune(*c.Name)); n == 0 || n > 100 {
			v.Add("name", "a name of 1 to 100 characters is required")
		}
	}
	if c.Plan != nil {
		v.Merge(tenancy.ValidatePlan("plan", *c.Plan))
	}
	if c.PrimaryColor != nil {
		v.Merge(tenancy.ValidateColor("primaryColor", *c.PrimaryColor))
	}
	if c.SecondaryColor != nil {
		v.Merge(tenancy.ValidateColor("secondaryColor", *c.SecondaryColor))
	}
	if c.TimeZone != nil {
		v.Merge(tenancy.ValidateTimeZone("timezone", *c.TimeZone))
	}
	if c.LogoURL != nil && *c.LogoURL != "" && !strings.HasPrefix(*c.LogoURL, "https://") {
		v.Add("logoUrl", "the logo must be an https:// URL")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if _, err := a.Business(ctx, id); err != nil {
		return nil, err
	}
	e := a.event(ctx, p, audit.Event{Action: audit.BusinessUpdated, TenantID: id, Detail: map[string]any{"plan": c.Plan, "name": c.Name}})
	if err := a.Admin.UpdateBusiness(ctx, id, c, e); err != nil {
		return nil, err
	}
	return a.Business(ctx, id)
}

// SetStatus suspends, activates or soft-deletes a business. Suspension and
// deletion take effect on every host at once: the tenants table notifies
// every serve process to drop its host cache.
func (a *Admin) SetStatus(ctx context.Context, p *access.Principal, id string, to tenancy.Status) (*BusinessDetail, error) {
	b, err := a.Business(ctx, id)
	if err != nil {
		return nil, err
	}
	transitions := map[tenancy.Status]struct {
		action audit.Action
		op     func(context.Context, string, ...audit.Event) (*tenancy.Tenant, error)
	}{
		tenancy.StatusSuspended: {audit.BusinessSuspended, a.Tenancy.Suspend},
		tenancy.StatusActive:    {audit.BusinessActivated, a.Tenancy.Activate},
		tenancy.StatusDeleted:   {audit.BusinessDeleted, a.Tenancy.Delete},
	}
	tr, ok := transitions[to]
	if !ok {
		return nil, errs.Field("status", "status can be changed to suspended, active or deleted, not %q", to)
	}
	// The status change and its event are one transaction. Asking for the
	// status a business already has changes nothing; it is still audited
	// (as it always was), on its own.
	e := audit.Event{Action: tr.action, TenantID: id, Detail: map[string]any{"slug": b.Slug, "from": string(b.Status)}}
	if b.Status == to {
		if _, err := tr.op(ctx, b.Slug); err != nil {
			return nil, err
		}
		a.record(ctx, p, e)
	} else if _, err := tr.op(ctx, b.Slug, a.event(ctx, p, e)); err != nil {
		return nil, err
	}
	return a.Business(ctx, id)
}

// SetOverrides replaces a business's overrides of its plan.
func (a *Admin) SetOverrides(ctx context.Context, p *access.Principal, id string, o Overrides) (*BusinessDetail, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if _, err := a.Business(ctx, id); err != nil {
		return nil, err
	}
	e := a.event(ctx, p, audit.Event{Action: audit.OverridesChanged, TenantID: id, Detail: map[string]any{"limits": o.Limits, "features": o.Features}})
	if err := a.Store.SetOverrides(ctx, id, o, e); err != nil {
		return nil, err
	}
	return a.Business(ctx, id)
}

// Export streams a JSON archive of a business to w.
func (a *Admin) Export(ctx context.Context, p *access.Principal, id string, w io.Writer) error {
	if !validID(id) {
		return errs.E(errs.NotFound, "no business %q", id)
	}
	if err := a.Admin.Export(ctx, id, w); err != nil {
		return err
	}
	a.record(ctx, p, audit.Event{Action: audit.BusinessExported, TenantID: id})
	return nil
}

// Cleanup is what PurgeExpired did.
type Cleanup struct {
	DemosDeleted []tenancy.Tenant // expired demos soft-deleted
	Purged       []tenancy.Tenant // schemas dropped for good
}

// ExpireDemos soft-deletes demo businesses past their expiry.
func (a *Admin) ExpireDemos(ctx context.Context) ([]tenancy.Tenant, error) {
	list, err := a.Admin.ExpiredDemos(ctx, a.now())
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		e := a.event(ctx, nil, audit.Event{Action: audit.BusinessDeleted, TenantID: t.ID, Detail: map[string]any{"slug": t.Slug, "reason": "demo expired"}})
		if _, err := a.Tenancy.Delete(ctx, t.Slug, e); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// PurgeExpired soft-deletes expired demos, then purges for good every
// business deleted longer than retention ago, and every deleted demo (demo
// data is synthetic: nothing to keep).
func (a *Admin) PurgeExpired(ctx context.Context, retention time.Duration) (Cleanup, error) {
	var c Cleanup
	var err error
	if c.DemosDeleted, err = a.ExpireDemos(ctx); err != nil {
		return c, err
	}
	list, err := a.Admin.Purgeable(ctx, a.now().Add(-retention))
	if err != nil {
		return c, err
	}
	for _, t := range list {
		e := a.event(ctx, nil, audit.Event{Action: audit.BusinessPurged, TenantID: t.ID, Detail: map[string]any{"slug": t.Slug, "deletedAt": t.DeletedAt}})
		if err := a.Tenancy.Purge(ctx, t.Slug, e); err != nil {
			return c, err
		}
		c.Purged = append(c.Purged, t)
	}
	return c, nil
}
