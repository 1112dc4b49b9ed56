package platform

import (
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func plan(key string) Plan {
	for _, p := range DefaultPlans() {
		if p.Key == key {
			return p
		}
	}
	panic(key)
}

func TestDefaultPlansAreValidAndOrdered(t *testing.T) {
	prev := -1
	for _, p := range DefaultPlans() {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Key, err)
		}
		if p.Position <= prev {
			t.Errorf("%s out of order", p.Key)
		}
		prev = p.Position
		for _, l := range Limits {
			if _, ok := p.Limits[l]; !ok {
				t.Errorf("%s does not set %s", p.Key, l)
			}
		}
	}
}

func TestFreePlanBlocksPastItsLimitAndNamesTheUpgrade(t *testing.T) {
	e := Entitlements{Plan: plan("free"), Plans: DefaultPlans()}
	if err := e.CheckAdd(MaxResources, 1); err != nil {
		t.Fatalf("second resource refused: %v", err)
	}
	err := e.CheckAdd(MaxResources, 2)
	var ee *errs.Error
	if !errs.Is(err, errs.LimitReached) || !asErr(err, &ee) {
		t.Fatalf("third resource: %v", err)
	}
	if ee.Extra["limit"] != "maxResources" || ee.Extra["allowed"] != 2 || ee.Extra["upgradeTo"] != "professional" ||
		!strings.Contains(ee.Message, "Free plan allows 2 resources") || !strings.Contains(ee.Message, "Professional") {
		t.Fatalf("%s %v", ee.Message, ee.Extra)
	}
}

func TestOverridesWin(t *testing.T) {
	five := 5
	e := Entitlements{Plan: plan("free"), Plans: DefaultPlans(),
		Overrides: Overrides{Limits: map[Limit]*int{MaxResources: &five}, Features: map[Feature]bool{SMSReminders: true}}}
	if err := e.CheckAdd(MaxResources, 4); err != nil {
		t.Fatalf("override not applied: %v", err)
	}
	if err := e.CheckAdd(MaxResources, 5); !errs.Is(err, errs.LimitReached) {
		t.Fatalf("override limit not enforced: %v", err)
	}
	if err := e.Require(SMSReminders); err != nil {
		t.Fatalf("feature override not applied: %v", err)
	}
	unlimited := Entitlements{Plan: plan("free"), Overrides: Overrides{Limits: map[Limit]*int{MaxUsers: nil}}}
	if err := unlimited.CheckAdd(MaxUsers, 1_000_000); err != nil {
		t.Fatalf("nil override must mean unlimited: %v", err)
	}
}

func TestRequireNamesThePlanWithTheFeature(t *testing.T) {
	e := Entitlements{Plan: plan("professional"), Plans: DefaultPlans()}
	err := e.Require(Webhooks)
	var ee *errs.Error
	if !asErr(err, &ee) || ee.Extra["upgradeTo"] != "business" || !strings.Contains(ee.Message, "upgrade to Business") {
		t.Fatalf("%v", err)
	}
	ent := Entitlements{Plan: plan("enterprise"), Plans: DefaultPlans()}
	for _, g := range FeatureGroups {
		for _, f := range g.Features {
			if err := ent.Require(f); err != nil {
				t.Errorf("enterprise lacks %s", f)
			}
		}
	}
	if err := ent.CheckAdd(MaxAppointmentsPerMonth, 10_000_000); err != nil {
		t.Errorf("enterprise is unlimited: %v", err)
	}
}

func TestPlanValidation(t *testing.T) {
	neg := -1
	p := Plan{Key: "Gold Plan", Name: "", Price: "-5", Currency: "usd", BillingPeriod: "week",
		Limits: map[Limit]*int{MaxUsers: &neg, "maxRockets": nil}, Features: map[Feature]bool{"teleport": true}}
	err := p.Validate()
	var ee *errs.Error
	if !asErr(err, &ee) {
		t.Fatal(err)
	}
	want := []string{"key", "name", "price", "currency", "billingPeriod", "limits.maxUsers", "limits.maxRockets", "features.teleport"}
	got := map[string]bool{}
	for _, f := range ee.Fields {
		got[f.Location] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("no error at %s (%v)", w, ee.Fields)
		}
	}
}
