package access

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCatalogIsWellFormed(t *testing.T) {
	name := regexp.MustCompile(`^[a-z]+(\.[a-z]+)+$`)
	seen := map[Permission]bool{}
	for _, info := range Catalog() {
		if seen[info.Name] {
			t.Errorf("%s listed twice", info.Name)
		}
		seen[info.Name] = true
		if !name.MatchString(string(info.Name)) {
			t.Errorf("%s is not a dotted lowercase name", info.Name)
		}
		if info.Description == "" || !strings.HasSuffix(info.Description, ".") {
			t.Errorf("%s needs a one-sentence description", info.Name)
		}
		if strings.HasPrefix(string(info.Name), "platform.") != (info.Scope == ScopePlatform) {
			t.Errorf("%s: platform.* names and ScopePlatform must coincide (scope %s)", info.Name, info.Scope)
		}
		if info.Scope != ScopeTenant && info.Scope != ScopePlatform && info.Scope != ScopeAny {
			t.Errorf("%s has scope %s", info.Name, info.Scope)
		}
		if got, ok := Lookup(info.Name); !ok || got != info {
			t.Errorf("Lookup(%s) = %v, %v", info.Name, got, ok)
		}
	}
	if _, ok := Lookup("resources.delete"); ok {
		t.Error("Lookup found an unknown permission")
	}
	c := Catalog()
	c[0].Name = "changed"
	if Catalog()[0].Name == "changed" {
		t.Error("Catalog must return a copy")
	}
}

func TestRolePermissionsStayOnTheirSide(t *testing.T) {
	if got, want := len(RolePermissions(Superuser)), len(Catalog()); got != want {
		t.Errorf("SUPERUSER holds %d of %d permissions", got, want)
	}
	if got := RolePermissions("ROOT"); len(got) != 0 {
		t.Errorf("unknown role holds %v", got)
	}
	for _, r := range Roles() {
		for _, p := range RolePermissions(r) {
			info, ok := Lookup(p)
			if !ok {
				t.Errorf("%s holds unknown %s", r, p)
			}
			if r != Superuser && !info.fitsRole(r) {
				t.Errorf("%s holds %s, a %s permission", r, p, info.Scope)
			}
		}
	}
	for r, list := range roleGrants {
		for _, p := range list {
			if _, ok := Lookup(p); !ok {
				t.Errorf("roleGrants[%s] names %s, which is not in the catalog", r, p)
			}
		}
	}
}

// TestOldSystemSemantics pins the behaviour of the system we replace.
func TestOldSystemSemantics(t *testing.T) {
	holders := func(p Permission) []Role {
		var out []Role
		for _, r := range Roles() {
			if (&Principal{UserID: "u", Role: r}).Can(p, time.Now()) {
				out = append(out, r)
			}
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		perms []Permission
		want  []Role
	}{
		{"owner, manager and superuser write resources and services",
			[]Permission{ResourcesWrite, ServicesWrite, HoursWrite, CustomersWrite, BlockersWrite, AppointmentsWrite},
			[]Role{Superuser, TenantOwner, TenantManager}},
		{"staff-or-higher reads the schedule, customers do not",
			[]Permission{AppointmentsRead, ResourcesRead, ServicesRead, CustomersRead, HoursRead, BlockersRead},
			[]Role{Superuser, TenantOwner, TenantManager, TenantStaff}},
		{"support, sales, manager read businesses",
			[]Permission{PlatformBusinessesRead},
			[]Role{Superuser, PlatformManager, PlatformSupport, PlatformSales}},
		{"support and manager read users",
			[]Permission{PlatformUsersRead},
			[]Role{Superuser, PlatformManager, PlatformSupport}},
		{"only manager and superuser change plans, businesses, suspend",
			[]Permission{PlatformPlansWrite, PlatformBusinessesWrite, PlatformBusinessesSuspend, PlatformGrantsManage, PlatformStaffManage, PlatformAuditRead},
			[]Role{Superuser, PlatformManager}},
		{"masquerade.start follows the matrix's actors",
			[]Permission{MasqueradeStart},
			[]Role{Superuser, PlatformSupport, PlatformSales, TenantOwner}},
		{"only the owner approves support, manages staff, changes settings",
			[]Permission{SupportApprove, StaffManage, SettingsWrite},
			[]Role{Superuser, TenantOwner}},
		{"customers reach their own appointments",
			[]Permission{AppointmentsOwn},
			[]Role{Superuser, Customer}},
		{"everyone manages their own sessions",
			[]Permission{SessionsManage},
			Roles()},
	} {
		for _, p := range tc.perms {
			if got := holders(p); !slices.Equal(got, tc.want) {
				t.Errorf("%s: %s held by %v, want %v", tc.name, p, got, tc.want)
			}
		}
	}
}
