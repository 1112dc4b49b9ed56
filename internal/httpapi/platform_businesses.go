package httpapi

import (
	"context"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// BusinessOwner is a business's owner.
type BusinessOwner struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// BusinessItem is a business in the platform's list.
type BusinessItem struct {
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	Subdomain      string         `json:"subdomain"`
	Status         string         `json:"status" enum:"trial,active,suspended,deleted"`
	Plan           string         `json:"plan"`
	IsDemo         bool           `json:"isDemo"`
	ExpiresAt      *time.Time     `json:"expiresAt"`
	Timezone       string         `json:"timezone"`
	PrimaryColor   string         `json:"primaryColor"`
	SecondaryColor string         `json:"secondaryColor"`
	LogoURL        string         `json:"logoUrl"`
	Owner          *BusinessOwner `json:"owner"`
	OwnerID        *string        `json:"ownerId"`
	OwnerEmail     *string        `json:"ownerEmail"`
	OwnerName      *string        `json:"ownerName"`
	UserCount      int            `json:"userCount"`
	CreatedAt      time.Time      `json:"createdAt"`
	DeletedAt      *time.Time     `json:"deletedAt"`
	PurgeAfter     *time.Time     `json:"purgeAfter" doc:"when a deleted business's data is dropped for good"`
}

// BusinessUsage is what a business uses against its limits.
type BusinessUsage struct {
	Users                 int `json:"users"`
	Resources             int `json:"resources"`
	Services              int `json:"services"`
	AppointmentsThisMonth int `json:"appointmentsThisMonth"`
}

// BusinessDomain is one host name of a business.
type BusinessDomain struct {
	Domain    string `json:"domain"`
	IsPrimary bool   `json:"isPrimary"`
	IsCustom  bool   `json:"isCustom"`
	Verified  bool   `json:"verified"`
}

// OverridesBody are a business's overrides of its plan.
type OverridesBody struct {
	Limits   map[string]*int `json:"limits,omitempty" doc:"limit name to a number, or null for unlimited"`
	Features map[string]bool `json:"features,omitempty"`
}

// BusinessDetail is one business with its limits, usage and activity.
type BusinessDetail struct {
	BusinessItem
	Limits           map[string]*int  `json:"limits" doc:"effective limits (plan with overrides); null is unlimited"`
	Features         []string         `json:"features" doc:"effective features"`
	Overrides        OverridesBody    `json:"overrides"`
	Usage            BusinessUsage    `json:"usage"`
	AppointmentCount int              `json:"appointmentCount" doc:"appointments this month"`
	Domains          []BusinessDomain `json:"domains"`
	LastActivity     *time.Time       `json:"lastActivity" doc:"latest sign-in of any of its users"`
}

func businessItem(r *platform.BusinessRow) BusinessItem {
	b := BusinessItem{ID: r.ID, Name: r.Name, Subdomain: r.Slug, Status: string(r.Status), Plan: r.Plan, IsDemo: r.IsDemo,
		ExpiresAt: r.ExpiresAt, Timezone: r.TimeZone, PrimaryColor: r.PrimaryColor, SecondaryColor: r.SecondaryColor,
		LogoURL: r.LogoURL, UserCount: r.Users, CreatedAt: r.CreatedAt, DeletedAt: r.DeletedAt}
	if o := r.Owner; o != nil {
		b.Owner = &BusinessOwner{ID: o.ID, Email: o.Email, Name: o.Name}
		b.OwnerID, b.OwnerEmail, b.OwnerName = &o.ID, &o.Email, &o.Name
	}
	if r.DeletedAt != nil {
		purge := r.DeletedAt.Add(platform.DeletedRetention)
		b.PurgeAfter = &purge
	}
	return b
}

func businessDetail(d *platform.BusinessDetail) BusinessDetail {
	out := BusinessDetail{BusinessItem: businessItem(&d.BusinessRow), Limits: map[string]*int{}, Features: []string{},
		Overrides: overridesBody(d.Entitlements.Overrides), LastActivity: d.LastActivity,
		Usage: BusinessUsage{Users: d.Usage.Users, Resources: d.Usage.Resources, Services: d.Usage.Services,
			AppointmentsThisMonth: d.Usage.AppointmentsThisMonth},
		AppointmentCount: d.Usage.AppointmentsThisMonth, Domains: []BusinessDomain{}}
	for _, l := range platform.Limits {
		out.Limits[string(l)] = d.Entitlements.LimitOf(l)
	}
	for _, g := range platform.FeatureGroups {
		for _, f := range g.Features {
			if d.Entitlements.Has(f) {
				out.Features = append(out.Features, string(f))
			}
		}
	}
	for _, dm := range d.Domains {
		out.Domains = append(out.Domains, BusinessDomain{Domain: dm.Domain, IsPrimary: dm.Primary, IsCustom: dm.Custom, Verified: dm.Verified})
	}
	return out
}

func overridesBody(o platform.Overrides) OverridesBody {
	b := OverridesBody{Limits: map[string]*int{}, Features: map[string]bool{}}
	for l, v := range o.Limits {
		b.Limits[string(l)] = v
	}
	for f, v := range o.Features {
		b.Features[string(f)] = v
	}
	return b
}

func (b OverridesBody) overrides() platform.Overrides {
	o := platform.Overrides{Limits: map[platform.Limit]*int{}, Features: map[platform.Feature]bool{}}
	for l, v := range b.Limits {
		o.Limits[platform.Limit(l)] = v
	}
	for f, v := range b.Features {
		o.Features[platform.Feature(f)] = v
	}
	return o
}

type businessListIn struct {
	Search   string `query:"search" maxLength:"100"`
	Status   string `query:"status" enum:"trial,active,suspended,deleted,"`
	Plan     string `query:"plan" maxLength:"40"`
	Ordering string `query:"ordering" maxLength:"20" doc:"name, created_at, subdomain, plan or status; prefix - for descending (default -created_at)"`
	PageParams
}

type businessListOut struct{ Body Page[BusinessItem] }

func (s *Server) listBusinesses(ctx context.Context, in *businessListIn) (*businessListOut, error) {
	rows, total, err := s.Admin.Admin.Businesses(ctx, platform.BusinessFilter{Search: in.Search, Status: tenancy.Status(in.Status),
		Plan: in.Plan, Ordering: in.Ordering, Limit: in.limit(), Offset: in.offset()})
	if err != nil {
		return nil, err
	}
	items := make([]BusinessItem, len(rows))
	for i := range rows {
		items[i] = businessItem(&rows[i])
	}
	return &businessListOut{Body: page(&in.PageParams, total, items)}, nil
}

type businessOut struct{ Body BusinessDetail }

func detailOut(d *platform.BusinessDetail, err error) (*businessOut, error) {
	if err != nil {
		return nil, err
	}
	return &businessOut{Body: businessDetail(d)}, nil
}

func (s *Server) getBusiness(ctx context.Context, in *objectIDPath) (*businessOut, error) {
	return detailOut(s.Admin.Business(ctx, in.ID))
}

type businessCreateIn struct {
	Body struct {
		Name          string `json:"name" maxLength:"100"`
		Subdomain     string `json:"subdomain" maxLength:"63"`
		Plan          string `json:"plan,omitempty" maxLength:"40" doc:"default: the platform's default plan"`
		Timezone      string `json:"timezone,omitempty" maxLength:"64" doc:"IANA zone, default UTC"`
		OwnerEmail    string `json:"ownerEmail" maxLength:"254"`
		OwnerName     string `json:"ownerName,omitempty" maxLength:"150"`
		OwnerPassword string `json:"ownerPassword,omitempty" maxLength:"1024" doc:"omit to email the owner an invitation instead"`
	}
}

func (s *Server) createBusiness(ctx context.Context, in *businessCreateIn) (*businessOut, error) {
	b := in.Body
	return detailOut(s.Admin.CreateBusiness(ctx, principalFrom(ctx), platform.NewBusiness{Name: b.Name, Subdomain: b.Subdomain,
		Plan: b.Plan, TimeZone: b.Timezone, OwnerEmail: b.OwnerEmail, OwnerName: b.OwnerName, OwnerPassword: b.OwnerPassword}))
}

type businessPatchIn struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Name           *string `json:"name,omitempty" maxLength:"100"`
		Plan           *string `json:"plan,omitempty" maxLength:"40"`
		Status         *string `json:"status,omitempty" enum:"active,suspended" doc:"needs platform.businesses.suspend"`
		PrimaryColor   *string `json:"primaryColor,omitempty" maxLength:"7"`
		SecondaryColor *string `json:"secondaryColor,omitempty" maxLength:"7"`
		LogoURL        *string `json:"logoUrl,omitempty" maxLength:"2000"`
		Timezone       *string `json:"timezone,omitempty" maxLength:"64"`
	}
}

func (s *Server) patchBusiness(ctx context.Context, in *businessPatchIn) (*businessOut, error) {
	p, b := principalFrom(ctx), in.Body
	if b.Status != nil && !p.Can(access.PlatformBusinessesSuspend, s.Now()) {
		return nil, errs.E(errs.Forbidden, "changing a business's status requires the permission %s", access.PlatformBusinessesSuspend).
			With("permission", string(access.PlatformBusinessesSuspend))
	}
	d, err := s.Admin.UpdateBusiness(ctx, p, in.ID, platform.BusinessChange{Name: b.Name, Plan: b.Plan, PrimaryColor: b.PrimaryColor,
		SecondaryColor: b.SecondaryColor, LogoURL: b.LogoURL, TimeZone: b.Timezone})
	if err != nil || b.Status == nil || string(d.Status) == *b.Status {
		return detailOut(d, err)
	}
	return detailOut(s.Admin.SetStatus(ctx, p, in.ID, tenancy.Status(*b.Status)))
}

func (s *Server) statusChange(to tenancy.Status) func(context.Context, *objectIDPath) (*businessOut, error) {
	return func(ctx context.Context, in *objectIDPath) (*businessOut, error) {
		return detailOut(s.Admin.SetStatus(ctx, principalFrom(ctx), in.ID, to))
	}
}

type overridesOut struct{ Body OverridesBody }

func (s *Server) getOverrides(ctx context.Context, in *objectIDPath) (*overridesOut, error) {
	d, err := s.Admin.Business(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	return &overridesOut{Body: overridesBody(d.Entitlements.Overrides)}, nil
}

type overridesIn struct {
	ID   string `path:"id" maxLength:"64"`
	Body OverridesBody
}

func (s *Server) putOverrides(ctx context.Context, in *overridesIn) (*overridesOut, error) {
	d, err := s.Admin.SetOverrides(ctx, principalFrom(ctx), in.ID, in.Body.overrides())
	if err != nil {
		return nil, err
	}
	return &overridesOut{Body: overridesBody(d.Entitlements.Overrides)}, nil
}

// exportBusiness streams the JSON archive of a business (every table of
// its schema and its shared rows), for keeping before a purge.
func (s *Server) exportBusiness(ctx context.Context, in *objectIDPath) (*huma.StreamResponse, error) {
	b, err := s.Admin.Business(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	p := principalFrom(ctx)
	return &huma.StreamResponse{Body: func(hc huma.Context) {
		hc.SetHeader("Content-Type", "application/json")
		hc.SetHeader("Cache-Control", "no-store")
		hc.SetHeader("Content-Disposition", `attachment; filename="`+b.Slug+`-export.json"`)
		if err := s.Admin.Export(ctx, p, in.ID, hc.BodyWriter()); err != nil {
			s.Log.ErrorContext(ctx, "export failed midway", "business", in.ID, "err", err)
		}
	}}, nil
}
