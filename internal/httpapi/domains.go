package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// domainRoutes lists the Custom domains section's routes and their rules:
// the business's owner (settings.write) lists, adds, verifies and removes
// its domains on its host — changes never while masquerading, and adding
// or verifying only on a plan with the customDomain feature; platform staff
// see a business's domains and verify one by hand (a support case, audited).
// They exist when the server is given the Domains service, as serve is.
func (s *Server) domainRoutes() {
	if s.Domains == nil {
		return
	}
	type op = huma.Operation
	read := access.Rule{Scope: access.ScopeTenant, Permission: access.SettingsWrite, Description: "see the business's domains"}
	change := access.Rule{Scope: access.ScopeTenant, Permission: access.SettingsWrite, NotWhileMasquerading: true, Description: "change the business's domains"}
	tags := []string{"Custom domains"}
	const b = "/api/business/domains"
	register(s, op{OperationID: "domains", Method: http.MethodGet, Path: b, Tags: tags,
		Summary: "The business's domains (its subdomain and custom domains) with their DNS instructions (403 without the customDomain feature)"}, read, s.listDomains)
	register(s, op{OperationID: "domain-add", Method: http.MethodPost, Path: b, Tags: tags, DefaultStatus: http.StatusCreated,
		Summary: "Add a custom domain, pending until its DNS TXT record is verified"}, change, s.addDomain)
	register(s, op{OperationID: "domain-verify", Method: http.MethodPost, Path: b + "/{domain}/verify", Tags: tags,
		Summary: "Check the domain's TXT record; 400 says what was found and what is expected"}, change, s.verifyDomain)
	register(s, op{OperationID: "domain-delete", Method: http.MethodDelete, Path: b + "/{domain}", Tags: tags, DefaultStatus: http.StatusNoContent,
		Summary: "Remove a custom domain (it stops answering at once); never the business's own subdomain"}, change, s.deleteDomain)

	if s.Platform == nil {
		return
	}
	readBiz := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformBusinessesRead, Description: "read businesses"}
	writeBiz := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformBusinessesWrite, Description: "change businesses"}
	const p = "/api/platform/businesses/{id}/domains"
	register(s, op{OperationID: "platform-business-domains", Method: http.MethodGet, Path: p, Tags: []string{"Platform businesses"},
		Summary: "A business's domains with their status"}, readBiz, s.platformDomains)
	register(s, op{OperationID: "platform-business-domain-verify", Method: http.MethodPost, Path: p + "/{domain}/verify", Tags: []string{"Platform businesses"},
		Summary: "Mark a custom domain verified without the DNS check (support case; audited)"}, writeBiz, s.platformVerifyDomain)
}

// DNSRecord is a record the business creates at its DNS provider.
type DNSRecord struct {
	Type  string `json:"type" enum:"TXT,CNAME"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// DomainOut is one of a business's domains.
type DomainOut struct {
	Domain     string     `json:"domain"`
	IsPrimary  bool       `json:"isPrimary" doc:"the domain links use"`
	IsCustom   bool       `json:"isCustom" doc:"false for the business's own {slug}.BASE_DOMAIN"`
	Status     string     `json:"status" enum:"verified,pending"`
	VerifiedAt *time.Time `json:"verifiedAt"`
	CreatedAt  time.Time  `json:"createdAt"`
	// Verification proves control of the domain (custom domains only).
	Verification *DNSRecord `json:"verification" doc:"custom domains: the TXT record that proves control; null for the subdomain"`
	// Routing sends the domain's traffic to us (custom domains only).
	Routing *DNSRecord `json:"routing" doc:"custom domains: the record that sends visitors to SmoothSchedule; null for the subdomain"`
}

// DomainsOut lists a business's domains.
type DomainsOut struct {
	Page[DomainOut]
	MaxCustomDomains int `json:"maxCustomDomains"`
}

func (s *Server) domainOut(t *tenancy.Tenant, d tenancy.DomainRecord) DomainOut {
	o := DomainOut{Domain: d.Domain, IsPrimary: d.Primary, IsCustom: d.Custom, Status: "pending", VerifiedAt: d.VerifiedAt, CreatedAt: d.CreatedAt}
	if d.Verified() {
		o.Status = "verified"
	}
	if d.Custom {
		o.Verification = &DNSRecord{Type: "TXT", Name: d.ChallengeName(), Value: d.Token}
		o.Routing = &DNSRecord{Type: "CNAME", Name: d.Domain, Value: t.Slug + "." + s.Config.BaseDomain}
	}
	return o
}

func (s *Server) domainsOf(ctx context.Context, t *tenancy.Tenant) (*struct{ Body DomainsOut }, error) {
	list, err := s.Domains.List(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	out := DomainsOut{Page: Page[DomainOut]{Count: len(list), Results: make([]DomainOut, 0, len(list))}, MaxCustomDomains: tenancy.MaxCustomDomains}
	for _, d := range list {
		out.Results = append(out.Results, s.domainOut(t, d))
	}
	return &struct{ Body DomainsOut }{out}, nil
}

type domainPath struct {
	Domain string `path:"domain" maxLength:"300"`
}

type domainOutput struct{ Body DomainOut }

func (s *Server) listDomains(ctx context.Context, _ *struct{}) (*struct{ Body DomainsOut }, error) {
	if err := s.requireFeature(ctx, platform.CustomDomain); err != nil {
		return nil, err
	}
	return s.domainsOf(ctx, tenancy.TenantFrom(ctx))
}

func (s *Server) addDomain(ctx context.Context, in *struct {
	Body struct {
		Domain string `json:"domain" maxLength:"300" doc:"a host name the business owns, like booking.example.com (Unicode names are stored in punycode)"`
	}
}) (*domainOutput, error) {
	if err := s.requireFeature(ctx, platform.CustomDomain); err != nil {
		return nil, err
	}
	t := tenancy.TenantFrom(ctx)
	d, err := s.Domains.Add(ctx, t.ID, in.Body.Domain, s.domainActor(ctx, ""))
	if err != nil {
		return nil, err
	}
	return &domainOutput{s.domainOut(t, *d)}, nil
}

// verifyDomain checks DNS; on success the domain answers on every process
// at once (the domains trigger notifies; this process drops its cache now).
func (s *Server) verifyDomain(ctx context.Context, in *domainPath) (*domainOutput, error) {
	if err := s.requireFeature(ctx, platform.CustomDomain); err != nil {
		return nil, err
	}
	t := tenancy.TenantFrom(ctx)
	d, _, err := s.Domains.Verify(ctx, t.ID, in.Domain, s.domainActor(ctx, ""))
	if err != nil {
		return nil, err
	}
	s.Resolver.Invalidate()
	return &domainOutput{s.domainOut(t, *d)}, nil
}

// deleteDomain needs no plan feature: a business that moved to a plan
// without custom domains can still remove them.
func (s *Server) deleteDomain(ctx context.Context, in *domainPath) (*struct{ Status int }, error) {
	t := tenancy.TenantFrom(ctx)
	if _, err := s.Domains.Remove(ctx, t.ID, in.Domain, s.domainActor(ctx, "")); err != nil {
		return nil, err
	}
	s.Resolver.Invalidate()
	return &struct{ Status int }{http.StatusNoContent}, nil
}

func (s *Server) platformTenant(ctx context.Context, id string) (*tenancy.Tenant, error) {
	t, err := s.Domains.Store.ByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if t.Status == tenancy.StatusDeleted {
		return nil, errs.E(errs.NotFound, "no business with id %q", id)
	}
	return t, nil
}

func (s *Server) platformDomains(ctx context.Context, in *objectIDPath) (*struct{ Body DomainsOut }, error) {
	t, err := s.platformTenant(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	return s.domainsOf(ctx, t)
}

func (s *Server) platformVerifyDomain(ctx context.Context, in *struct {
	ID     string `path:"id" maxLength:"64"`
	Domain string `path:"domain" maxLength:"300"`
	Body   *struct {
		Reason string `json:"reason,omitempty" maxLength:"500" doc:"why the DNS check is bypassed (the support case); recorded in the audit log"`
	} `required:"false"`
}) (*domainOutput, error) {
	t, err := s.platformTenant(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	reason := ""
	if in.Body != nil {
		reason = in.Body.Reason
	}
	d, _, err := s.Domains.VerifyManually(ctx, t.ID, in.Domain, s.domainActor(ctx, reason))
	if err != nil {
		return nil, err
	}
	s.Resolver.Invalidate()
	return &domainOutput{s.domainOut(t, *d)}, nil
}

// domainActor is who changes a domain in this request (the principal,
// from where, and why): the domains service completes it into the audit
// event its store writes in the change's transaction.
func (s *Server) domainActor(ctx context.Context, reason string) audit.Event {
	c := clientFrom(ctx)
	e := audit.Event{Reason: reason, IP: c.IP, UserAgent: c.UserAgent, CreatedAt: s.Now().UTC()}
	if p := principalFrom(ctx); p != nil {
		e.ActorID, e.ImpersonatorID, e.SessionID = p.UserID, p.ImpersonatorID, p.SessionID
		if s.Identity != nil {
			if u, err := s.Identity.Store.UserByID(ctx, p.UserID); err == nil {
				e.ActorEmail = u.Email
			}
		}
	}
	return e
}
