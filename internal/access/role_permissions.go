package access

import "slices"

// roleGrants is what each role holds by itself. SUPERUSER holds the whole
// catalog and is not listed. Notable choices:
//   - only TENANT_OWNER, TENANT_MANAGER (and SUPERUSER) write resources,
//     services, hours, customers, appointments and blockers;
//   - TENANT_STAFF reads the schedule and its inputs but changes nothing by
//     role (a tenant policy or a grant may let it reschedule);
//   - CUSTOMER reaches only its own appointments (see CanReadOwn);
//   - PLATFORM_SUPPORT reads businesses and users and answers tickets but
//     cannot change plans or suspend; PLATFORM_MANAGER can;
//   - TENANT_OWNER reads its business's access audit (masquerades into it,
//     grants in it: AuditReadOwn), a permission of its own rather than
//     settings.write, so that it can be granted to a manager on its own;
//   - PLATFORM_MANAGER does not masquerade (the masquerade matrix gives it
//     no targets), so it does not hold masquerade.start.
var roleGrants = map[Role][]Permission{
	PlatformManager: {
		PlatformBusinessesRead, PlatformBusinessesWrite, PlatformBusinessesSuspend,
		PlatformUsersRead, PlatformUsersWrite, PlatformPlansWrite, PlatformStaffManage,
		PlatformTicketsManage, PlatformAuditRead, PlatformGrantsManage, PlatformDemoCreate,
		SessionsManage,
	},
	PlatformSupport: {
		PlatformBusinessesRead, PlatformUsersRead, PlatformTicketsManage,
		MasqueradeStart, SessionsManage,
	},
	PlatformSales: {
		PlatformBusinessesRead, PlatformDemoCreate, MasqueradeStart, SessionsManage,
	},
	TenantOwner: {
		ResourcesRead, ResourcesWrite, ServicesRead, ServicesWrite, HoursRead, HoursWrite,
		CustomersRead, CustomersWrite, AppointmentsRead, AppointmentsWrite,
		BlockersRead, BlockersWrite, SettingsRead, SettingsWrite,
		StaffRead, StaffInvite, StaffManage, TicketsCreate, TicketsRead,
		SupportApprove, AuditReadOwn, MasqueradeStart, SessionsManage,
	},
	TenantManager: {
		ResourcesRead, ResourcesWrite, ServicesRead, ServicesWrite, HoursRead, HoursWrite,
		CustomersRead, CustomersWrite, AppointmentsRead, AppointmentsWrite,
		BlockersRead, BlockersWrite, SettingsRead,
		StaffRead, StaffInvite, TicketsCreate, TicketsRead, SessionsManage,
	},
	TenantStaff: {
		ResourcesRead, ServicesRead, HoursRead, CustomersRead, AppointmentsRead,
		BlockersRead, TicketsCreate, SessionsManage,
	},
	Customer: {AppointmentsOwn, SessionsManage},
}

// roleSets indexes roleGrants for Can.
var roleSets = func() map[Role]map[Permission]bool {
	m := make(map[Role]map[Permission]bool, len(ranks))
	for r := range ranks {
		set := map[Permission]bool{}
		for _, p := range RolePermissions(r) {
			set[p] = true
		}
		m[r] = set
	}
	return m
}()

// RolePermissions lists what role r holds by itself, in catalog order: the
// whole catalog for SUPERUSER, nothing for an unknown role.
func RolePermissions(r Role) []Permission {
	var out []Permission
	for _, info := range catalog {
		if r == Superuser || slices.Contains(roleGrants[r], info.Name) {
			out = append(out, info.Name)
		}
	}
	return out
}

// roleHolds reports whether r holds p by role alone.
func roleHolds(r Role, p Permission) bool { return roleSets[r][p] }
