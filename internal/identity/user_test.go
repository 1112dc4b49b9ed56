package identity

import (
	"strings"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func TestNormalizeEmail(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"ann@example.com", "ann@example.com", true},
		{"  Ann.Lee+Book@Example.COM ", "ann.lee+book@example.com", true},
		{"", "", false},
		{"ann", "", false},
		{"ann@", "", false},
		{"@example.com", "", false},
		{"ann@localhost", "", false},
		{"Ann <ann@example.com>", "", false},
		{"<ann@example.com>", "", false},
		{"ann@example.com (Ann)", "", false},
		{"ann@example.com, bob@example.com", "", false},
		{"ann lee@example.com", "", false},
		{strings.Repeat("a", 250) + "@example.com", "", false},
	} {
		got, err := NormalizeEmail(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil {
			if e := err.(*errs.Error); e.Code != errs.Invalid || e.Fields[0].Location != "email" {
				t.Errorf("NormalizeEmail(%q): %#v", tc.in, e)
			}
		}
	}
}

func TestValidateNewUser(t *testing.T) {
	tenant, empty := "t-1", ""
	u, err := ValidateNewUser(User{Email: " Ann@Example.com", Name: " Ann ", Role: access.TenantStaff, TenantID: &tenant})
	if err != nil {
		t.Fatal(err)
	}
	if u.Email != "ann@example.com" || u.Name != "Ann" || u.Status != StatusActive {
		t.Errorf("not normalized: %+v", u)
	}
	for _, tc := range []struct {
		name   string
		u      User
		fields []string
	}{
		{"platform user", User{Email: "su@example.com", Name: "Su", Role: access.Superuser}, nil},
		{"disabled", User{Email: "a@example.com", Name: "A", Role: access.Customer, TenantID: &tenant, Status: StatusDisabled}, nil},
		{"tenant role without tenant", User{Email: "a@example.com", Name: "A", Role: access.TenantStaff}, []string{"businessId"}},
		{"empty tenant id counts as none", User{Email: "a@example.com", Name: "A", Role: access.TenantOwner, TenantID: &empty}, []string{"businessId"}},
		{"platform role with tenant", User{Email: "a@example.com", Name: "A", Role: access.PlatformSales, TenantID: &tenant}, []string{"businessId"}},
		{"everything wrong", User{Email: "nope", Name: " ", Role: "ROOT", Status: "banned"}, []string{"email", "name", "role", "status"}},
		{"long name", User{Email: "a@example.com", Name: strings.Repeat("é", 151), Role: access.Superuser}, []string{"name"}},
	} {
		_, err := ValidateNewUser(tc.u)
		var got []string
		if err != nil {
			for _, f := range err.(*errs.Error).Fields {
				got = append(got, f.Location)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.fields, ",") {
			t.Errorf("%s: fields %v, want %v (%v)", tc.name, got, tc.fields, err)
		}
	}
	_, err = ValidateNewUser(User{Email: "a@example.com", Name: "A", Role: access.TenantStaff})
	if err == nil || !strings.Contains(err.Error(), "Users with role TENANT_STAFF must be assigned to a tenant") {
		t.Errorf("contract message missing: %v", err)
	}
}
