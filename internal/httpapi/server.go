// Package httpapi is SmoothSchedule's HTTP surface: the route table
// (routes.go, every route with its authorization rule), middleware, one file
// per resource, and problem errors. Handlers translate between JSON and the
// domain packages; they hold no business rules of their own.
package httpapi

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/config"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/realtime"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
	"github.com/smoothschedule/smoothschedule/internal/support"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Authenticator turns a request's credentials (session cookie or bearer
// token) into a principal valid for site. No credentials: nil, nil. Invalid,
// expired or foreign credentials: an Unauthorized error.
type Authenticator interface {
	Authenticate(r *http.Request, site *tenancy.Site) (*access.Principal, error)
}

// Pinger checks the database for /api/health/.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps is everything the HTTP layer needs, built by package app.
type Deps struct {
	Config   *config.Config
	Log      *slog.Logger
	Version  string
	DB       Pinger
	Resolver *tenancy.Resolver
	Auth     Authenticator // nil: every caller is anonymous
	Identity *identity.Service
	Web      fs.FS // the built web app (index.html, assets/)
	Now      func() time.Time
	Metrics  *Metrics      // nil: no Prometheus series
	Hub      *realtime.Hub // schedule change events for /ws/schedule

	// Scheduling serves resources, services, hours, blockers, customers,
	// appointments, availability and online booking; Settings saves the
	// business settings.
	Scheduling *scheduling.Scheduler
	Settings   tenancy.SettingsStore

	// Platform administration: Platform keeps plans, overrides,
	// settings and metrics (and loads entitlements for checkLimit); Admin
	// runs the console; Support the help desk. Nil Platform: plan limits
	// are not enforced (tests of other areas).
	Platform platform.Store
	Admin    *platform.Admin
	Support  *support.Service

	// Domains manages businesses' custom domains (nil: no domain routes).
	Domains *tenancy.Domains
}

// Server is the HTTP handler of `serve`.
type Server struct {
	Deps
	api     huma.API
	mux     *http.ServeMux
	handler http.Handler
	routes  []Route
	gzipped sync.Map     // asset name -> its gzip form
	share   *tenantShare // nil: no per-business cap
}

// Route is one entry of the route table.
type Route struct {
	Method, Path string
	Rule         access.Rule
	OperationID  string
}

// New builds the server and its route table.
func New(d Deps) *Server {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Server{Deps: d, mux: http.NewServeMux(),
		share: newTenantShare(d.Config.DBMaxConns, d.Config.TenantDBShare, d.Config.DBAcquireTimeout)}
	cfg := huma.DefaultConfig("SmoothSchedule API", d.Version)
	cfg.Info.Description = "Multi-tenant scheduling. Tenant routes answer on {slug}." + d.Config.BaseDomain +
		", platform routes on platform." + d.Config.BaseDomain + ". Every path also works with a trailing slash."
	cfg.CreateHooks = nil // no $schema links in responses
	cfg.OpenAPIPath = "/api/openapi"
	cfg.DocsPath = "/api/docs"
	cfg.SchemasPath = "/api/schemas"
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer": {Type: "http", Scheme: "bearer", Description: "access token from /api/auth/login/"},
		"cookie": {Type: "apiKey", In: "cookie", Name: sessionCookie, Description: "browser session; unsafe methods also need X-CSRF-Token"},
	}
	s.api = humago.New(s.mux, cfg)
	if d.Metrics != nil {
		s.api.UseMiddleware(d.Metrics.observe)
	}
	s.api.UseMiddleware(s.authorize)
	s.registerRoutes()
	s.handler = s.middleware(muxErrors(s.mux))
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Routes lists the route table (for the authorization walk test and docs).
func (s *Server) Routes() []Route { return s.routes }

// OpenAPI returns the API description.
func (s *Server) OpenAPI() *huma.OpenAPI { return s.api.OpenAPI() }

// sessionCookie is the browser session's cookie name.
const sessionCookie = "ss_session"

const ruleKey = "rule"

// register adds a huma operation with its authorization rule. Every API
// route goes through here, so none can exist without a rule.
func register[I, O any](s *Server, op huma.Operation, rule access.Rule, h func(context.Context, *I) (*O, error)) {
	if err := rule.Validate(); err != nil {
		panic("route " + op.Method + " " + op.Path + ": " + err.Error())
	}
	if op.Metadata == nil {
		op.Metadata = map[string]any{}
	}
	op.Metadata[ruleKey] = rule
	if op.MaxBodyBytes == 0 {
		op.MaxBodyBytes = 64 << 10
	}
	if rule.Public {
		op.Security = []map[string][]string{}
	} else {
		op.Security = []map[string][]string{{"cookie": {}}, {"bearer": {}}}
	}
	if op.Description == "" {
		op.Description = "Authorization: " + describeRule(rule) + "."
	} else {
		op.Description += "\n\nAuthorization: " + describeRule(rule) + "."
	}
	places := placesOf[I]()
	huma.Register(s.api, op, func(ctx context.Context, in *I) (*O, error) {
		if err := checkText(in, s.Now()); err != nil {
			return nil, problemFrom(ctx, s.Log, err) // it names API locations itself
		}
		out, err := h(ctx, in)
		if err != nil {
			return nil, problemFrom(ctx, s.Log, places.located(err))
		}
		return out, nil
	})
	s.routes = append(s.routes, Route{Method: op.Method, Path: op.Path, Rule: rule, OperationID: op.OperationID})
}

// plain adds a route that huma does not describe (the web app, docs), still
// with its rule in the table; h must enforce nothing more than the rule.
func (s *Server) plain(method, pattern string, rule access.Rule, h http.HandlerFunc) {
	if err := rule.Validate(); err != nil {
		panic("route " + pattern + ": " + err.Error())
	}
	s.routes = append(s.routes, Route{Method: method, Path: pattern, Rule: rule})
	s.mux.HandleFunc(method+" "+pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := s.check(r.Context(), rule); err != nil {
			writeProblem(w, problemFrom(r.Context(), s.Log, err))
			return
		}
		h(w, r)
	})
}

// authorize is the huma middleware enforcing each operation's rule.
func (s *Server) authorize(ctx huma.Context, next func(huma.Context)) {
	rule, ok := ctx.Operation().Metadata[ruleKey].(access.Rule)
	if !ok { // cannot happen through register; fail closed anyway
		_ = huma.WriteErr(s.api, ctx, http.StatusForbidden, "this route has no authorization rule")
		return
	}
	if err := s.check(ctx.Context(), rule); err != nil {
		p := problemFrom(ctx.Context(), s.Log, err)
		for k, v := range p.headers {
			ctx.SetHeader(k, v[0])
		}
		ctx.SetHeader("Content-Type", "application/problem+json")
		ctx.SetStatus(p.Status)
		b, _ := p.MarshalJSON()
		_, _ = ctx.BodyWriter().Write(b)
		return
	}
	next(ctx)
}

// check applies rule to the request context's principal and site.
func (s *Server) check(ctx context.Context, rule access.Rule) error {
	now := s.Now()
	err := access.Authorize(rule, principalFrom(ctx), accessSite(tenancy.SiteFrom(ctx)), now)
	if err == nil {
		s.auditGrantUse(ctx, rule, now) // GRANT_USED (grants.go)
	}
	return err
}

func accessSite(site *tenancy.Site) access.Site {
	switch {
	case site == nil:
		return access.Site{Scope: access.ScopeApex}
	case site.Kind == tenancy.SitePlatform:
		return access.Site{Scope: access.ScopePlatform}
	case site.Kind == tenancy.SiteTenant:
		return access.Site{Scope: access.ScopeTenant, TenantID: site.Tenant.ID}
	}
	return access.Site{Scope: access.ScopeApex}
}

func describeRule(r access.Rule) string {
	who := "signed-in users"
	switch {
	case r.Public:
		who = "anyone"
	case r.Permission != "":
		who = "users holding " + string(r.Permission)
	case len(r.AnyOf) > 0:
		names := make([]string, len(r.AnyOf))
		for i, perm := range r.AnyOf {
			names[i] = string(perm)
		}
		who = "users holding " + strings.Join(names, " or ")
	}
	out := who + " on " + r.Scope.String() + " hosts"
	if r.NotWhileMasquerading {
		out += ", not while masquerading"
	}
	return out
}
