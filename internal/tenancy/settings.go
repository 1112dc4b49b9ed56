package tenancy

import (
	"context"
	"strings"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// SettingsStore saves a business's own settings (name, branding, time zone
// and policies) column by column: only the fields a change sets are
// written, in one UPDATE, so that two processes changing different fields
// never undo each other from a cached row. It answers the tenant as stored.
type SettingsStore interface {
	UpdateSettings(ctx context.Context, tenantID string, u SettingsUpdate) (*Tenant, error)
}

// SettingsUpdate is a change to a business's settings; nil fields stay.
// The support-access approval requirement is not among them: it has one
// path of its own (identity.Service.SetApprovalRequired, needing
// support.approve, always audited).
type SettingsUpdate struct {
	Name                       *string
	PrimaryColor               *string
	SecondaryColor             *string
	LogoURL                    *string
	TimeZone                   *string
	ResourcesCanReschedule     *bool
	RequirePaymentMethodToBook *bool
	CancellationWindowHours    *int
	LateCancellationFeePercent *int
}

// SaveSettings validates u and saves the fields it sets on the tenant.
func SaveSettings(ctx context.Context, store SettingsStore, tenantID string, u SettingsUpdate) (*Tenant, error) {
	if err := u.Apply(&Tenant{}); err != nil {
		return nil, err
	}
	if u.Name != nil {
		n := strings.TrimSpace(*u.Name)
		u.Name = &n
	}
	return store.UpdateSettings(ctx, tenantID, u)
}

// Apply validates u and applies it to t.
func (u SettingsUpdate) Apply(t *Tenant) error {
	var v errs.Validation
	if u.Name != nil {
		if n := strings.TrimSpace(*u.Name); n == "" || len(n) > 200 {
			v.Add("name", "name is required (at most 200 characters)")
		} else {
			t.Name = n
		}
	}
	color := func(loc string, dst *string, val *string) {
		if val == nil {
			return
		}
		if *val != "" && !colorRE.MatchString(*val) {
			v.Add(loc, "%s must be a color like #1a2b3c", loc[strings.LastIndex(loc, ".")+1:])
			return
		}
		*dst = *val
	}
	color("primaryColor", &t.PrimaryColor, u.PrimaryColor)
	color("secondaryColor", &t.SecondaryColor, u.SecondaryColor)
	if u.LogoURL != nil {
		if l := *u.LogoURL; len(l) > 2000 || (l != "" && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "/")) {
			v.Add("logoUrl", "logoUrl must be an https:// URL or a path on this site")
		} else {
			t.LogoURL = *u.LogoURL
		}
	}
	if u.TimeZone != nil {
		if err := ValidateTimeZone("timezone", *u.TimeZone); err != nil {
			v.Add("timezone", "%s", err.Error())
		} else {
			t.TimeZone = *u.TimeZone
		}
	}
	if u.ResourcesCanReschedule != nil {
		t.Policies.ResourcesCanReschedule = *u.ResourcesCanReschedule
	}
	if u.RequirePaymentMethodToBook != nil {
		t.Policies.RequirePaymentMethodToBook = *u.RequirePaymentMethodToBook
	}
	if h := u.CancellationWindowHours; h != nil {
		if *h < 0 || *h > 24*30 {
			v.Add("cancellationWindowHours", "cancellationWindowHours must be from 0 to 720")
		} else {
			t.Policies.CancellationWindowHours = *h
		}
	}
	if p := u.LateCancellationFeePercent; p != nil {
		if *p < 0 || *p > 100 {
			v.Add("lateCancellationFeePercent", "lateCancellationFeePercent must be from 0 to 100")
		} else {
			t.Policies.LateCancellationFeePercent = *p
		}
	}
	return v.Err()
}
