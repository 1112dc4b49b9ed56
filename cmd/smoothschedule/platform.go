package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
)

func init() {
	var retention *time.Duration
	commands = append(commands,
		command{
			name: "tenant purge-expired", args: "[--retention 720h]", needsDB: true,
			summary: "soft-delete expired demo businesses, then drop for good the businesses deleted longer ago than the retention (and deleted demos)",
			flags: func(fs *flag.FlagSet) {
				retention = fs.Duration("retention", platform.DeletedRetention, "how long a deleted business's data is kept")
			},
			run: func(m *Main, ctx context.Context, args []string) error {
				if err := m.App.MigrateShared(ctx); err != nil {
					return err
				}
				c, err := m.App.Admin.PurgeExpired(ctx, *retention)
				for _, t := range c.DemosDeleted {
					fmt.Fprintf(m.Stdout, "Deleted expired demo %s (%s), expired %s\n", t.Name, t.Slug, t.ExpiresAt.Format(time.DateTime))
				}
				for _, t := range c.Purged {
					fmt.Fprintf(m.Stdout, "Purged %s (%s): schema %s dropped\n", t.Name, t.Slug, t.Schema)
				}
				if err == nil && len(c.DemosDeleted)+len(c.Purged) == 0 {
					fmt.Fprintln(m.Stdout, "Nothing to clean up.")
				}
				return err
			},
		},
		command{
			name: "demo", needsDB: true,
			summary: "load a demo platform: one user per role and three businesses of different plans and trades with weeks of appointments; prints URLs and logins",
			run:     runDemo,
		},
	)
}

// demoBusinesses are the businesses `demo` loads.
var demoBusinesses = []platform.NewDemo{
	{Name: "Bella Hair Salon", Subdomain: "bella", Plan: "free", TimeZone: "Europe/London", OwnerEmail: "owner@bella.example"},
	{Name: "Peak Fitness Studio", Subdomain: "peak", Plan: "professional", TimeZone: "America/New_York", OwnerEmail: "owner@peak.example"},
	{Name: "Harbor Physio Clinic", Subdomain: "harbor", Plan: "business", TimeZone: "Australia/Sydney", OwnerEmail: "owner@harbor.example"},
}

func runDemo(m *Main, ctx context.Context, _ []string) error {
	a := m.App
	if err := a.MigrateShared(ctx); err != nil {
		return err
	}
	if _, err := a.DB.MigrateTenants(ctx, a.Migrations, a.Config.MigrateWorkers, nil); err != nil {
		return err
	}
	c := m.Config
	tw := tabwriter.NewWriter(m.Stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintf(tw, "SITE\tURL\tEMAIL\tROLE\tPASSWORD\n")
	platformURL := c.URL("platform."+c.BaseDomain, "/")
	for _, r := range []access.Role{access.Superuser, access.PlatformManager, access.PlatformSupport, access.PlatformSales} {
		email := map[access.Role]string{access.Superuser: "admin@platform.example", access.PlatformManager: "manager@platform.example",
			access.PlatformSupport: "support@platform.example", access.PlatformSales: "sales@platform.example"}[r]
		pw := platform.GeneratePassword()
		_, err := a.Identity.CreateUser(ctx, identity.User{Email: email, Name: "Demo " + string(r), Role: r}, pw)
		if errs.Is(err, errs.Invalid) || errs.Is(err, errs.Conflict) {
			pw = "(exists; unchanged)"
		} else if err != nil {
			return err
		}
		fmt.Fprintf(tw, "platform\t%s\t%s\t%s\t%s\n", platformURL, email, r, pw)
	}
	for _, b := range demoBusinesses {
		url := c.URL(b.Subdomain+"."+c.BaseDomain, "/")
		if _, err := a.Tenants.BySlug(ctx, b.Subdomain); err == nil {
			fmt.Fprintf(tw, "%s\t%s\t%s\tTENANT_OWNER\t(exists; unchanged)\n", b.Subdomain, url, b.OwnerEmail)
			continue
		}
		d, err := a.Admin.SeedBusiness(ctx, b)
		if err != nil {
			return fmt.Errorf("%s: %w", b.Name, err)
		}
		fmt.Fprintf(tw, "%s (%s)\t%s\t%s\tTENANT_OWNER\t%s\n", b.Subdomain, d.Tenant.Plan, url, d.OwnerEmail, d.OwnerPassword)
		if b.Plan != "business" { // extra staff only there: Free allows two users
			continue
		}
		for _, r := range []access.Role{access.TenantManager, access.TenantStaff} {
			email := map[access.Role]string{access.TenantManager: "manager@harbor.example", access.TenantStaff: "staff@harbor.example"}[r]
			pw := platform.GeneratePassword()
			u := identity.User{Email: email, Name: "Demo " + string(r), Role: r, TenantID: &d.Tenant.ID}
			if _, err := a.Identity.CreateUser(ctx, u, pw); err != nil {
				return err
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", b.Subdomain, url, email, r, pw)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\nStart the server with `smoothschedule serve` and sign in at the URLs above. Passwords are shown once.\n")
	return nil
}
