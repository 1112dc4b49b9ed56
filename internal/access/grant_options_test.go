package access

import (
	"slices"
	"testing"
	"time"
)

func TestGrantOptionsAreWhatValidateGrantAccepts(t *testing.T) {
	for _, grantor := range Roles() {
		for _, o := range GrantOptions(grantor) {
			if !o.Grantable || len(o.Roles) == 0 {
				t.Errorf("%s: %s listed without being grantable to anyone", grantor, o.Name)
			}
			for _, r := range o.Roles {
				if roleHolds(r, o.Name) || !Outranks(grantor, r) || !o.fitsRole(r) {
					t.Errorf("%s may not give %s to %s, yet it is listed", grantor, o.Name, r)
				}
			}
		}
	}
	names := func(os []GrantOption) (out []Permission) {
		for _, o := range os {
			out = append(out, o.Name)
		}
		return out
	}
	if got := GrantOptions(TenantStaff); len(got) != 0 {
		t.Errorf("TENANT_STAFF may grant %v", names(got))
	}
	owner := GrantOptions(TenantOwner)
	if !slices.Contains(names(owner), CustomersWrite) || slices.Contains(names(owner), StaffManage) || slices.Contains(names(owner), PlatformAuditRead) {
		t.Errorf("TENANT_OWNER's options: %v", names(owner))
	}
	for _, o := range owner {
		if o.Name == CustomersWrite && !slices.Equal(o.Roles, []Role{TenantStaff, Customer}) {
			t.Errorf("customers.write goes to %v, want the staff and customers (managers hold it)", o.Roles)
		}
	}
	manager := GrantOptions(PlatformManager)
	if !slices.Contains(names(manager), PlatformAuditRead) || slices.Contains(names(manager), CustomersWrite) {
		t.Errorf("PLATFORM_MANAGER's options: %v", names(manager))
	}
	// Every listed pair is accepted by ValidateGrant for the grantor's own business.
	p := Principal{Role: TenantOwner, TenantID: "t1"}
	for _, o := range owner {
		for _, r := range o.Roles {
			if err := ValidateGrant(p, r, "t1", o.Name, "why", 30*time.Minute); err != nil {
				t.Errorf("%s to %s: %v", o.Name, r, err)
			}
		}
	}
}
