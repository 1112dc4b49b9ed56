package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/platform"
)

type demoIn struct {
	Body struct {
		Name       string `json:"name" maxLength:"100"`
		Subdomain  string `json:"subdomain" maxLength:"63"`
		Plan       string `json:"plan,omitempty" maxLength:"40" doc:"default business"`
		Timezone   string `json:"timezone,omitempty" maxLength:"64"`
		OwnerEmail string `json:"ownerEmail,omitempty" maxLength:"254" doc:"default owner@{subdomain}.demo.example"`
		OwnerName  string `json:"ownerName,omitempty" maxLength:"150"`
	}
}

type demoOut struct {
	CacheControl string `header:"Cache-Control"`
	Body         struct {
		Business      BusinessItem `json:"business"`
		OwnerEmail    string       `json:"ownerEmail"`
		OwnerPassword string       `json:"ownerPassword" doc:"shown once"`
		LoginURL      string       `json:"loginUrl"`
		ExpiresAt     *time.Time   `json:"expiresAt"`
	}
}

func (s *Server) createDemo(ctx context.Context, in *demoIn) (*demoOut, error) {
	b := in.Body
	d, err := s.Admin.CreateDemo(ctx, principalFrom(ctx), platform.NewDemo{Name: b.Name, Subdomain: b.Subdomain, Plan: b.Plan,
		TimeZone: b.Timezone, OwnerEmail: b.OwnerEmail, OwnerName: b.OwnerName})
	if err != nil {
		return nil, err
	}
	out := &demoOut{CacheControl: "no-store"}
	out.Body.Business = businessItem(&platform.BusinessRow{Tenant: *d.Tenant, Users: 1})
	out.Body.OwnerEmail, out.Body.OwnerPassword, out.Body.LoginURL, out.Body.ExpiresAt = d.OwnerEmail, d.OwnerPassword, d.LoginURL, d.Tenant.ExpiresAt
	return out, nil
}
