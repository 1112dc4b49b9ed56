package httpapi

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// Rules shared by many routes.
var (
	anyoneAnywhere = access.Rule{Scope: access.ScopeAny, Public: true, Description: "public on every host"}
	anyoneOnTenant = access.Rule{Scope: access.ScopeTenant, Public: true, Description: "public on a tenant host"}
)

// registerRoutes is the one place that lists every route and its rule.
func (s *Server) registerRoutes() {
	// Public and health.
	register(s, huma.Operation{OperationID: "health", Method: http.MethodGet, Path: "/api/health",
		Summary: "Health check", Tags: []string{"Public"}}, anyoneAnywhere, s.health)
	register(s, huma.Operation{OperationID: "tenant-config", Method: http.MethodGet, Path: "/api/tenant/config",
		Summary: "Public configuration of this host's business", Tags: []string{"Public"}}, anyoneOnTenant, s.tenantConfig)

	// Routes outside the OpenAPI document: the document itself, its docs
	// page and schemas (registered by huma, public), and the web app.
	for _, p := range []string{"/api/openapi.json", "/api/openapi.yaml", "/api/docs", "/api/schemas/{schema}"} {
		s.routes = append(s.routes, Route{Method: http.MethodGet, Path: p, Rule: anyoneAnywhere})
	}
	s.plain(http.MethodGet, "/", access.Rule{Scope: access.ScopeAny, Public: true, Description: "the web app"}, s.webApp)
}
