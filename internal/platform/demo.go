package platform

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// NewDemo is a temporary demo business asked for by sales.
type NewDemo struct {
	Name, Subdomain, Plan, TimeZone string
	OwnerEmail, OwnerName           string // default owner@{subdomain}.demo.example
}

// Demo is a created demo business and how to sign in to it.
type Demo struct {
	Tenant        *tenancy.Tenant
	OwnerEmail    string
	OwnerPassword string
	LoginURL      string
}

// CreateDemo provisions a demo business (expiring after the platform's demo
// days) filled with realistic data, and its owner with a generated
// password, in one transaction.
func (a *Admin) CreateDemo(ctx context.Context, p *access.Principal, n NewDemo) (*Demo, error) {
	return a.seed(ctx, p, n, true)
}

// SeedBusiness provisions a permanent business filled with realistic data
// and its owner with a generated password (the `demo` command).
func (a *Admin) SeedBusiness(ctx context.Context, n NewDemo) (*Demo, error) {
	return a.seed(ctx, nil, n, false)
}

func (a *Admin) seed(ctx context.Context, p *access.Principal, n NewDemo, expiring bool) (*Demo, error) {
	st, err := a.Store.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if n.Plan == "" {
		n.Plan = "business"
	}
	n.Subdomain = strings.ToLower(strings.TrimSpace(n.Subdomain))
	if n.OwnerEmail == "" {
		n.OwnerEmail = "owner@" + n.Subdomain + ".demo.example"
	}
	if n.OwnerName == "" {
		n.OwnerName = "Demo Owner"
	}
	password := GeneratePassword()
	owner, err := newOwner(n.OwnerEmail, n.OwnerName, password, a.now())
	if err != nil {
		return nil, errs.Renamed(err, asOwner)
	}
	nt := tenancy.NewTenant{Name: n.Name, Slug: n.Subdomain, Plan: n.Plan, TimeZone: n.TimeZone, Demo: expiring,
		DemoTTL: time.Duration(st.DemoDays) * 24 * time.Hour}
	actor := a.event(ctx, p, audit.Event{Action: audit.DemoCreated})
	t, err := a.create(ctx, nt, func(ctx context.Context, t *tenancy.Tenant, domain string) error {
		e := actor
		e.TenantID, e.TargetID, e.TargetEmail = t.ID, owner.ID, owner.Email
		e.Detail = map[string]any{"slug": t.Slug, "plan": t.Plan, "expiresAt": t.ExpiresAt}
		return a.Admin.Provision(ctx, Provisioning{Tenant: t, Domain: domain, Owner: owner, DemoData: true, Audit: []audit.Event{e}})
	})
	if err != nil {
		return nil, errs.Renamed(err, asSubdomain)
	}
	return &Demo{Tenant: t, OwnerEmail: owner.Email, OwnerPassword: password, LoginURL: a.URL(a.host(t.Slug), "/login")}, nil
}

// GeneratePassword returns a random password of 16 URL-safe characters
// (96 bits), for demo accounts shown once.
func GeneratePassword() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
