package access

import (
	"slices"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Scope says on which hosts a route answers (Rule.Scope), which host a
// request came to (Site.Scope), and on which side a permission applies
// (PermissionInfo.Scope). The zero value is deliberately invalid, so a
// forgotten scope fails closed.
type Scope int

// The scopes.
const (
	// ScopeAny: any host (health, the OpenAPI document). For a permission:
	// either side.
	ScopeAny Scope = iota + 1
	// ScopeApex: the bare BASE_DOMAIN (public pages, sign-up).
	ScopeApex
	// ScopePlatform: platform.BASE_DOMAIN.
	ScopePlatform
	// ScopeTenant: a tenant's subdomain or verified custom domain.
	ScopeTenant
)

var scopeNames = map[Scope]string{ScopeAny: "any", ScopeApex: "apex", ScopePlatform: "platform", ScopeTenant: "tenant"}

// String returns "any", "apex", "platform", "tenant", or "invalid".
func (s Scope) String() string {
	if n, ok := scopeNames[s]; ok {
		return n
	}
	return "invalid"
}

// MarshalText renders the scope by name (for the catalog's JSON).
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Rule is what a route declares about who may call it. Every route has one.
type Rule struct {
	// Scope is where the route answers; on another host it does not exist.
	Scope Scope
	// Public lets anonymous callers in. A principal that is present must
	// still belong to the host (a foreign session is never ignored).
	Public bool
	// Permission is required of authenticated callers; "" lets any
	// authenticated user of the host in.
	Permission Permission
	// AnyOf, instead of Permission, lets in callers holding any one of
	// these; the service then narrows what each may see or do (e.g.
	// appointments.read reads every appointment, appointments.own the
	// caller's own).
	AnyOf []Permission
	// NotWhileMasquerading refuses masquerade sessions: changing password,
	// email or MFA, creating sessions or API keys, starting another
	// masquerade, deleting the tenant.
	NotWhileMasquerading bool
	// RequireMFA refuses sessions that did not pass a second factor.
	RequireMFA bool
	// Description names the rule in errors and docs, e.g.
	// "write services".
	Description string
}

// Validate checks a rule's declaration, for the test that walks the router:
// a scope and a description are set, the permission is in the catalog and
// applies on the rule's side, and no public rule asks for a permission or
// refuses masquerades (anonymous callers have neither).
func (r Rule) Validate() error {
	var v errs.Validation
	if _, ok := scopeNames[r.Scope]; !ok {
		v.Add("rule.scope", "rule %q has no valid scope", r.Description)
	}
	if r.Description == "" {
		v.Add("rule.description", "rule has no description")
	}
	if r.Permission != "" && len(r.AnyOf) > 0 {
		v.Add("rule.anyOf", "rule %q names both a permission and a choice of permissions", r.Description)
	}
	for _, perm := range append([]Permission{r.Permission}, r.AnyOf...) {
		if perm == "" {
			continue
		}
		info, ok := Lookup(perm)
		switch {
		case !ok:
			v.Add("rule.permission", "rule %q names unknown permission %q", r.Description, perm)
		case info.Scope != ScopeAny && (r.Scope == ScopeTenant || r.Scope == ScopePlatform) && info.Scope != r.Scope:
			v.Add("rule.permission", "rule %q on %s hosts requires %s permission %q, which nobody there can hold",
				r.Description, r.Scope, info.Scope, perm)
		}
	}
	if r.Public && (r.Permission != "" || len(r.AnyOf) > 0 || r.NotWhileMasquerading || r.RequireMFA) {
		v.Add("rule.public", "public rule %q cannot also require a permission, MFA, or no masquerade", r.Description)
	}
	return v.Err()
}

// Site is the host a request came to, as tenant resolution found it.
type Site struct {
	// Scope is ScopeApex, ScopePlatform or ScopeTenant.
	Scope Scope
	// TenantID is the tenant of a ScopeTenant host; "" otherwise.
	TenantID string
}

// belongs reports whether p's session is valid on site: tenant users only on
// their own tenant's hosts, platform users only on the platform host. Nobody
// has a session on the apex host.
func (p *Principal) belongs(site Site) bool {
	switch {
	case !p.Role.Valid() || p.UserID == "":
		return false
	case p.Role.IsTenant():
		return site.Scope == ScopeTenant && p.TenantID != "" && p.TenantID == site.TenantID
	default:
		return site.Scope == ScopePlatform && p.TenantID == ""
	}
}

// Authorize decides whether principal p (nil when anonymous) may call a route
// with rule on site at now. It returns nil or an *errs.Error whose message
// names the rule and whose "rule" extension holds its description:
//   - NotFound: the route does not answer on this kind of host;
//   - Unauthorized: no principal on a non-public route, or a principal whose
//     session does not belong to this host (another tenant's, or a platform
//     session on a tenant host): such a session is simply invalid here;
//   - Forbidden: refused while masquerading, MFA missing, or the permission
//     missing;
//   - Internal: the rule or the site is malformed (a programming error).
func Authorize(rule Rule, p *Principal, site Site, now time.Time) error {
	if _, ok := scopeNames[rule.Scope]; !ok || rule.Description == "" {
		return errs.E(errs.Internal, "route rule %q is malformed", rule.Description)
	}
	if site.Scope == ScopeAny || scopeNames[site.Scope] == "" || (site.Scope == ScopeTenant) != (site.TenantID != "") {
		return errs.E(errs.Internal, "request site is malformed (scope %s, tenant %q)", site.Scope, site.TenantID)
	}
	if rule.Scope != ScopeAny && rule.Scope != site.Scope {
		return deny(errs.NotFound, rule, "%q is served on %s hosts only", rule.Description, rule.Scope)
	}
	if p == nil {
		if rule.Public {
			return nil
		}
		return deny(errs.Unauthorized, rule, "%q requires signing in", rule.Description)
	}
	if !p.belongs(site) {
		return deny(errs.Unauthorized, rule, "%q: this session is not valid on this host; sign in here", rule.Description)
	}
	if rule.NotWhileMasquerading && p.Masquerading() {
		return deny(errs.Forbidden, rule, "%q is not allowed while masquerading; stop the masquerade first", rule.Description)
	}
	if rule.RequireMFA && !p.MFAVerified {
		return deny(errs.Forbidden, rule, "%q requires a session verified with a second factor", rule.Description).With("mfaRequired", true)
	}
	if rule.Permission != "" && !p.Can(rule.Permission, now) {
		return deny(errs.Forbidden, rule, "%q requires the permission %s", rule.Description, rule.Permission).
			With("permission", string(rule.Permission))
	}
	if len(rule.AnyOf) > 0 && !slices.ContainsFunc(rule.AnyOf, func(perm Permission) bool { return p.Can(perm, now) }) {
		return deny(errs.Forbidden, rule, "%q requires one of the permissions %v", rule.Description, rule.AnyOf).
			With("permission", string(rule.AnyOf[0]))
	}
	return nil
}

func deny(code errs.Code, rule Rule, format string, args ...any) *errs.Error {
	return errs.E(code, format, args...).With("rule", rule.Description)
}
