package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/app"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

func appVersion() string { return app.Version }

func init() {
	var (
		name, slug, plan, tz *string
		demo, purge          *bool
		status               *string
		ownerEmail, ownerPW  *string
		ownerName            *string
	)
	commands = append(commands,
		command{
			name: "tenant create", args: "--name N --slug S [--owner-email E --owner-password P [--owner-name N]] [--plan P] [--timezone Area/City] [--demo]",
			summary: "create a business: its schema, tables and {slug}.BASE_DOMAIN, all or nothing",
			needsDB: true,
			flags: func(fs *flag.FlagSet) {
				name = fs.String("name", "", "business name (required)")
				slug = fs.String("slug", "", "subdomain: lowercase letters, digits, inner hyphens (required)")
				plan = fs.String("plan", "free", "free, professional, business or enterprise")
				tz = fs.String("timezone", "UTC", "IANA time zone, e.g. Europe/Berlin")
				demo = fs.Bool("demo", false, "a temporary demo tenant (expires in 7 days)")
				ownerEmail = fs.String("owner-email", "", "create the business's TENANT_OWNER with this email, in the same transaction")
				ownerPW = fs.String("owner-password", "", "the owner's password (with --owner-email)")
				ownerName = fs.String("owner-name", "", "the owner's name (default: Owner)")
			},
			run: func(m *Main, ctx context.Context, args []string) error {
				if err := m.App.MigrateShared(ctx); err != nil {
					return err
				}
				var owner *app.Owner
				switch {
				case *ownerEmail != "" && *ownerPW != "":
					owner = &app.Owner{Email: *ownerEmail, Password: *ownerPW, Name: *ownerName}
				case *ownerEmail != "" || *ownerPW != "" || *ownerName != "":
					return usageError{"--owner-email and --owner-password go together"}
				}
				start := time.Now()
				t, u, err := m.App.CreateTenant(ctx, tenancy.NewTenant{Name: *name, Slug: *slug, Plan: *plan, TimeZone: *tz, Demo: *demo}, owner)
				if err != nil {
					return err
				}
				c := m.Config
				fmt.Fprintf(m.Stdout, "Created %s (%s) in %s\n", t.Name, t.Slug, time.Since(start).Round(time.Millisecond))
				fmt.Fprintf(m.Stdout, "  site     %s\n  schema   %s\n  plan     %s\n  timezone %s\n", c.URL(t.Slug+"."+c.BaseDomain, "/"), t.Schema, t.Plan, t.TimeZone)
				if t.ExpiresAt != nil {
					fmt.Fprintf(m.Stdout, "  demo     expires %s\n", t.ExpiresAt.Format(time.RFC1123))
				}
				if u != nil {
					fmt.Fprintf(m.Stdout, "  owner    %s (%s)\n", u.Email, u.Role)
				}
				return nil
			},
		},
		command{
			name: "tenant list", args: "[--status S]", summary: "list businesses", needsDB: true,
			flags: func(fs *flag.FlagSet) {
				status = fs.String("status", "", "only this status: trial, active, suspended or deleted")
			},
			run: func(m *Main, ctx context.Context, args []string) error {
				list, total, err := m.App.Tenants.List(ctx, tenancy.Filter{Status: tenancy.Status(*status), Limit: 10000})
				if err != nil {
					return err
				}
				if total == 0 {
					fmt.Fprintln(m.Stdout, "No businesses. Create one: smoothschedule tenant create --name \"Acme Salon\" --slug acme")
					return nil
				}
				tw := tabwriter.NewWriter(m.Stdout, 0, 2, 2, ' ', 0)
				fmt.Fprintln(tw, "SLUG\tNAME\tSTATUS\tPLAN\tTIMEZONE\tSCHEMA\tCREATED")
				for _, t := range list {
					st := string(t.Status)
					if t.IsDemo {
						st += " (demo)"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s v%d\t%s\n", t.Slug, t.Name, st, t.Plan, t.TimeZone, t.Schema, t.SchemaVersion, t.CreatedAt.Format("2006-01-02"))
				}
				_ = tw.Flush()
				fmt.Fprintf(m.Stdout, "%d businesses\n", total)
				return nil
			},
		},
		lifecycle("suspend", "suspend a business: its site answers 403 at once on every host", func(s *tenancy.Service) func(context.Context, string) (*tenancy.Tenant, error) {
			return func(ctx context.Context, slug string) (*tenancy.Tenant, error) { return s.Suspend(ctx, slug) }
		}),
		lifecycle("activate", "reactivate a suspended business", func(s *tenancy.Service) func(context.Context, string) (*tenancy.Tenant, error) {
			return func(ctx context.Context, slug string) (*tenancy.Tenant, error) { return s.Activate(ctx, slug) }
		}),
		command{
			name: "tenant delete", args: "SLUG [--purge]", nargs: 1,
			summary: "soft-delete a business (its site answers 404, data kept); --purge then drops its schema for good",
			needsDB: true,
			flags: func(fs *flag.FlagSet) {
				purge = fs.Bool("purge", false, "also drop the schema and every row of the business (irreversible)")
			},
			run: func(m *Main, ctx context.Context, args []string) error {
				t, err := m.App.Tenancy.Delete(ctx, args[0])
				if err != nil {
					return err
				}
				if !*purge {
					fmt.Fprintf(m.Stdout, "Deleted %s (%s). Its data is kept in schema %s; purge it with: smoothschedule tenant delete %s --purge\n", t.Name, t.Slug, t.Schema, t.Slug)
					return nil
				}
				if err := m.App.Tenancy.Purge(ctx, t.Slug); err != nil {
					return err
				}
				fmt.Fprintf(m.Stdout, "Purged %s (%s): schema %s dropped.\n", t.Name, t.Slug, t.Schema)
				return nil
			},
		},
	)
}

func lifecycle(verb, summary string, op func(*tenancy.Service) func(context.Context, string) (*tenancy.Tenant, error)) command {
	return command{
		name: "tenant " + verb, args: "SLUG", summary: summary, needsDB: true, nargs: 1,
		run: func(m *Main, ctx context.Context, args []string) error {
			t, err := op(m.App.Tenancy)(ctx, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "%s (%s) is now %s.\n", t.Name, t.Slug, strings.ToLower(string(t.Status)))
			return nil
		},
	}
}
