package access

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func TestParseRole(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Role
		ok   bool
	}{
		{"SUPERUSER", Superuser, true},
		{"tenant_staff", TenantStaff, true},
		{"  Customer ", Customer, true},
		{"PLATFORM_SALES", PlatformSales, true},
		{"", "", false},
		{"ADMIN", "", false},
		{"TENANT-OWNER", "", false},
	} {
		got, err := ParseRole(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errs.Is(err, errs.Invalid) {
			t.Errorf("ParseRole(%q) error code = %s, want invalid", tc.in, errs.CodeOf(err))
		}
	}
}

func TestRoleSidesAndRanks(t *testing.T) {
	platform := []Role{Superuser, PlatformManager, PlatformSupport, PlatformSales}
	tenant := []Role{TenantOwner, TenantManager, TenantStaff, Customer}
	for _, side := range [][]Role{platform, tenant} {
		for i, r := range side {
			if !r.Valid() || r.IsPlatform() == r.IsTenant() {
				t.Errorf("%s: valid=%v platform=%v tenant=%v", r, r.Valid(), r.IsPlatform(), r.IsTenant())
			}
			if r.IsPlatform() != (side[0] == Superuser) {
				t.Errorf("%s is on the wrong side", r)
			}
			// A strict total order inside each side, highest first.
			if i > 0 && !(side[i-1].Rank() > r.Rank()) {
				t.Errorf("Rank(%s)=%d should exceed Rank(%s)=%d", side[i-1], side[i-1].Rank(), r, r.Rank())
			}
		}
	}
	if got := len(Roles()); got != 8 {
		t.Fatalf("Roles() has %d roles, want 8", got)
	}
	bogus := Role("ROOT")
	if bogus.Valid() || bogus.IsPlatform() || bogus.IsTenant() || bogus.Rank() != 0 {
		t.Errorf("unknown role must be invalid with rank 0")
	}
}

func TestOutranks(t *testing.T) {
	for _, tc := range []struct {
		a, b Role
		want bool
	}{
		{Superuser, PlatformManager, true},
		{PlatformManager, PlatformSupport, true},
		{PlatformSupport, PlatformSales, true},
		{PlatformSales, PlatformSupport, false},
		{TenantOwner, TenantManager, true},
		{TenantManager, TenantStaff, true},
		{TenantStaff, Customer, true},
		{Customer, TenantStaff, false},
		{Superuser, TenantOwner, true},
		{Superuser, Customer, true},
		{PlatformManager, Customer, false},
		{TenantOwner, PlatformSales, false},
		{Superuser, Superuser, false},
		{Role("ROOT"), Customer, false},
		{Superuser, Role("ROOT"), false},
	} {
		if got := Outranks(tc.a, tc.b); got != tc.want {
			t.Errorf("Outranks(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	for _, r := range Roles() {
		if Outranks(r, r) {
			t.Errorf("%s outranks itself", r)
		}
	}
}

func TestValidateAssignment(t *testing.T) {
	for _, r := range Roles() {
		withTenant, withoutTenant := ValidateAssignment(r, true), ValidateAssignment(r, false)
		if r.IsTenant() {
			if withTenant != nil {
				t.Errorf("%s with tenant: %v", r, withTenant)
			}
			want := "Users with role " + string(r) + " must be assigned to a tenant"
			if withoutTenant == nil || withoutTenant.Error() != want {
				t.Errorf("%s without tenant: %v, want %q", r, withoutTenant, want)
			}
			checkField(t, withoutTenant, "businessId")
		} else {
			if withoutTenant != nil {
				t.Errorf("%s without tenant: %v", r, withoutTenant)
			}
			want := "Users with role " + string(r) + " are platform staff and cannot be assigned to a tenant"
			if withTenant == nil || withTenant.Error() != want {
				t.Errorf("%s with tenant: %v, want %q", r, withTenant, want)
			}
		}
	}
	if got := ValidateAssignment(TenantStaff, false); got.Error() != "Users with role TENANT_STAFF must be assigned to a tenant" {
		t.Errorf("contract message changed: %q", got)
	}
	checkField(t, ValidateAssignment("ROOT", false), "role")
}

func TestCanAssignRole(t *testing.T) {
	allowed := map[Role][]Role{
		Superuser:       Roles(),
		PlatformManager: {PlatformManager, PlatformSupport, PlatformSales},
		TenantOwner:     {TenantOwner, TenantManager, TenantStaff, Customer},
		TenantManager:   {TenantManager, TenantStaff, Customer},
	}
	for _, actor := range Roles() {
		for _, newRole := range Roles() {
			want := false
			for _, r := range allowed[actor] {
				want = want || r == newRole
			}
			if got := CanAssignRole(actor, newRole); got != want {
				t.Errorf("CanAssignRole(%s, %s) = %v, want %v", actor, newRole, got, want)
			}
		}
		if CanAssignRole(actor, "ROOT") {
			t.Errorf("%s can assign an unknown role", actor)
		}
	}
}

// TestNoRoleAssignsAboveItself is the generated property: for every pair,
// an assignable role never outranks the actor, and never crosses sides
// unless the actor is SUPERUSER.
func TestNoRoleAssignsAboveItself(t *testing.T) {
	for _, actor := range append(Roles(), "ROOT", "") {
		for _, newRole := range Roles() {
			if !CanAssignRole(actor, newRole) {
				continue
			}
			if Outranks(newRole, actor) {
				t.Errorf("%s can assign %s, which outranks it", actor, newRole)
			}
			if actor != Superuser && actor.IsPlatform() != newRole.IsPlatform() {
				t.Errorf("%s can assign %s across sides", actor, newRole)
			}
		}
	}
}

// checkField asserts err is an Invalid *errs.Error naming location.
func checkField(t *testing.T, err error, location string) {
	t.Helper()
	e, ok := err.(*errs.Error)
	if !ok || e.Code != errs.Invalid || len(e.Fields) == 0 || e.Fields[0].Location != location {
		t.Errorf("error %#v: want Invalid on %s", err, location)
	}
}
