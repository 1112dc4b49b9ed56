package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

func init() {
	var (
		email, password, role, tenant, name *string
		reset                               *bool
	)
	commands = append(commands,
		command{
			name: "createsuperuser", args: "--email E --password P [--reset-password]",
			summary: "create a SUPERUSER on the platform; an existing one is left as it is unless --reset-password",
			needsDB: true,
			flags: func(fs *flag.FlagSet) {
				email = fs.String("email", "", "email address (required)")
				password = fs.String("password", "", "password, at least 10 characters (required)")
				reset = fs.Bool("reset-password", false, "if the user exists, set this password (and end its sessions)")
			},
			run: func(m *Main, ctx context.Context, _ []string) error {
				if *email == "" || *password == "" {
					return usageError{"--email and --password are required"}
				}
				if err := m.App.MigrateShared(ctx); err != nil {
					return err
				}
				u, created, err := m.App.Identity.EnsureSuperuser(ctx, *email, *password, *reset)
				if err != nil {
					return err
				}
				console := m.Config.URL("platform."+m.Config.BaseDomain, "/")
				switch {
				case created:
					fmt.Fprintf(m.Stdout, "Created SUPERUSER %s. Sign in at %s\n", u.Email, console)
				case *reset:
					fmt.Fprintf(m.Stdout, "%s already exists (%s); its password was reset and its sessions ended.\n", u.Email, u.Role)
				default:
					fmt.Fprintf(m.Stdout, "%s already exists (%s); nothing changed. Use --reset-password to set a new password.\n", u.Email, u.Role)
				}
				return nil
			},
		},
		command{
			name: "user create", args: "--email E --password P --role ROLE [--tenant SLUG] [--name N]",
			summary: "create a user: platform staff, or a user of one business (--tenant)",
			needsDB: true,
			flags: func(fs *flag.FlagSet) {
				email = fs.String("email", "", "email address (required)")
				password = fs.String("password", "", "password, at least 10 characters (required)")
				role = fs.String("role", "", "SUPERUSER, PLATFORM_MANAGER, PLATFORM_SALES, PLATFORM_SUPPORT, TENANT_OWNER, TENANT_MANAGER, TENANT_STAFF or CUSTOMER (required)")
				tenant = fs.String("tenant", "", "slug of the user's business (required for tenant roles)")
				name = fs.String("name", "", "display name (default: the email's local part)")
			},
			run: func(m *Main, ctx context.Context, _ []string) error {
				if *email == "" || *password == "" || *role == "" {
					return usageError{"--email, --password and --role are required"}
				}
				r, err := access.ParseRole(*role)
				if err != nil {
					return err
				}
				u := identity.User{Email: *email, Name: *name, Role: r}
				if u.Name == "" {
					u.Name = localPart(*email)
				}
				if *tenant != "" {
					t, err := m.App.Tenants.BySlug(ctx, *tenant)
					if err != nil {
						return err
					}
					u.TenantID = &t.ID
				}
				created, err := m.App.Identity.CreateUser(ctx, u, *password)
				if err != nil {
					return err
				}
				where := m.Config.URL("platform."+m.Config.BaseDomain, "/")
				if *tenant != "" {
					where = m.Config.URL(*tenant+"."+m.Config.BaseDomain, "/")
				}
				fmt.Fprintf(m.Stdout, "Created %s %s (%s). Sign in at %s\n", created.Role, created.Email, created.ID, where)
				return nil
			},
		},
	)
}

// localPart is the part of an email before the @.
func localPart(email string) string {
	for i := range len(email) {
		if email[i] == '@' {
			return email[:i]
		}
	}
	return email
}
