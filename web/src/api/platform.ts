import { api, type Page } from "./client";
import type {
  AuditEvent, Business, BusinessAcceptInput, BusinessAcceptResult, BusinessCreateInput, BusinessDetail, BusinessInvitation,
  BusinessInvitationInput, BusinessInvitationLookup, BusinessPatch, DemoInput, DemoResult, Invitation, PermissionGrant, PlanInfo,
  PlatformMetrics, PlatformSettings, PlatformSettingsPatch, PlatformStaff, PlatformStaffPatch, PlatformUser, StaffInviteInput, Ticket,
  TicketDetail, TicketMessage, TierOverridesBody,
} from "./types";

const P = "/api/platform";
export const platformApi = {
  metrics: (q?: { start_date?: string; end_date?: string }) => api.get<PlatformMetrics>(`${P}/businesses/metrics/`, q),
  businesses: (q: { search?: string; status?: string; plan?: string; ordering?: string; page?: number; page_size?: number }) =>
    api.get<Page<Business>>(`${P}/businesses/`, q),
  business: (id: string) => api.get<BusinessDetail>(`${P}/businesses/${id}/`),
  createBusiness: (body: BusinessCreateInput) => api.post<BusinessDetail>(`${P}/businesses/`, body),
  updateBusiness: (id: string, body: BusinessPatch) => api.patch<BusinessDetail>(`${P}/businesses/${id}/`, body),
  suspend: (id: string) => api.post<BusinessDetail>(`${P}/businesses/${id}/suspend/`),
  activate: (id: string) => api.post<BusinessDetail>(`${P}/businesses/${id}/activate/`),
  overrides: (id: string) => api.get<TierOverridesBody>(`${P}/businesses/${id}/overrides/`),
  setOverrides: (id: string, body: TierOverridesBody) => api.put<TierOverridesBody>(`${P}/businesses/${id}/overrides/`, body),
  businessInvitations: () => api.get<Page<BusinessInvitation>>(`${P}/business-invitations/`),
  inviteBusiness: (body: BusinessInvitationInput) => api.post<BusinessInvitation>(`${P}/business-invitations/`, body),
  resendBusinessInvitation: (id: string) => api.post<BusinessInvitation>(`${P}/business-invitations/${id}/resend/`),
  revokeBusinessInvitation: (id: string) => api.post<BusinessInvitation>(`${P}/business-invitations/${id}/revoke/`),
  users: (q: { search?: string; role?: string; business_id?: string; status?: string; page?: number; page_size?: number }) =>
    api.get<Page<PlatformUser>>(`${P}/users/`, q),
  user: (id: string) => api.get<PlatformUser>(`${P}/users/${id}/`),
  disableUser: (id: string) => api.post<PlatformUser>(`${P}/users/${id}/disable/`),
  enableUser: (id: string) => api.post<PlatformUser>(`${P}/users/${id}/enable/`),
  staff: () => api.get<Page<PlatformStaff>>(`${P}/staff/`),
  updateStaff: (id: string, body: PlatformStaffPatch) => api.patch<PlatformStaff>(`${P}/staff/${id}/`, body),
  staffInvitations: () => api.get<Page<Invitation>>(`${P}/staff/invitations/`),
  inviteStaff: (body: StaffInviteInput) => api.post<Invitation>(`${P}/staff/invitations/`, body),
  withdrawStaffInvitation: (id: string) => api.del(`${P}/staff/invitations/${id}/`),
  createDemo: (body: DemoInput) => api.post<DemoResult>(`${P}/demo-tenants/`, body),
  grants: (q: { status?: string; page?: number }) => api.get<Page<PermissionGrant>>(`${P}/permission-grants/`, q),
  createGrant: (body: { granteeId: string; action: string; reason: string; durationMinutes: number }) =>
    api.post<PermissionGrant>(`${P}/permission-grants/`, body),
  revokeGrant: (id: string) => api.post<PermissionGrant>(`${P}/permission-grants/${id}/revoke/`),
  bulkRevoke: (ids: string[]) => api.post<{ count: number }>(`${P}/permission-grants/bulk-revoke/`, { ids }),
  audit: (q: { action?: string; actor_id?: string; target_id?: string; page?: number }) => api.get<Page<AuditEvent>>(`${P}/audit-log/`, q),
  plans: () => api.get<Page<PlanInfo>>(`${P}/plans/`),
  settings: () => api.get<PlatformSettings>(`${P}/settings/`),
  updateSettings: (body: PlatformSettingsPatch) => api.patch<PlatformSettings>(`${P}/settings/`, body),
  tickets: (q: { status?: string; search?: string; priority?: string }) => api.get<Page<Ticket>>(`${P}/tickets/`, q),
  ticket: (id: string) => api.get<TicketDetail>(`${P}/tickets/${id}/`),
  ticketMessages: (id: string) => api.get<Page<TicketMessage>>(`${P}/tickets/${id}/messages/`),
  replyTicket: (id: string, body: { body: string; internal?: boolean }) => api.post<TicketMessage>(`${P}/tickets/${id}/messages/`, body),
  updateTicket: (id: string, body: { status?: string; priority?: string; assigneeId?: string }) =>
    api.patch<Ticket>(`${P}/tickets/${id}/`, body),
};

/** The apex host's half of a business invitation (anonymous, by token). */
export const businessInvitationApi = {
  lookup: (token: string) => api.get<BusinessInvitationLookup>(`/api/business-invitations/${encodeURIComponent(token)}/`),
  accept: (body: BusinessAcceptInput) => api.post<BusinessAcceptResult>("/api/business-invitations/accept/", body),
};
