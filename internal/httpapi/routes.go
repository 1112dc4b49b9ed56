package httpapi

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// Rules shared by many routes.
var (
	anyoneAnywhere = access.Rule{Scope: access.ScopeAny, Public: true, Description: "public on every host"}
	anyoneOnTenant = access.Rule{Scope: access.ScopeTenant, Public: true, Description: "public on a tenant host"}
)

// registerRoutes is the one place that lists every route and its rule.
func (s *Server) registerRoutes() {
	// Innermost huma middleware: a body that cannot be encoded is a 500
	// problem, never a 2xx with a broken body (response_guard.go).
	s.api.UseMiddleware(s.guardResponses)
	// Bodies are read only when they say they are JSON (content_type.go).
	s.api.UseMiddleware(s.requireJSON)

	// Public and health.
	register(s, huma.Operation{OperationID: "health", Method: http.MethodGet, Path: "/api/health",
		Summary: "Health check", Tags: []string{"Public"}}, anyoneAnywhere, s.health)
	register(s, huma.Operation{OperationID: "tenant-config", Method: http.MethodGet, Path: "/api/tenant/config",
		Summary: "Public configuration of this host's business", Tags: []string{"Public"}}, anyoneOnTenant, s.tenantConfig)

	// Identity: sign-in, customer sign-up, sessions, MFA, passwords,
	// invitations, the business's team, platform staff. Sign-in happens on
	// a tenant's host (its users) or on the platform host (platform staff);
	// on the apex host these answer 404.
	signIn := access.Rule{Scope: access.ScopeAny, Public: true, Description: "sign-in on a tenant or platform host"}
	signedIn := access.Rule{Scope: access.ScopeAny, Description: "signed-in users"}
	ownSecurity := access.Rule{Scope: access.ScopeAny, NotWhileMasquerading: true, Description: "change your own credentials"}
	ownSessions := access.Rule{Scope: access.ScopeAny, Permission: access.SessionsManage, Description: "list and revoke your own sessions"}
	inviteStaff := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffInvite, NotWhileMasquerading: true, Description: "invite staff"}
	seeInvites := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffInvite, Description: "manage staff invitations"}
	platformStaff := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformStaffManage, Description: "manage platform staff"}
	changeStaff := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformStaffManage, NotWhileMasquerading: true, Description: "change platform staff"}
	signUp := access.Rule{Scope: access.ScopeTenant, Public: true, Description: "customer sign-up on a tenant host"}
	seeTeam := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffRead, Description: "see the business's staff users"}
	changeTeam := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffManage, NotWhileMasquerading: true, Description: "change the business's staff users"}
	auth := []string{"Authentication"}
	register(s, huma.Operation{OperationID: "login", Method: http.MethodPost, Path: "/api/auth/login", Tags: auth,
		Summary: "Sign in with email and password"}, signIn, s.login)
	register(s, huma.Operation{OperationID: "mfa-verify", Method: http.MethodPost, Path: "/api/auth/mfa/verify", Tags: auth,
		Summary: "Complete a sign-in with a TOTP or recovery code"}, signIn, s.mfaVerify)
	register(s, huma.Operation{OperationID: "refresh", Method: http.MethodPost, Path: "/api/auth/refresh", Tags: auth,
		Summary: "Exchange a refresh token for new tokens"}, signIn, s.refresh)
	register(s, huma.Operation{OperationID: "register", Method: http.MethodPost, Path: "/api/auth/register", Tags: auth,
		Summary: "Sign up as a customer of this business and sign in", DefaultStatus: http.StatusCreated}, signUp, s.register)
	register(s, huma.Operation{OperationID: "verify-email", Method: http.MethodPost, Path: "/api/auth/verify-email", Tags: auth,
		Summary: "Confirm an email with the emailed link; links a customer's bookings"}, signUp, s.verifyEmail)
	register(s, huma.Operation{OperationID: "verify-email-resend", Method: http.MethodPost, Path: "/api/auth/verify-email/resend", Tags: auth,
		Summary: "Mail me a new email verification link", DefaultStatus: http.StatusAccepted}, signedIn, s.resendVerification)
	register(s, huma.Operation{OperationID: "logout", Method: http.MethodPost, Path: "/api/auth/logout", Tags: auth,
		Summary: "End this session"}, signedIn, s.logout)
	register(s, huma.Operation{OperationID: "me", Method: http.MethodGet, Path: "/api/auth/me", Tags: auth,
		Summary: "The signed-in user and its permissions"}, signedIn, s.me)
	register(s, huma.Operation{OperationID: "sessions", Method: http.MethodGet, Path: "/api/auth/sessions", Tags: auth,
		Summary: "My live sessions"}, ownSessions, s.sessions)
	register(s, huma.Operation{OperationID: "session-revoke", Method: http.MethodDelete, Path: "/api/auth/sessions/{id}", Tags: auth,
		Summary: "End one of my sessions"}, ownSessions, s.revokeSession)
	register(s, huma.Operation{OperationID: "mfa-setup", Method: http.MethodPost, Path: "/api/auth/mfa/setup", Tags: auth,
		Summary: "Start TOTP enrolment"}, ownSecurity, s.mfaSetup)
	register(s, huma.Operation{OperationID: "mfa-confirm", Method: http.MethodPost, Path: "/api/auth/mfa/confirm", Tags: auth,
		Summary: "Confirm TOTP enrolment; get recovery codes"}, ownSecurity, s.mfaConfirm)
	register(s, huma.Operation{OperationID: "mfa-disable", Method: http.MethodPost, Path: "/api/auth/mfa/disable", Tags: auth,
		Summary: "Turn two-factor authentication off"}, ownSecurity, s.mfaDisable)
	register(s, huma.Operation{OperationID: "password-forgot", Method: http.MethodPost, Path: "/api/auth/password/forgot", Tags: auth,
		Summary: "Mail a password reset link", DefaultStatus: http.StatusAccepted}, signIn, s.passwordForgot)
	register(s, huma.Operation{OperationID: "password-reset", Method: http.MethodPost, Path: "/api/auth/password/reset", Tags: auth,
		Summary: "Set a new password with a reset link"}, signIn, s.passwordReset)
	register(s, huma.Operation{OperationID: "password-change", Method: http.MethodPost, Path: "/api/auth/password/change", Tags: auth,
		Summary: "Change my password (ends my other sessions)"}, ownSecurity, s.passwordChange)
	register(s, huma.Operation{OperationID: "invitation", Method: http.MethodGet, Path: "/api/auth/invitations/{token}", Tags: auth,
		Summary: "Look up an invitation"}, signIn, s.invitationLookup)
	register(s, huma.Operation{OperationID: "invitation-accept", Method: http.MethodPost, Path: "/api/auth/invitations/accept", Tags: auth,
		Summary: "Accept an invitation and sign in"}, signIn, s.acceptInvitation)
	staff := []string{"Staff"}
	register(s, huma.Operation{OperationID: "staff-list", Method: http.MethodGet, Path: "/api/staff", Tags: staff,
		Summary: "The business's staff users (not its customers)"}, seeTeam, s.team)
	register(s, huma.Operation{OperationID: "staff-update", Method: http.MethodPatch, Path: "/api/staff/{id}", Tags: staff,
		Summary: "Change a staff user's role, status or name (disabling ends their sessions)"}, changeTeam, s.patchTeamMember)
	register(s, huma.Operation{OperationID: "staff-invite", Method: http.MethodPost, Path: "/api/staff/invitations", Tags: staff,
		Summary: "Invite a staff user", DefaultStatus: http.StatusCreated}, inviteStaff, s.invite)
	register(s, huma.Operation{OperationID: "staff-invitations", Method: http.MethodGet, Path: "/api/staff/invitations", Tags: staff,
		Summary: "Pending staff invitations"}, seeInvites, s.invitations)
	register(s, huma.Operation{OperationID: "staff-invitation-revoke", Method: http.MethodDelete, Path: "/api/staff/invitations/{id}", Tags: staff,
		Summary: "Withdraw a staff invitation"}, seeInvites, s.revokeInvitation)
	pstaff := []string{"Platform staff"}
	register(s, huma.Operation{OperationID: "platform-staff", Method: http.MethodGet, Path: "/api/platform/staff", Tags: pstaff,
		Summary: "Platform staff users"}, platformStaff, s.platformStaff)
	register(s, huma.Operation{OperationID: "platform-staff-update", Method: http.MethodPatch, Path: "/api/platform/staff/{id}", Tags: pstaff,
		Summary: "Change a platform user's role or status"}, changeStaff, s.patchPlatformStaff)
	register(s, huma.Operation{OperationID: "platform-staff-invite", Method: http.MethodPost, Path: "/api/platform/staff/invitations", Tags: pstaff,
		Summary: "Invite a platform staff user", DefaultStatus: http.StatusCreated}, changeStaff, s.invite)
	register(s, huma.Operation{OperationID: "platform-staff-invitations", Method: http.MethodGet, Path: "/api/platform/staff/invitations", Tags: pstaff,
		Summary: "Pending platform staff invitations"}, platformStaff, s.invitations)
	register(s, huma.Operation{OperationID: "platform-staff-invitation-revoke", Method: http.MethodDelete, Path: "/api/platform/staff/invitations/{id}", Tags: pstaff,
		Summary: "Withdraw a platform staff invitation"}, platformStaff, s.revokeInvitation)

	// Masquerade and grants: acting as another user (the masquerade matrix
	// decides), time-limited permission grants, tenants' approvals of
	// platform support access, and the audit log (masqueradeRoutes below).
	s.masqueradeRoutes()

	// Scheduling: resources, services, hours, blockers, customers,
	// appointments, availability, online booking, settings, dashboard.
	// Owners and managers write; staff read; customers reach their own
	// appointments (object checks in the scheduling service, listed beside
	// the routes); booking is public on tenant hosts.
	s.schedulingRoutes()

	// Platform: businesses, users, plans and settings, metrics, business
	// invitations, support tickets and demos (platformRoutes below).
	s.platformRoutes()

	// Custom domains: the owner adds, verifies (DNS TXT) and removes the
	// business's domains; platform staff verify by hand (domainRoutes in
	// domains.go).
	s.domainRoutes()

	// Routes outside the OpenAPI document: the document itself, its docs
	// page and schemas (registered by huma, public), and the web app.
	for _, p := range []string{"/api/openapi.json", "/api/openapi.yaml", "/api/docs", "/api/schemas/{schema}"} {
		s.routes = append(s.routes, Route{Method: http.MethodGet, Path: p, Rule: anyoneAnywhere})
	}
	s.plain(http.MethodGet, "/ws/schedule", access.Rule{Scope: access.ScopeTenant, Permission: access.AppointmentsRead,
		Description: "live schedule changes"}, s.scheduleSocket)
	s.plain(http.MethodGet, "/", access.Rule{Scope: access.ScopeAny, Public: true, Description: "the web app"}, s.webApp)
}

// schedulingRoutes lists the Scheduling section's routes and their rules.
func (s *Server) schedulingRoutes() {
	rule := func(p access.Permission, desc string) access.Rule {
		return access.Rule{Scope: access.ScopeTenant, Permission: p, Description: desc}
	}
	type op = huma.Operation
	sched := []string{"Scheduling"}
	booking := []string{"Booking"}

	register(s, op{OperationID: "resources-list", Method: http.MethodGet, Path: "/api/resources", Tags: sched, Summary: "List resources"},
		rule(access.ResourcesRead, "read resources"), s.listResources)
	register(s, op{OperationID: "resources-create", Method: http.MethodPost, Path: "/api/resources", Tags: sched, Summary: "Create a resource", DefaultStatus: 201},
		rule(access.ResourcesWrite, "write resources"), s.createResource)
	register(s, op{OperationID: "resources-get", Method: http.MethodGet, Path: "/api/resources/{id}", Tags: sched, Summary: "Get a resource"},
		rule(access.ResourcesRead, "read resources"), s.getResource)
	register(s, op{OperationID: "resources-update", Method: http.MethodPatch, Path: "/api/resources/{id}", Tags: sched, Summary: "Change a resource"},
		rule(access.ResourcesWrite, "write resources"), s.updateResource)
	register(s, op{OperationID: "resources-delete", Method: http.MethodDelete, Path: "/api/resources/{id}", Tags: sched, Summary: "Delete a resource without appointments", DefaultStatus: 204},
		rule(access.ResourcesWrite, "write resources"), s.deleteResource)

	register(s, op{OperationID: "services-list", Method: http.MethodGet, Path: "/api/services", Tags: sched, Summary: "List services"},
		rule(access.ServicesRead, "read services"), s.listServices)
	register(s, op{OperationID: "services-create", Method: http.MethodPost, Path: "/api/services", Tags: sched, Summary: "Create a service", DefaultStatus: 201},
		rule(access.ServicesWrite, "write services"), s.createService)
	register(s, op{OperationID: "services-get", Method: http.MethodGet, Path: "/api/services/{id}", Tags: sched, Summary: "Get a service"},
		rule(access.ServicesRead, "read services"), s.getService)
	register(s, op{OperationID: "services-update", Method: http.MethodPatch, Path: "/api/services/{id}", Tags: sched, Summary: "Change a service"},
		rule(access.ServicesWrite, "write services"), s.updateService)
	register(s, op{OperationID: "services-delete", Method: http.MethodDelete, Path: "/api/services/{id}", Tags: sched, Summary: "Delete a service without appointments", DefaultStatus: 204},
		rule(access.ServicesWrite, "write services"), s.deleteService)

	register(s, op{OperationID: "hours-get", Method: http.MethodGet, Path: "/api/business-hours", Tags: sched, Summary: "The business's week"},
		rule(access.HoursRead, "read hours"), s.getHours)
	register(s, op{OperationID: "hours-put", Method: http.MethodPut, Path: "/api/business-hours", Tags: sched, Summary: "Replace the business's week"},
		rule(access.HoursWrite, "write hours"), s.putHours)
	register(s, op{OperationID: "overrides-list", Method: http.MethodGet, Path: "/api/business-hours/overrides", Tags: sched, Summary: "List date overrides"},
		rule(access.HoursRead, "read hours"), s.listOverrides)
	register(s, op{OperationID: "overrides-create", Method: http.MethodPost, Path: "/api/business-hours/overrides", Tags: sched, Summary: "Close a date or set special hours", DefaultStatus: 201},
		rule(access.HoursWrite, "write hours"), s.createOverride)
	register(s, op{OperationID: "overrides-delete", Method: http.MethodDelete, Path: "/api/business-hours/overrides/{id}", Tags: sched, Summary: "Delete a date override", DefaultStatus: 204},
		rule(access.HoursWrite, "write hours"), s.deleteOverride)

	register(s, op{OperationID: "blockers-list", Method: http.MethodGet, Path: "/api/blockers", Tags: sched, Summary: "List blockers"},
		rule(access.BlockersRead, "read blockers"), s.listBlockers)
	register(s, op{OperationID: "blockers-create", Method: http.MethodPost, Path: "/api/blockers", Tags: sched, Summary: "Create a blocker (one-off or recurring)", DefaultStatus: 201},
		rule(access.BlockersWrite, "write blockers"), s.createBlocker)
	register(s, op{OperationID: "blockers-get", Method: http.MethodGet, Path: "/api/blockers/{id}", Tags: sched, Summary: "Get a blocker"},
		rule(access.BlockersRead, "read blockers"), s.getBlocker)
	register(s, op{OperationID: "blockers-update", Method: http.MethodPatch, Path: "/api/blockers/{id}", Tags: sched, Summary: "Change a blocker"},
		rule(access.BlockersWrite, "write blockers"), s.updateBlocker)
	register(s, op{OperationID: "blockers-delete", Method: http.MethodDelete, Path: "/api/blockers/{id}", Tags: sched, Summary: "Delete a blocker", DefaultStatus: 204},
		rule(access.BlockersWrite, "write blockers"), s.deleteBlocker)

	register(s, op{OperationID: "customers-list", Method: http.MethodGet, Path: "/api/customers", Tags: sched, Summary: "List and search customers"},
		rule(access.CustomersRead, "read customers"), s.listCustomers)
	register(s, op{OperationID: "customers-create", Method: http.MethodPost, Path: "/api/customers", Tags: sched, Summary: "Create a customer", DefaultStatus: 201},
		rule(access.CustomersWrite, "write customers"), s.createCustomer)
	register(s, op{OperationID: "customers-get", Method: http.MethodGet, Path: "/api/customers/{id}", Tags: sched, Summary: "Get a customer"},
		rule(access.CustomersRead, "read customers"), s.getCustomer)
	register(s, op{OperationID: "customers-update", Method: http.MethodPatch, Path: "/api/customers/{id}", Tags: sched, Summary: "Change a customer"},
		rule(access.CustomersWrite, "write customers"), s.updateCustomer)
	register(s, op{OperationID: "customers-delete", Method: http.MethodDelete, Path: "/api/customers/{id}", Tags: sched, Summary: "Delete a customer without appointments", DefaultStatus: 204},
		rule(access.CustomersWrite, "write customers"), s.deleteCustomer)

	// A rule names one permission, so the routes whose answer depends on
	// the object state the least they need, and the scheduling service
	// makes the object check inside the unit of work:
	//   - appointments-list, appointments-get: appointments.read or
	//     appointments.own (Rule.AnyOf); appointments.read reads every appointment,
	//     appointments.own only the caller's own (the list is narrowed to
	//     them, another's is 404); anyone else 403 (Scheduler.Appointments,
	//     Scheduler.Appointment).
	//   - appointments-update: appointments.read; appointments.write changes
	//     anything, TENANT_STAFF may only move (time, resources) an
	//     appointment on their own resource, keeping it there, while the
	//     business's resourcesCanReschedule is on; otherwise 403
	//     (Scheduler.Change).
	//   - booking-mine: public, but anonymous callers get 401 and callers
	//     without appointments.own 403 (Scheduler.OwnAppointments).
	//   - booking-cancel-preview, booking-cancel, booking-reschedule:
	//     public, for the holder of the booking's manage token (the edge
	//     verifies its signature) or its signed-in customer; a wrong token
	//     403, none 401 (scheduling.SelfService, in Scheduler.Quote,
	//     CancelByCustomer and RescheduleByCustomer).
	readAppts := access.Rule{Scope: access.ScopeTenant, AnyOf: []access.Permission{access.AppointmentsRead, access.AppointmentsOwn},
		Description: "read appointments: every one with appointments.read, your own with appointments.own (object check in the scheduling service)"}
	changeAppts := rule(access.AppointmentsRead,
		"change appointments: anything with appointments.write; TENANT_STAFF move their own resource's, by policy (object check in the scheduling service)")
	ownBookings := access.Rule{Scope: access.ScopeTenant, Public: true,
		Description: "a signed-in customer's own appointments (object check in the scheduling service)"}
	manageBooking := access.Rule{Scope: access.ScopeTenant, Public: true,
		Description: "manage a booking with its manage token or as its customer (object check in the scheduling service)"}
	register(s, op{OperationID: "appointments-availability", Method: http.MethodGet, Path: "/api/appointments/availability", Tags: sched, Summary: "Bookable start times of a date"},
		rule(access.AppointmentsRead, "read availability"), s.availability)
	register(s, op{OperationID: "appointments-availability-range", Method: http.MethodGet, Path: "/api/appointments/availability/range", Tags: sched, Summary: "Bookable instants over a date range, with free resources"},
		rule(access.AppointmentsRead, "read availability"), s.availabilityRange)
	register(s, op{OperationID: "appointments-why-not", Method: http.MethodGet, Path: "/api/appointments/availability/why-not", Tags: sched, Summary: "Why a start time is not bookable"},
		rule(access.AppointmentsRead, "read availability"), s.whyNot)
	register(s, op{OperationID: "appointments-list", Method: http.MethodGet, Path: "/api/appointments", Tags: sched, Summary: "List appointments for the scheduler"},
		readAppts, s.listAppointments)
	register(s, op{OperationID: "appointments-create", Method: http.MethodPost, Path: "/api/appointments", Tags: sched, Summary: "Book an appointment (409 when the resource is busy)", DefaultStatus: 201},
		rule(access.AppointmentsWrite, "write appointments"), s.createAppointment)
	register(s, op{OperationID: "appointments-get", Method: http.MethodGet, Path: "/api/appointments/{id}", Tags: sched, Summary: "Get an appointment"},
		readAppts, s.getAppointment)
	register(s, op{OperationID: "appointments-update", Method: http.MethodPatch, Path: "/api/appointments/{id}", Tags: sched, Summary: "Move, resize, reassign, unassign or change status (409 on overlap)"},
		changeAppts, s.updateAppointment)
	register(s, op{OperationID: "appointments-delete", Method: http.MethodDelete, Path: "/api/appointments/{id}", Tags: sched, Summary: "Delete an appointment", DefaultStatus: 204},
		rule(access.AppointmentsWrite, "write appointments"), s.deleteAppointment)

	register(s, op{OperationID: "settings-get", Method: http.MethodGet, Path: "/api/business/settings", Tags: sched, Summary: "Business settings and policies"},
		rule(access.SettingsRead, "read settings"), s.getSettings)
	register(s, op{OperationID: "settings-update", Method: http.MethodPatch, Path: "/api/business/settings", Tags: sched, Summary: "Change business settings and policies"},
		rule(access.SettingsWrite, "write settings"), s.patchSettings)
	register(s, op{OperationID: "dashboard", Method: http.MethodGet, Path: "/api/dashboard", Tags: sched, Summary: "Business dashboard of a date range"},
		rule(access.AppointmentsRead, "read the dashboard"), s.dashboard)

	register(s, op{OperationID: "booking-services", Method: http.MethodGet, Path: "/api/booking/services", Tags: booking, Summary: "Services offered online"},
		anyoneOnTenant, s.bookingServices)
	register(s, op{OperationID: "booking-resources", Method: http.MethodGet, Path: "/api/booking/resources", Tags: booking, Summary: "Resources a customer may choose"},
		anyoneOnTenant, s.bookingResources)
	register(s, op{OperationID: "booking-availability", Method: http.MethodGet, Path: "/api/booking/availability", Tags: booking, Summary: "Bookable start times of a date"},
		anyoneOnTenant, s.bookingAvailability)
	register(s, op{OperationID: "booking-create", Method: http.MethodPost, Path: "/api/booking", Tags: booking, Summary: "Book online (409 when the time was just taken)", DefaultStatus: 201},
		anyoneOnTenant, s.book)
	register(s, op{OperationID: "booking-mine", Method: http.MethodGet, Path: "/api/booking/appointments", Tags: booking, Summary: "The signed-in customer's appointments"},
		ownBookings, s.myAppointments)
	register(s, op{OperationID: "booking-cancel-preview", Method: http.MethodGet, Path: "/api/booking/appointments/{id}/cancellation-preview", Tags: booking, Summary: "What cancelling now would cost"},
		manageBooking, s.cancellationPreview)
	register(s, op{OperationID: "booking-cancel", Method: http.MethodPost, Path: "/api/booking/appointments/{id}/cancel", Tags: booking, Summary: "Cancel (late cancellations record the fee)"},
		manageBooking, s.cancelBooking)
	register(s, op{OperationID: "booking-reschedule", Method: http.MethodPost, Path: "/api/booking/appointments/{id}/reschedule", Tags: booking, Summary: "Move to another offered time"},
		manageBooking, s.rescheduleBooking)
}

// platformRoutes lists the Platform section's routes and their rules:
// platform staff on the platform host (PLATFORM_SUPPORT reads, managers
// change, sales create demos), tenant staff's support tickets on their
// host, and the public acceptance of a business invitation on the apex host.
// They exist only when the server is given the platform services (Admin,
// Support, Platform), as `serve` always is.
func (s *Server) platformRoutes() {
	if s.Admin == nil || s.Support == nil || s.Platform == nil {
		return
	}
	type op = huma.Operation
	on := func(p access.Permission, desc string) access.Rule {
		return access.Rule{Scope: access.ScopePlatform, Permission: p, Description: desc}
	}
	readBiz := on(access.PlatformBusinessesRead, "read businesses")
	writeBiz := on(access.PlatformBusinessesWrite, "change businesses")
	suspendBiz := on(access.PlatformBusinessesSuspend, "suspend and activate businesses")
	readUsers := on(access.PlatformUsersRead, "read users")
	writeUsers := on(access.PlatformUsersWrite, "disable and enable users")
	writePlans := on(access.PlatformPlansWrite, "change plans and platform settings")
	tickets := on(access.PlatformTicketsManage, "answer support tickets")
	demo := on(access.PlatformDemoCreate, "create demo businesses")
	openTicket := access.Rule{Scope: access.ScopeTenant, Permission: access.TicketsCreate, Description: "open and answer support tickets"}
	readTickets := access.Rule{Scope: access.ScopeTenant, Permission: access.TicketsRead, Description: "read the business's support tickets"}
	onApex := access.Rule{Scope: access.ScopeApex, Public: true, Description: "accept a business invitation"}
	biz, users, plans, sup := []string{"Platform businesses"}, []string{"Platform users"}, []string{"Platform plans"}, []string{"Support"}
	const b = "/api/platform/businesses"

	register(s, op{OperationID: "platform-businesses", Method: http.MethodGet, Path: b, Tags: biz,
		Summary: "List and search businesses"}, readBiz, s.listBusinesses)
	register(s, op{OperationID: "platform-business-create", Method: http.MethodPost, Path: b, Tags: biz, DefaultStatus: http.StatusCreated,
		Summary: "Create a business with its owner (account or invitation), all or nothing"}, writeBiz, s.createBusiness)
	register(s, op{OperationID: "platform-metrics", Method: http.MethodGet, Path: b + "/metrics", Tags: biz,
		Summary: "Platform dashboard: MRR, active businesses, churn, bookings"}, readBiz, s.platformMetrics)
	register(s, op{OperationID: "platform-business", Method: http.MethodGet, Path: b + "/{id}", Tags: biz,
		Summary: "A business with its owner, limits, usage, domains and last activity"}, readBiz, s.getBusiness)
	register(s, op{OperationID: "platform-business-update", Method: http.MethodPatch, Path: b + "/{id}", Tags: biz,
		Summary: "Change a business's name, plan, colours, time zone (status: needs suspend permission)"}, writeBiz, s.patchBusiness)
	register(s, op{OperationID: "platform-business-delete", Method: http.MethodDelete, Path: b + "/{id}", Tags: biz,
		Summary: "Soft-delete a business (data kept for the retention period, then purged)"}, writeBiz, s.statusChange(tenancy.StatusDeleted))
	register(s, op{OperationID: "platform-business-suspend", Method: http.MethodPost, Path: b + "/{id}/suspend", Tags: biz,
		Summary: "Suspend a business: refused on every host at once"}, suspendBiz, s.statusChange(tenancy.StatusSuspended))
	register(s, op{OperationID: "platform-business-activate", Method: http.MethodPost, Path: b + "/{id}/activate", Tags: biz,
		Summary: "Reactivate a business"}, suspendBiz, s.statusChange(tenancy.StatusActive))
	register(s, op{OperationID: "platform-business-overrides", Method: http.MethodGet, Path: b + "/{id}/overrides", Tags: biz,
		Summary: "A business's overrides of its plan"}, readBiz, s.getOverrides)
	register(s, op{OperationID: "platform-business-overrides-put", Method: http.MethodPut, Path: b + "/{id}/overrides", Tags: biz,
		Summary: "Replace a business's overrides of its plan"}, writeBiz, s.putOverrides)
	register(s, op{OperationID: "platform-business-export", Method: http.MethodGet, Path: b + "/{id}/export", Tags: biz,
		Summary: "Download a JSON archive of every table of a business"}, writeBiz, s.exportBusiness)

	register(s, op{OperationID: "platform-users", Method: http.MethodGet, Path: "/api/platform/users", Tags: users,
		Summary: "List and search every user"}, readUsers, s.listPlatformUsers)
	register(s, op{OperationID: "platform-user", Method: http.MethodGet, Path: "/api/platform/users/{id}", Tags: users,
		Summary: "A user with business, role, status, last sign-in and MFA"}, readUsers, s.getPlatformUser)
	register(s, op{OperationID: "platform-user-disable", Method: http.MethodPost, Path: "/api/platform/users/{id}/disable", Tags: users,
		Summary: "Disable a user and end its sessions at once"}, writeUsers, s.userStatus(identity.StatusDisabled))
	register(s, op{OperationID: "platform-user-enable", Method: http.MethodPost, Path: "/api/platform/users/{id}/enable", Tags: users,
		Summary: "Enable a disabled user"}, writeUsers, s.userStatus(identity.StatusActive))

	register(s, op{OperationID: "platform-plans", Method: http.MethodGet, Path: "/api/platform/plans", Tags: plans,
		Summary: "Plans with limits and features"}, readBiz, s.listPlans)
	register(s, op{OperationID: "platform-plan-put", Method: http.MethodPut, Path: "/api/platform/plans/{key}", Tags: plans,
		Summary: "Create or replace a plan"}, writePlans, s.putPlan)
	register(s, op{OperationID: "platform-plan-delete", Method: http.MethodDelete, Path: "/api/platform/plans/{key}", Tags: plans,
		Summary: "Delete a plan no business uses", DefaultStatus: http.StatusNoContent}, writePlans, s.deletePlan)
	register(s, op{OperationID: "platform-settings", Method: http.MethodGet, Path: "/api/platform/settings", Tags: plans,
		Summary: "Platform settings"}, readBiz, s.getPlatformSettings)
	register(s, op{OperationID: "platform-settings-update", Method: http.MethodPatch, Path: "/api/platform/settings", Tags: plans,
		Summary: "Change platform settings"}, writePlans, s.patchPlatformSettings)

	const inv = "/api/platform/business-invitations"
	register(s, op{OperationID: "business-invite", Method: http.MethodPost, Path: inv, Tags: biz, DefaultStatus: http.StatusCreated,
		Summary: "Invite someone to open a business on a tier"}, writeBiz, s.inviteBusiness)
	register(s, op{OperationID: "business-invitations", Method: http.MethodGet, Path: inv, Tags: biz,
		Summary: "Business invitations not yet accepted or revoked"}, writeBiz, s.listBusinessInvitations)
	register(s, op{OperationID: "business-invitation-resend", Method: http.MethodPost, Path: inv + "/{id}/resend", Tags: biz,
		Summary: "Mail a new link (the old one stops working)"}, writeBiz, s.resendBusinessInvitation)
	register(s, op{OperationID: "business-invitation-revoke", Method: http.MethodPost, Path: inv + "/{id}/revoke", Tags: biz,
		Summary: "Withdraw a business invitation"}, writeBiz, s.revokeBusinessInvitation)
	register(s, op{OperationID: "business-invitation", Method: http.MethodGet, Path: "/api/business-invitations/{token}", Tags: biz,
		Summary: "Look up a business invitation"}, onApex, s.businessInvitationLookup)
	register(s, op{OperationID: "business-invitation-accept", Method: http.MethodPost, Path: "/api/business-invitations/accept", Tags: biz,
		DefaultStatus: http.StatusCreated, Summary: "Accept: create the business and its owner"}, onApex, s.acceptBusinessInvitation)

	register(s, op{OperationID: "demo-create", Method: http.MethodPost, Path: "/api/platform/demo-tenants", Tags: biz, DefaultStatus: http.StatusCreated,
		Summary: "Create a temporary demo business filled with realistic data"}, demo, s.createDemo)

	register(s, op{OperationID: "tickets-open", Method: http.MethodPost, Path: "/api/tickets", Tags: sup, DefaultStatus: http.StatusCreated,
		Summary: "Open a support ticket"}, openTicket, s.openTicket)
	register(s, op{OperationID: "tickets", Method: http.MethodGet, Path: "/api/tickets", Tags: sup,
		Summary: "The business's support tickets"}, readTickets, s.listTickets)
	register(s, op{OperationID: "ticket", Method: http.MethodGet, Path: "/api/tickets/{id}", Tags: sup,
		Summary: "A ticket with its public conversation"}, readTickets, s.getTicket)
	register(s, op{OperationID: "ticket-messages", Method: http.MethodGet, Path: "/api/tickets/{id}/messages", Tags: sup,
		Summary: "A ticket's public conversation"}, readTickets, s.ticketMessages)
	register(s, op{OperationID: "ticket-reply", Method: http.MethodPost, Path: "/api/tickets/{id}/messages", Tags: sup, DefaultStatus: http.StatusCreated,
		Summary: "Reply on a ticket"}, openTicket, s.replyTicket)
	register(s, op{OperationID: "platform-tickets", Method: http.MethodGet, Path: "/api/platform/tickets", Tags: sup,
		Summary: "The support queue"}, tickets, s.listTickets)
	register(s, op{OperationID: "platform-ticket", Method: http.MethodGet, Path: "/api/platform/tickets/{id}", Tags: sup,
		Summary: "A ticket with its whole conversation, internal notes included"}, tickets, s.getTicket)
	register(s, op{OperationID: "platform-ticket-update", Method: http.MethodPatch, Path: "/api/platform/tickets/{id}", Tags: sup,
		Summary: "Assign, prioritise or move a ticket (valid transitions only)"}, tickets, s.patchTicket)
	register(s, op{OperationID: "platform-ticket-messages", Method: http.MethodGet, Path: "/api/platform/tickets/{id}/messages", Tags: sup,
		Summary: "A ticket's conversation, internal notes included"}, tickets, s.ticketMessages)
	register(s, op{OperationID: "platform-ticket-reply", Method: http.MethodPost, Path: "/api/platform/tickets/{id}/messages", Tags: sup,
		DefaultStatus: http.StatusCreated, Summary: "Reply or add an internal note"}, tickets, s.replyTicket)
}

// masqueradeRoutes lists the Masquerade and grants section's routes. Starting
// a masquerade needs no permission in its rule: access.CanMasquerade is the
// check, so that every refusal (a chain from inside a masquerade included)
// answers 403 with the matrix's rule code and is audited. Everything that
// gives or approves access refuses masquerade sessions.
func (s *Server) masqueradeRoutes() {
	type op = huma.Operation
	start := access.Rule{Scope: access.ScopeAny, Description: "start a masquerade (the masquerade matrix decides)"}
	stop := access.Rule{Scope: access.ScopeAny, Description: "stop your masquerade"}
	exchange := access.Rule{Scope: access.ScopeAny, Public: true, Description: "redeem a masquerade code on the target's host"}
	grants := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformGrantsManage, NotWhileMasquerading: true, Description: "manage permission grants"}
	ownGrants := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffManage, NotWhileMasquerading: true, Description: "manage the business's permission grants"}
	approve := access.Rule{Scope: access.ScopeTenant, Permission: access.SupportApprove, NotWhileMasquerading: true, Description: "approve platform support access"}
	seeApprovals := access.Rule{Scope: access.ScopeTenant, Permission: access.SupportApprove, Description: "see platform support approvals"}
	platformAudit := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformAuditRead, Description: "read the audit log"}
	ownAudit := access.Rule{Scope: access.ScopeTenant, Permission: access.AuditReadOwn, Description: "see who accessed the business"}
	auth, grant, audit := []string{"Authentication"}, []string{"Permission grants"}, []string{"Audit"}

	register(s, op{OperationID: "masquerade-start", Method: http.MethodPost, Path: "/api/auth/masquerade", Tags: auth,
		Summary: "Act as another user (403 names the matrix rule that refused)"}, start, s.startMasquerade)
	register(s, op{OperationID: "masquerade-exchange", Method: http.MethodPost, Path: "/api/auth/masquerade/exchange", Tags: auth,
		Summary: "Redeem a one-time masquerade code; sets this host's cookie"}, exchange, s.exchangeMasquerade)
	register(s, op{OperationID: "masquerade-stop", Method: http.MethodPost, Path: "/api/auth/masquerade/stop", Tags: auth,
		Summary: "End the masquerade; back to the impersonator's host"}, stop, s.stopMasquerade)

	catalogue := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformGrantsManage, Description: "see which permissions you may grant"}
	ownCatalogue := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffManage, Description: "see which permissions you may grant the business's users"}
	for _, g := range []struct {
		id, path        string
		rule, catalogue access.Rule
	}{{"platform-", "/api/platform/permission-grants", grants, catalogue}, {"", "/api/permission-grants", ownGrants, ownCatalogue}} {
		register(s, op{OperationID: g.id + "grant-catalogue", Method: http.MethodGet, Path: g.path + "/catalogue", Tags: grant,
			Summary: "The permissions you may grant, and to which roles"}, g.catalogue, s.grantCatalogue)
		register(s, op{OperationID: g.id + "grant-create", Method: http.MethodPost, Path: g.path, Tags: grant, DefaultStatus: http.StatusCreated,
			Summary: "Grant a user one permission for a while"}, g.rule, s.createGrant)
		register(s, op{OperationID: g.id + "grants", Method: http.MethodGet, Path: g.path, Tags: grant,
			Summary: "Permission grants, newest first"}, g.rule, s.listGrants)
		register(s, op{OperationID: g.id + "grant-revoke", Method: http.MethodPost, Path: g.path + "/{id}/revoke", Tags: grant,
			Summary: "Revoke a grant at once"}, g.rule, s.revokeGrant)
		register(s, op{OperationID: g.id + "grants-bulk-revoke", Method: http.MethodPost, Path: g.path + "/bulk-revoke", Tags: grant,
			Summary: "Revoke several grants at once"}, g.rule, s.bulkRevokeGrants)
	}

	register(s, op{OperationID: "support-access-approve", Method: http.MethodPost, Path: "/api/support-access", Tags: grant, DefaultStatus: http.StatusCreated,
		Summary: "Let platform support act as the business's users for a while"}, approve, s.approveSupport)
	register(s, op{OperationID: "support-access", Method: http.MethodGet, Path: "/api/support-access", Tags: grant,
		Summary: "The business's approvals of platform support access"}, seeApprovals, s.supportApprovals)
	register(s, op{OperationID: "support-access-revoke", Method: http.MethodPost, Path: "/api/support-access/{id}/revoke", Tags: grant,
		Summary: "End an approval at once"}, approve, s.revokeSupportApproval)
	register(s, op{OperationID: "support-access-policy", Method: http.MethodGet, Path: "/api/support-access/policy", Tags: grant,
		Summary: "Whether platform support needs the owner's approval"}, seeApprovals, s.supportPolicy)
	register(s, op{OperationID: "support-access-policy-put", Method: http.MethodPut, Path: "/api/support-access/policy", Tags: grant,
		Summary: "Require (or not) the owner's approval for platform support"}, approve, s.putSupportPolicy)

	register(s, op{OperationID: "platform-audit-log", Method: http.MethodGet, Path: "/api/platform/audit-log", Tags: audit,
		Summary: "The audit log, newest first"}, platformAudit, s.auditLog)
	register(s, op{OperationID: "audit-log", Method: http.MethodGet, Path: "/api/audit-log", Tags: audit,
		Summary: "Masquerades, grants and approvals that touched this business"}, ownAudit, s.auditLog)
}
