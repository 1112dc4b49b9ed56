// Package platform is the business of running SmoothSchedule itself: plans
// (tiers) with their limits and feature flags, per-tenant overrides, the
// platform's settings. The server enforces plans here, never the UI: a limit
// reached or a feature missing is an errs.LimitReached naming the limit and
// the plan that allows more.
package platform

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Limit names a countable entitlement.
type Limit string

// The limits a plan sets.
const (
	MaxUsers                Limit = "maxUsers"
	MaxResources            Limit = "maxResources"
	MaxServices             Limit = "maxServices"
	MaxAppointmentsPerMonth Limit = "maxAppointmentsPerMonth"
	MaxPlugins              Limit = "maxPlugins"
)

// Limits lists every limit in display order.
var Limits = []Limit{MaxUsers, MaxResources, MaxServices, MaxAppointmentsPerMonth, MaxPlugins}

var limitNouns = map[Limit]string{
	MaxUsers: "users", MaxResources: "resources", MaxServices: "services",
	MaxAppointmentsPerMonth: "appointments a month", MaxPlugins: "plugins",
}

// Feature names a permission flag of a plan.
type Feature string

// The features, by group.
const (
	OnlinePayments   Feature = "onlinePayments"
	SMSReminders     Feature = "smsReminders"
	EmailTemplates   Feature = "emailTemplates"
	CustomDomain     Feature = "customDomain"
	WhiteLabel       Feature = "whiteLabel"
	Plugins          Feature = "plugins"
	CustomPlugins    Feature = "customPlugins"
	APIAccess        Feature = "apiAccess"
	Webhooks         Feature = "webhooks"
	AdvancedAnalytic Feature = "advancedAnalytics"
	DataExport       Feature = "dataExport"
	SSO              Feature = "sso"
	AuditLogExport   Feature = "auditLogExport"
	PrioritySupport  Feature = "prioritySupport"
)

// FeatureGroup is a heading of the plan editor.
type FeatureGroup struct {
	Name     string
	Features []Feature
}

// FeatureGroups lists every feature under its group.
var FeatureGroups = []FeatureGroup{
	{"Payments", []Feature{OnlinePayments}},
	{"Communication", []Feature{SMSReminders, EmailTemplates}},
	{"Customization", []Feature{CustomDomain, WhiteLabel}},
	{"Plugins", []Feature{Plugins, CustomPlugins}},
	{"Advanced", []Feature{APIAccess, Webhooks, AdvancedAnalytic, DataExport}},
	{"Enterprise", []Feature{SSO, AuditLogExport, PrioritySupport}},
}

// KnownFeature reports whether f is in the catalog.
func KnownFeature(f Feature) bool {
	for _, g := range FeatureGroups {
		if slices.Contains(g.Features, f) {
			return true
		}
	}
	return false
}

// Plan is a tier. A nil limit means unlimited.
type Plan struct {
	Key           string // free, professional, business, enterprise, or an operator's own
	Name          string
	Price         string // decimal, e.g. "29.00"
	Currency      string
	BillingPeriod string // month or year
	Limits        map[Limit]*int
	Features      map[Feature]bool
	Position      int // order in listings, cheapest first
}

// Validate checks a plan as the plan editor submits it.
func (p Plan) Validate() error {
	var v errs.Validation
	if p.Key == "" || strings.Trim(p.Key, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" || len(p.Key) > 40 {
		v.Add("key", "plan key %q must be lowercase letters, digits and hyphens", p.Key)
	}
	if strings.TrimSpace(p.Name) == "" {
		v.Add("name", "a plan needs a name")
	}
	if !validPrice(p.Price) {
		v.Add("price", "price %q must be a non-negative amount like 29.00", p.Price)
	}
	if len(p.Currency) != 3 || strings.ToUpper(p.Currency) != p.Currency {
		v.Add("currency", "currency %q must be a three-letter code like USD", p.Currency)
	}
	if p.BillingPeriod != "month" && p.BillingPeriod != "year" {
		v.Add("billingPeriod", "billing period must be month or year, not %q", p.BillingPeriod)
	}
	for l, val := range p.Limits {
		if limitNouns[l] == "" {
			v.Add("limits."+string(l), "unknown limit %q", l)
		} else if val != nil && *val < 0 {
			v.Add("limits."+string(l), "%s cannot be negative (leave it empty for unlimited)", l)
		}
	}
	for f := range p.Features {
		if !KnownFeature(f) {
			v.Add("features."+string(f), "unknown feature %q", f)
		}
	}
	return v.Err()
}

func validPrice(s string) bool {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 {
		return false
	}
	return strings.Trim(whole, "0123456789") == "" && strings.Trim(frac, "0123456789") == ""
}

// Overrides adjust one tenant's plan: a limit or feature present here wins
// over the plan's. A limit override of nil means unlimited.
type Overrides struct {
	Limits   map[Limit]*int
	Features map[Feature]bool
}

// Validate checks overrides like a plan's limits and features.
func (o Overrides) Validate() error {
	p := Plan{Key: "x", Name: "x", Price: "0", Currency: "USD", BillingPeriod: "month", Limits: o.Limits, Features: o.Features}
	return p.Validate()
}

// Entitlements are what one tenant may do: its plan with its overrides
// applied. Plans lists every plan, to name the cheapest one allowing more.
type Entitlements struct {
	Plan      Plan
	Overrides Overrides
	Plans     []Plan
}

// LimitOf returns the effective limit (nil: unlimited).
func (e Entitlements) LimitOf(l Limit) *int {
	if v, ok := e.Overrides.Limits[l]; ok {
		return v
	}
	return e.Plan.Limits[l]
}

// Has reports whether a feature is on.
func (e Entitlements) Has(f Feature) bool {
	if v, ok := e.Overrides.Features[f]; ok {
		return v
	}
	return e.Plan.Features[f]
}

// CheckAdd says whether one more of l fits when current exist. The error
// names the limit, the plan and the cheapest plan that allows more.
func (e Entitlements) CheckAdd(l Limit, current int) error {
	max := e.LimitOf(l)
	if max == nil || current < *max {
		return nil
	}
	msg := fmt.Sprintf("your %s plan allows %d %s and you have %d", e.Plan.Name, *max, limitNouns[l], current)
	err := errs.E(errs.LimitReached, "%s", msg).With("limit", string(l)).With("allowed", *max).With("plan", e.Plan.Key)
	if up := e.upgradeFor(func(p Plan) bool { v := p.Limits[l]; return v == nil || *v > current }); up != nil {
		err.Message = fmt.Sprintf("%s; the %s plan allows more — upgrade to add another", msg, up.Name)
		err.With("upgradeTo", up.Key)
	} else {
		err.Message = msg + "; contact support to raise it"
	}
	return err
}

// Require says whether a feature is on, naming the plan that has it if not.
func (e Entitlements) Require(f Feature) error {
	if e.Has(f) {
		return nil
	}
	err := errs.E(errs.LimitReached, "your %s plan does not include %s", e.Plan.Name, f).With("feature", string(f)).With("plan", e.Plan.Key)
	if up := e.upgradeFor(func(p Plan) bool { return p.Features[f] }); up != nil {
		err.Message += "; upgrade to " + up.Name + " to use it"
		err.With("upgradeTo", up.Key)
	}
	return err
}

// upgradeFor returns the cheapest plan above the current one satisfying ok.
func (e Entitlements) upgradeFor(ok func(Plan) bool) *Plan {
	plans := slices.Clone(e.Plans)
	slices.SortFunc(plans, func(a, b Plan) int { return a.Position - b.Position })
	for i := range plans {
		if plans[i].Position > e.Plan.Position && ok(plans[i]) {
			return &plans[i]
		}
	}
	return nil
}

// Enforce applies the plan of a tenant (its id and plan key) to adding one
// more of l. count is read only when the plan, with the tenant's overrides,
// limits l. Inside a transaction, st must read on that transaction.
func Enforce(ctx context.Context, st EntitlementsReader, tenantID, plan string, l Limit, count func() (int, error)) error {
	e, err := st.Entitlements(ctx, tenantID, plan)
	if err != nil {
		return err
	}
	if e.LimitOf(l) == nil {
		return nil
	}
	n, err := count()
	if err != nil {
		return err
	}
	return e.CheckAdd(l, n)
}
