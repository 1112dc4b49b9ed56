package httpapi

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// Rules shared by many routes.
var (
	anyoneAnywhere = access.Rule{Scope: access.ScopeAny, Public: true, Description: "public on every host"}
	anyoneOnTenant = access.Rule{Scope: access.ScopeTenant, Public: true, Description: "public on a tenant host"}
)

// registerRoutes is the one place that lists every route and its rule.
func (s *Server) registerRoutes() {
	// Public and health.
	register(s, huma.Operation{OperationID: "health", Method: http.MethodGet, Path: "/api/health",
		Summary: "Health check", Tags: []string{"Public"}}, anyoneAnywhere, s.health)
	register(s, huma.Operation{OperationID: "tenant-config", Method: http.MethodGet, Path: "/api/tenant/config",
		Summary: "Public configuration of this host's business", Tags: []string{"Public"}}, anyoneOnTenant, s.tenantConfig)

	// Identity: sign-in, sessions, MFA, passwords, invitations, platform
	// staff. Sign-in happens on a tenant's host (its users) or on the
	// platform host (platform staff); on the apex host these answer 404.
	signIn := access.Rule{Scope: access.ScopeAny, Public: true, Description: "sign-in on a tenant or platform host"}
	signedIn := access.Rule{Scope: access.ScopeAny, Description: "signed-in users"}
	ownSecurity := access.Rule{Scope: access.ScopeAny, NotWhileMasquerading: true, Description: "change your own credentials"}
	ownSessions := access.Rule{Scope: access.ScopeAny, Permission: access.SessionsManage, Description: "list and revoke your own sessions"}
	inviteStaff := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffInvite, NotWhileMasquerading: true, Description: "invite staff"}
	seeInvites := access.Rule{Scope: access.ScopeTenant, Permission: access.StaffInvite, Description: "manage staff invitations"}
	platformStaff := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformStaffManage, Description: "manage platform staff"}
	changeStaff := access.Rule{Scope: access.ScopePlatform, Permission: access.PlatformStaffManage, NotWhileMasquerading: true, Description: "change platform staff"}
	auth := []string{"Authentication"}
	register(s, huma.Operation{OperationID: "login", Method: http.MethodPost, Path: "/api/auth/login", Tags: auth,
		Summary: "Sign in with email and password"}, signIn, s.login)
	register(s, huma.Operation{OperationID: "mfa-verify", Method: http.MethodPost, Path: "/api/auth/mfa/verify", Tags: auth,
		Summary: "Complete a sign-in with a TOTP or recovery code"}, signIn, s.mfaVerify)
	register(s, huma.Operation{OperationID: "refresh", Method: http.MethodPost, Path: "/api/auth/refresh", Tags: auth,
		Summary: "Exchange a refresh token for new tokens"}, signIn, s.refresh)
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

	// Routes outside the OpenAPI document: the document itself, its docs
	// page and schemas (registered by huma, public), and the web app.
	for _, p := range []string{"/api/openapi.json", "/api/openapi.yaml", "/api/docs", "/api/schemas/{schema}"} {
		s.routes = append(s.routes, Route{Method: http.MethodGet, Path: p, Rule: anyoneAnywhere})
	}
	s.plain(http.MethodGet, "/", access.Rule{Scope: access.ScopeAny, Public: true, Description: "the web app"}, s.webApp)
}
