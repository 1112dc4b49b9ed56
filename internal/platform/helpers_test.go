package platform

import "errors"

func asErr[T error](err error, target *T) bool { return errors.As(err, target) }

func n(v int) *int { return &v }

// DefaultPlans mirrors the tiers the shared migration seeds.
func DefaultPlans() []Plan {
	return []Plan{
		{Key: "free", Name: "Free", Price: "0.00", Currency: "USD", BillingPeriod: "month", Position: 0,
			Limits:   map[Limit]*int{MaxUsers: n(2), MaxResources: n(2), MaxServices: n(5), MaxAppointmentsPerMonth: n(100), MaxPlugins: n(0)},
			Features: map[Feature]bool{}},
		{Key: "professional", Name: "Professional", Price: "29.00", Currency: "USD", BillingPeriod: "month", Position: 1,
			Limits:   map[Limit]*int{MaxUsers: n(10), MaxResources: n(10), MaxServices: n(50), MaxAppointmentsPerMonth: n(2000), MaxPlugins: n(3)},
			Features: map[Feature]bool{OnlinePayments: true, EmailTemplates: true, Plugins: true, CustomDomain: true}},
		{Key: "business", Name: "Business", Price: "99.00", Currency: "USD", BillingPeriod: "month", Position: 2,
			Limits: map[Limit]*int{MaxUsers: n(50), MaxResources: n(50), MaxServices: n(200), MaxAppointmentsPerMonth: n(20000), MaxPlugins: n(20)},
			Features: map[Feature]bool{OnlinePayments: true, SMSReminders: true, EmailTemplates: true, CustomDomain: true, WhiteLabel: true,
				Plugins: true, APIAccess: true, Webhooks: true, AdvancedAnalytic: true, DataExport: true}},
		{Key: "enterprise", Name: "Enterprise", Price: "499.00", Currency: "USD", BillingPeriod: "month", Position: 3,
			Limits:   map[Limit]*int{MaxUsers: nil, MaxResources: nil, MaxServices: nil, MaxAppointmentsPerMonth: nil, MaxPlugins: nil},
			Features: allFeatures()},
	}
}

func allFeatures() map[Feature]bool {
	m := map[Feature]bool{}
	for _, g := range FeatureGroups {
		for _, f := range g.Features {
			m[f] = true
		}
	}
	return m
}
