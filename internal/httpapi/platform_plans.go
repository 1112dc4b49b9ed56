package httpapi

import (
	"context"
	"math/big"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/platform"
)

// PlanBody is a plan as the plan editor reads and writes it.
type PlanBody struct {
	Key           string          `json:"key" readOnly:"true"`
	ID            string          `json:"id" readOnly:"true" doc:"the key (web app compatibility)"`
	Name          string          `json:"name" maxLength:"60"`
	Price         string          `json:"price" maxLength:"16" doc:"decimal amount, e.g. 29.00"`
	PriceMonthly  string          `json:"priceMonthly" readOnly:"true" doc:"monthly equivalent"`
	Currency      string          `json:"currency" maxLength:"3"`
	BillingPeriod string          `json:"billingPeriod" enum:"month,year"`
	Limits        map[string]*int `json:"limits" doc:"limit name to a number, or null for unlimited"`
	Features      []string        `json:"features" doc:"the features the plan includes"`
	Position      int             `json:"position"`
}

func planBody(p *platform.Plan) PlanBody {
	b := PlanBody{Key: p.Key, ID: p.Key, Name: p.Name, Price: p.Price, PriceMonthly: p.Price, Currency: p.Currency,
		BillingPeriod: p.BillingPeriod, Limits: map[string]*int{}, Features: []string{}, Position: p.Position}
	for l, v := range p.Limits {
		b.Limits[string(l)] = v
	}
	for _, g := range platform.FeatureGroups {
		for _, f := range g.Features {
			if p.Features[f] {
				b.Features = append(b.Features, string(f))
			}
		}
	}
	if p.BillingPeriod == "year" {
		b.PriceMonthly = monthlyOf(p.Price)
	}
	return b
}

type plansOut struct{ Body Page[PlanBody] }

func (s *Server) listPlans(ctx context.Context, _ *struct{}) (*plansOut, error) {
	plans, err := s.Platform.Plans(ctx)
	if err != nil {
		return nil, err
	}
	items := make([]PlanBody, len(plans))
	for i := range plans {
		items[i] = planBody(&plans[i])
	}
	return &plansOut{Body: Page[PlanBody]{Count: len(items), Results: items}}, nil
}

type planPutIn struct {
	Key  string `path:"key" maxLength:"40"`
	Body struct {
		Name          string          `json:"name" maxLength:"60"`
		Price         string          `json:"price" maxLength:"16"`
		Currency      string          `json:"currency,omitempty" maxLength:"3" doc:"default USD"`
		BillingPeriod string          `json:"billingPeriod,omitempty" maxLength:"5" doc:"month (default) or year"`
		Limits        map[string]*int `json:"limits,omitempty"`
		Features      []string        `json:"features,omitempty"`
		Position      int             `json:"position,omitempty"`
	}
}

type planOut struct{ Body PlanBody }

func (s *Server) putPlan(ctx context.Context, in *planPutIn) (*planOut, error) {
	b := in.Body
	p := platform.Plan{Name: b.Name, Price: b.Price, Currency: b.Currency, BillingPeriod: b.BillingPeriod, Position: b.Position,
		Limits: map[platform.Limit]*int{}, Features: map[platform.Feature]bool{}}
	if p.Currency == "" {
		p.Currency = "USD"
	}
	if p.BillingPeriod == "" {
		p.BillingPeriod = "month"
	}
	for l, v := range b.Limits {
		p.Limits[platform.Limit(l)] = v
	}
	for _, f := range b.Features {
		p.Features[platform.Feature(f)] = true
	}
	saved, err := s.Admin.SavePlan(ctx, principalFrom(ctx), in.Key, p)
	if err != nil {
		return nil, err
	}
	return &planOut{Body: planBody(saved)}, nil
}

type planKeyPath struct {
	Key string `path:"key" maxLength:"40"`
}

func (s *Server) deletePlan(ctx context.Context, in *planKeyPath) (*struct{}, error) {
	return nil, s.Admin.DeletePlan(ctx, principalFrom(ctx), in.Key)
}

// SettingsBody are the platform settings.
type SettingsBody struct {
	DefaultPlan        string    `json:"defaultPlan"`
	TrialDays          int       `json:"trialDays"`
	DemoDays           int       `json:"demoDays"`
	BrandName          string    `json:"brandName"`
	SupportEmail       string    `json:"supportEmail"`
	RequirePlatformMFA bool      `json:"requirePlatformMFA"`
	UpdatedAt          time.Time `json:"updatedAt"`
}

type settingsOut struct{ Body SettingsBody }

func settingsBody(st *platform.Settings) *settingsOut {
	return &settingsOut{Body: SettingsBody{DefaultPlan: st.DefaultPlan, TrialDays: st.TrialDays, DemoDays: st.DemoDays,
		BrandName: st.BrandName, SupportEmail: st.SupportEmail, RequirePlatformMFA: st.RequirePlatformMFA, UpdatedAt: st.UpdatedAt}}
}

func (s *Server) getPlatformSettings(ctx context.Context, _ *struct{}) (*settingsOut, error) {
	st, err := s.Platform.Settings(ctx)
	if err != nil {
		return nil, err
	}
	return settingsBody(&st), nil
}

type settingsPatchIn struct {
	Body struct {
		DefaultPlan        *string `json:"defaultPlan,omitempty" maxLength:"40"`
		TrialDays          *int    `json:"trialDays,omitempty"`
		DemoDays           *int    `json:"demoDays,omitempty"`
		BrandName          *string `json:"brandName,omitempty" maxLength:"60"`
		SupportEmail       *string `json:"supportEmail,omitempty" maxLength:"254"`
		RequirePlatformMFA *bool   `json:"requirePlatformMFA,omitempty"`
	}
}

func (s *Server) patchPlatformSettings(ctx context.Context, in *settingsPatchIn) (*settingsOut, error) {
	b := in.Body
	st, err := s.Admin.UpdateSettings(ctx, principalFrom(ctx), platform.SettingsChange{DefaultPlan: b.DefaultPlan, TrialDays: b.TrialDays,
		DemoDays: b.DemoDays, BrandName: b.BrandName, SupportEmail: b.SupportEmail, RequirePlatformMFA: b.RequirePlatformMFA})
	if err != nil {
		return nil, err
	}
	return settingsBody(st), nil
}

// monthlyOf is a yearly price's monthly equivalent, rounded to the cent.
func monthlyOf(price string) string {
	r, ok := new(big.Rat).SetString(price)
	if !ok {
		return price
	}
	return r.Quo(r, big.NewRat(12, 1)).FloatString(2)
}
