package platform

import (
	"context"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/audit"
	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// SavePlan creates or replaces the plan named key.
func (a *Admin) SavePlan(ctx context.Context, p *access.Principal, key string, plan Plan) (*Plan, error) {
	plan.Key = key
	if err := plan.Validate(); err != nil {
		return nil, err
	}
	e := a.event(ctx, p, audit.Event{Action: audit.PlanSaved, Detail: map[string]any{"plan": key, "price": plan.Price, "limits": plan.Limits}})
	if err := a.Store.SavePlan(ctx, plan, e); err != nil {
		return nil, err
	}
	return &plan, nil
}

// DeletePlan removes a plan no business and no pending invitation uses and
// that is not the default plan.
func (a *Admin) DeletePlan(ctx context.Context, p *access.Principal, key string) error {
	st, err := a.Store.Settings(ctx)
	if err != nil {
		return err
	}
	if st.DefaultPlan == key {
		return errs.E(errs.Conflict, "%q is the default plan of new businesses; choose another default first", key)
	}
	return a.Admin.DeletePlan(ctx, key, a.event(ctx, p, audit.Event{Action: audit.PlanDeleted, Detail: map[string]any{"plan": key}}))
}

// SettingsChange is a partial update of the platform settings.
type SettingsChange struct {
	DefaultPlan        *string
	TrialDays          *int
	DemoDays           *int
	BrandName          *string
	SupportEmail       *string
	RequirePlatformMFA *bool
}

// UpdateSettings validates and applies a change of the platform settings.
func (a *Admin) UpdateSettings(ctx context.Context, p *access.Principal, c SettingsChange) (*Settings, error) {
	st, err := a.Store.Settings(ctx)
	if err != nil {
		return nil, err
	}
	var v errs.Validation
	if c.DefaultPlan != nil {
		plans, err := a.Store.Plans(ctx)
		if err != nil {
			return nil, err
		}
		known := false
		for _, pl := range plans {
			known = known || pl.Key == *c.DefaultPlan
		}
		if !known {
			v.Add("defaultPlan", "unknown plan %q", *c.DefaultPlan)
		}
		st.DefaultPlan = *c.DefaultPlan
	}
	if c.TrialDays != nil {
		if *c.TrialDays < 0 || *c.TrialDays > 365 {
			v.Add("trialDays", "trial days must be between 0 and 365")
		}
		st.TrialDays = *c.TrialDays
	}
	if c.DemoDays != nil {
		if *c.DemoDays < 1 || *c.DemoDays > 90 {
			v.Add("demoDays", "demo days must be between 1 and 90")
		}
		st.DemoDays = *c.DemoDays
	}
	if c.BrandName != nil {
		st.BrandName = strings.TrimSpace(*c.BrandName)
		if n := len([]rune(st.BrandName)); n == 0 || n > 60 {
			v.Add("brandName", "the brand name must have 1 to 60 characters")
		}
	}
	if c.SupportEmail != nil {
		st.SupportEmail = ""
		if strings.TrimSpace(*c.SupportEmail) != "" {
			email, err := identity.NormalizeEmail(*c.SupportEmail)
			if err != nil {
				v.Add("supportEmail", "%s", err.(*errs.Error).Message)
			}
			st.SupportEmail = email
		}
	}
	if c.RequirePlatformMFA != nil {
		st.RequirePlatformMFA = *c.RequirePlatformMFA
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	e := a.event(ctx, p, audit.Event{Action: audit.PlatformSettingsChanged, Detail: map[string]any{"defaultPlan": st.DefaultPlan,
		"trialDays": st.TrialDays, "demoDays": st.DemoDays, "requirePlatformMFA": st.RequirePlatformMFA}})
	if err := a.Store.SaveSettings(ctx, st, e); err != nil {
		return nil, err
	}
	saved, err := a.Store.Settings(ctx)
	return &saved, err
}
