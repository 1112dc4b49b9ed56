package access

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

var (
	siteApex     = Site{Scope: ScopeApex}
	sitePlatform = Site{Scope: ScopePlatform}
	siteA        = Site{Scope: ScopeTenant, TenantID: "A"}
	siteB        = Site{Scope: ScopeTenant, TenantID: "B"}

	ruleHealth      = Rule{Scope: ScopeAny, Public: true, Description: "health"}
	ruleConfig      = Rule{Scope: ScopeTenant, Public: true, Description: "tenant config"}
	ruleMe          = Rule{Scope: ScopeAny, Description: "who am I"}
	ruleResourcesW  = Rule{Scope: ScopeTenant, Permission: ResourcesWrite, Description: "write resources"}
	ruleScheduleR   = Rule{Scope: ScopeTenant, Permission: AppointmentsRead, Description: "read the schedule"}
	ruleSuspend     = Rule{Scope: ScopePlatform, Permission: PlatformBusinessesSuspend, Description: "suspend a business"}
	rulePassword    = Rule{Scope: ScopeAny, NotWhileMasquerading: true, Description: "change password"}
	ruleApprove     = Rule{Scope: ScopeTenant, Permission: SupportApprove, NotWhileMasquerading: true, Description: "approve support access"}
	ruleGrantCreate = Rule{Scope: ScopePlatform, Permission: PlatformGrantsManage, RequireMFA: true, Description: "grant a permission"}
)

func principal(role Role, tenant string) *Principal {
	return &Principal{UserID: "u-" + string(role), Role: role, TenantID: tenant}
}

func TestAuthorizeCases(t *testing.T) {
	masq := principal(TenantOwner, "A")
	masq.ImpersonatorID, masq.ImpersonatorRole = "su", Superuser
	mfa := principal(PlatformManager, "")
	mfa.MFAVerified = true
	for _, tc := range []struct {
		name string
		rule Rule
		p    *Principal
		site Site
		want errs.Code // "" = allowed
	}{
		{"health, anonymous, apex", ruleHealth, nil, siteApex, ""},
		{"health, anonymous, tenant", ruleHealth, nil, siteA, ""},
		{"health with a foreign session", ruleHealth, principal(TenantStaff, "B"), siteA, errs.Unauthorized},
		{"tenant config on tenant host", ruleConfig, nil, siteA, ""},
		{"tenant config on platform host", ruleConfig, nil, sitePlatform, errs.NotFound},
		{"me anonymous", ruleMe, nil, siteA, errs.Unauthorized},
		{"me, staff at home", ruleMe, principal(TenantStaff, "A"), siteA, ""},
		{"me, platform user at home", ruleMe, principal(PlatformSales, ""), sitePlatform, ""},
		{"me, platform user on a tenant host", ruleMe, principal(Superuser, ""), siteA, errs.Unauthorized},
		{"me, tenant user on the platform host", ruleMe, principal(TenantOwner, "A"), sitePlatform, errs.Unauthorized},
		{"me, session on apex", ruleMe, principal(TenantOwner, "A"), siteApex, errs.Unauthorized},
		{"owner writes resources", ruleResourcesW, principal(TenantOwner, "A"), siteA, ""},
		{"manager writes resources", ruleResourcesW, principal(TenantManager, "A"), siteA, ""},
		{"staff cannot write resources", ruleResourcesW, principal(TenantStaff, "A"), siteA, errs.Forbidden},
		{"customer cannot write resources", ruleResourcesW, principal(Customer, "A"), siteA, errs.Forbidden},
		{"owner of B on A's host", ruleResourcesW, principal(TenantOwner, "B"), siteA, errs.Unauthorized},
		{"superuser on a tenant host", ruleResourcesW, principal(Superuser, ""), siteA, errs.Unauthorized},
		{"resources route on the platform host", ruleResourcesW, principal(Superuser, ""), sitePlatform, errs.NotFound},
		{"staff reads the schedule", ruleScheduleR, principal(TenantStaff, "A"), siteA, ""},
		{"customer cannot read the schedule", ruleScheduleR, principal(Customer, "A"), siteA, errs.Forbidden},
		{"manager suspends", ruleSuspend, principal(PlatformManager, ""), sitePlatform, ""},
		{"support cannot suspend", ruleSuspend, principal(PlatformSupport, ""), sitePlatform, errs.Forbidden},
		{"anonymous cannot suspend", ruleSuspend, nil, sitePlatform, errs.Unauthorized},
		{"masquerade acts as the target", ruleResourcesW, masq, siteA, ""},
		{"no password change while masquerading", rulePassword, masq, siteA, errs.Forbidden},
		{"no support approval while masquerading", ruleApprove, masq, siteA, errs.Forbidden},
		{"owner approves support access", ruleApprove, principal(TenantOwner, "A"), siteA, ""},
		{"grants need MFA", ruleGrantCreate, principal(PlatformManager, ""), sitePlatform, errs.Forbidden},
		{"grants with MFA", ruleGrantCreate, mfa, sitePlatform, ""},
		{"tenant role without tenant", ruleMe, principal(TenantStaff, ""), siteA, errs.Unauthorized},
		{"platform role with a tenant", ruleMe, principal(PlatformSupport, "A"), sitePlatform, errs.Unauthorized},
		{"principal without user", ruleMe, &Principal{Role: TenantOwner, TenantID: "A"}, siteA, errs.Unauthorized},
		{"rule without scope", Rule{Description: "x"}, nil, siteA, errs.Internal},
		{"rule without description", Rule{Scope: ScopeAny, Public: true}, nil, siteA, errs.Internal},
		{"tenant site without tenant", ruleHealth, nil, Site{Scope: ScopeTenant}, errs.Internal},
		{"platform site with tenant", ruleHealth, nil, Site{Scope: ScopePlatform, TenantID: "A"}, errs.Internal},
		{"site with scope any", ruleHealth, nil, Site{Scope: ScopeAny}, errs.Internal},
	} {
		err := Authorize(tc.rule, tc.p, tc.site, t0)
		if got := errs.CodeOf(err); got != tc.want {
			t.Errorf("%s: Authorize = %v (code %q), want code %q", tc.name, err, got, tc.want)
			continue
		}
		if err != nil && tc.want != errs.Internal {
			e := err.(*errs.Error)
			if e.Extra["rule"] != tc.rule.Description {
				t.Errorf("%s: error does not name the rule: %#v", tc.name, e)
			}
		}
	}
}

// TestAuthorizeMatrix walks role × route × host and checks the invariants
// every answer must satisfy.
func TestAuthorizeMatrix(t *testing.T) {
	rules := []Rule{ruleHealth, ruleConfig, ruleMe, ruleResourcesW, ruleScheduleR, ruleSuspend, rulePassword, ruleApprove}
	for _, info := range Catalog() {
		scope := info.Scope
		if scope == ScopeAny {
			scope = ScopeTenant
		}
		rules = append(rules, Rule{Scope: scope, Permission: info.Name, Description: "uses " + string(info.Name)})
	}
	sites := []Site{siteApex, sitePlatform, siteA, siteB}
	for _, rule := range rules {
		if err := rule.Validate(); err != nil {
			t.Fatalf("test rule %q invalid: %v", rule.Description, err)
		}
		for _, role := range Roles() {
			tenant := ""
			if role.IsTenant() {
				tenant = "A"
			}
			p := principal(role, tenant)
			for _, site := range sites {
				err := Authorize(rule, p, site, t0)
				code := errs.CodeOf(err)
				onScope := rule.Scope == ScopeAny || rule.Scope == site.Scope
				home := (role.IsTenant() && site == siteA) || (role.IsPlatform() && site == sitePlatform)
				switch {
				case !onScope:
					if code != errs.NotFound {
						t.Errorf("%s / %s on %v: %v, want not_found", rule.Description, role, site, err)
					}
				case !home:
					if code != errs.Unauthorized {
						t.Errorf("%s / %s on %v: %v, want unauthorized (foreign session)", rule.Description, role, site, err)
					}
				case rule.Permission != "" && !p.Can(rule.Permission, t0):
					if code != errs.Forbidden {
						t.Errorf("%s / %s on %v: %v, want forbidden", rule.Description, role, site, err)
					}
				default:
					if err != nil {
						t.Errorf("%s / %s on %v: %v, want allowed", rule.Description, role, site, err)
					}
				}
			}
		}
	}
}

func TestRuleValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		rule Rule
		ok   bool
	}{
		{"fine", ruleResourcesW, true},
		{"public fine", ruleHealth, true},
		{"no scope", Rule{Description: "x"}, false},
		{"no description", Rule{Scope: ScopeAny}, false},
		{"unknown permission", Rule{Scope: ScopeTenant, Permission: "x.y", Description: "x"}, false},
		{"platform permission on a tenant route", Rule{Scope: ScopeTenant, Permission: PlatformAuditRead, Description: "x"}, false},
		{"tenant permission on a platform route", Rule{Scope: ScopePlatform, Permission: ResourcesRead, Description: "x"}, false},
		{"either-side permission anywhere", Rule{Scope: ScopePlatform, Permission: SessionsManage, Description: "x"}, true},
		{"public with permission", Rule{Scope: ScopeTenant, Public: true, Permission: ServicesRead, Description: "x"}, false},
		{"public refusing masquerade", Rule{Scope: ScopeTenant, Public: true, NotWhileMasquerading: true, Description: "x"}, false},
	} {
		err := tc.rule.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if err != nil && !errs.Is(err, errs.Invalid) {
			t.Errorf("%s: code %s", tc.name, errs.CodeOf(err))
		}
	}
}

func TestScopeText(t *testing.T) {
	for s, want := range map[Scope]string{ScopeAny: "any", ScopeApex: "apex", ScopePlatform: "platform", ScopeTenant: "tenant", 0: "invalid"} {
		b, _ := s.MarshalText()
		if s.String() != want || string(b) != want {
			t.Errorf("Scope(%d) = %q / %q, want %q", int(s), s.String(), b, want)
		}
	}
}
