package access

import "slices"

// Permission names one action. Names are dotted ("resources.write") and are
// part of the API: GET /api/auth/me/ lists a user's, and grants name one.
type Permission string

// Tenant-side permissions: they act inside one tenant, on its host.
const (
	ResourcesRead     Permission = "resources.read"
	ResourcesWrite    Permission = "resources.write"
	ServicesRead      Permission = "services.read"
	ServicesWrite     Permission = "services.write"
	HoursRead         Permission = "hours.read"
	HoursWrite        Permission = "hours.write"
	CustomersRead     Permission = "customers.read"
	CustomersWrite    Permission = "customers.write"
	AppointmentsRead  Permission = "appointments.read"
	AppointmentsWrite Permission = "appointments.write"
	AppointmentsOwn   Permission = "appointments.own"
	BlockersRead      Permission = "blockers.read"
	BlockersWrite     Permission = "blockers.write"
	SettingsRead      Permission = "settings.read"
	SettingsWrite     Permission = "settings.write"
	StaffRead         Permission = "staff.read"
	StaffInvite       Permission = "staff.invite"
	StaffManage       Permission = "staff.manage"
	TicketsCreate     Permission = "tickets.create"
	TicketsRead       Permission = "tickets.read"
	SupportApprove    Permission = "support.approve"
	AuditReadOwn      Permission = "audit.own"
)

// Platform-side permissions: they act on the platform host.
const (
	PlatformBusinessesRead    Permission = "platform.businesses.read"
	PlatformBusinessesWrite   Permission = "platform.businesses.write"
	PlatformBusinessesSuspend Permission = "platform.businesses.suspend"
	PlatformUsersRead         Permission = "platform.users.read"
	PlatformUsersWrite        Permission = "platform.users.write"
	PlatformPlansWrite        Permission = "platform.plans.write"
	PlatformStaffManage       Permission = "platform.staff.manage"
	PlatformTicketsManage     Permission = "platform.tickets.manage"
	PlatformAuditRead         Permission = "platform.audit.read"
	PlatformGrantsManage      Permission = "platform.grants.manage"
	PlatformDemoCreate        Permission = "platform.demo.create"
)

// Permissions held on either side.
const (
	MasqueradeStart Permission = "masquerade.start"
	SessionsManage  Permission = "sessions.manage"
)

// PermissionInfo describes one permission of the catalog.
type PermissionInfo struct {
	Name        Permission `json:"name"`
	Description string     `json:"description"`
	// Scope is ScopeTenant, ScopePlatform, or ScopeAny (either side).
	Scope Scope `json:"scope"`
	// Grantable tells whether a PermissionGrant may name it. Delegation,
	// role management, long-lived credentials and irreversible acts are not
	// grantable.
	Grantable bool `json:"grantable"`
}

var catalog = []PermissionInfo{
	{ResourcesRead, "See the business's resources (staff, rooms, equipment).", ScopeTenant, true},
	{ResourcesWrite, "Create, change and delete resources.", ScopeTenant, true},
	{ServicesRead, "See every service, with prices, durations and inactive ones.", ScopeTenant, true},
	{ServicesWrite, "Create, change and delete services.", ScopeTenant, true},
	{HoursRead, "See the business hours.", ScopeTenant, true},
	{HoursWrite, "Change the business hours.", ScopeTenant, true},
	{CustomersRead, "See the business's customer records.", ScopeTenant, true},
	{CustomersWrite, "Create, change and delete customer records.", ScopeTenant, true},
	{AppointmentsRead, "See every appointment of the business (the schedule).", ScopeTenant, true},
	{AppointmentsWrite, "Book, change and cancel any appointment of the business.", ScopeTenant, true},
	{AppointmentsOwn, "See, book and cancel your own appointments as a customer.", ScopeTenant, true},
	{BlockersRead, "See the time blocked off resources.", ScopeTenant, true},
	{BlockersWrite, "Block off and release resource time.", ScopeTenant, true},
	{SettingsRead, "See the business settings and policies.", ScopeTenant, true},
	{SettingsWrite, "Change the business settings, branding and policies.", ScopeTenant, true},
	{StaffRead, "See the business's staff users and their roles.", ScopeTenant, true},
	{StaffInvite, "Invite staff users at or below your own role.", ScopeTenant, true},
	{StaffManage, "Change staff users' roles, disable them, and grant them permissions.", ScopeTenant, false},
	{TicketsCreate, "Open support tickets to the platform.", ScopeTenant, true},
	{TicketsRead, "See the business's support tickets.", ScopeTenant, true},
	{SupportApprove, "Approve platform support's masquerade access to the business.", ScopeTenant, false},
	{AuditReadOwn, "See who acted as the business's users and which permissions were granted in it (access transparency).", ScopeTenant, true},

	{PlatformBusinessesRead, "See every business, its plan and its metrics.", ScopePlatform, true},
	{PlatformBusinessesWrite, "Create businesses and change their details and plan.", ScopePlatform, true},
	{PlatformBusinessesSuspend, "Suspend and reactivate businesses.", ScopePlatform, true},
	{PlatformUsersRead, "See every user of the platform and of every business.", ScopePlatform, true},
	{PlatformUsersWrite, "Change users' details, disable them and reset their credentials.", ScopePlatform, true},
	{PlatformPlansWrite, "Create and change subscription plans and their limits.", ScopePlatform, true},
	{PlatformStaffManage, "Invite platform staff and change their roles.", ScopePlatform, false},
	{PlatformTicketsManage, "Answer and close the businesses' support tickets.", ScopePlatform, true},
	{PlatformAuditRead, "Read the audit log.", ScopePlatform, true},
	{PlatformGrantsManage, "Create and revoke time-limited permission grants.", ScopePlatform, false},
	{PlatformDemoCreate, "Create temporary demo businesses.", ScopePlatform, true},

	{MasqueradeStart, "Act as another user, as the masquerade matrix allows.", ScopeAny, false},
	{SessionsManage, "List and revoke your own sessions.", ScopeAny, false},
}

var catalogIndex = func() map[Permission]PermissionInfo {
	m := make(map[Permission]PermissionInfo, len(catalog))
	for _, p := range catalog {
		m[p.Name] = p
	}
	return m
}()

// Catalog lists every permission, tenant side first, in a stable order.
func Catalog() []PermissionInfo { return slices.Clone(catalog) }

// Lookup returns the catalog entry of p, and false for an unknown name.
func Lookup(p Permission) (PermissionInfo, bool) {
	info, ok := catalogIndex[p]
	return info, ok
}

// fitsRole reports whether a user with role r may ever hold p: tenant
// permissions only on the tenant side, platform ones only on the platform.
func (info PermissionInfo) fitsRole(r Role) bool {
	switch info.Scope {
	case ScopeTenant:
		return r.IsTenant()
	case ScopePlatform:
		return r.IsPlatform()
	}
	return r.Valid()
}
