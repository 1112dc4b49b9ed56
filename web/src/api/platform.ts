import { api, type Page } from "./client";
import type {
  AuditEvent, Business, BusinessInvitationInput, PermissionGrant, PlanInfo, PlatformMetrics, PlatformUser, Ticket, TicketMessage,
} from "./types";

const P = "/api/platform";
export const platformApi = {
  metrics: () => api.get<PlatformMetrics>(`${P}/businesses/metrics/`),
  businesses: (q: { search?: string; status?: string; plan?: string; page?: number }) => api.get<Page<Business>>(`${P}/businesses/`, q),
  business: (id: string) => api.get<Business>(`${P}/businesses/${id}/`),
  updateBusiness: (id: string, body: Partial<Business>) => api.patch<Business>(`${P}/businesses/${id}/`, body),
  suspend: (id: string) => api.post<Business>(`${P}/businesses/${id}/suspend/`),
  activate: (id: string) => api.post<Business>(`${P}/businesses/${id}/activate/`),
  inviteBusiness: (body: BusinessInvitationInput) => api.post<unknown>(`${P}/business-invitations/`, body),
  users: (q: { search?: string; role?: string; business_id?: string; page?: number }) => api.get<Page<PlatformUser>>(`${P}/users/`, q),
  user: (id: string) => api.get<PlatformUser>(`${P}/users/${id}/`),
  grants: (q: { status?: string; page?: number }) => api.get<Page<PermissionGrant>>(`${P}/permission-grants/`, q),
  createGrant: (body: { granteeId: string; action: string; reason: string; durationMinutes: number }) =>
    api.post<PermissionGrant>(`${P}/permission-grants/`, body),
  revokeGrant: (id: string) => api.post<PermissionGrant>(`${P}/permission-grants/${id}/revoke/`),
  bulkRevoke: (ids: string[]) => api.post<unknown>(`${P}/permission-grants/bulk-revoke/`, { ids }),
  audit: (q: { action?: string; actor_id?: string; target_id?: string; page?: number }) => api.get<Page<AuditEvent>>(`${P}/audit-log/`, q),
  plans: () => api.get<Page<PlanInfo> | PlanInfo[]>(`${P}/plans/`),
  settings: () => api.get<Record<string, unknown>>(`${P}/settings/`),
  updateSettings: (body: Record<string, unknown>) => api.patch<Record<string, unknown>>(`${P}/settings/`, body),
  tickets: (q: { status?: string; search?: string }) => api.get<Page<Ticket>>(`${P}/tickets/`, q),
  ticketMessages: (id: string) => api.get<Page<TicketMessage> | TicketMessage[]>(`${P}/tickets/${id}/messages/`),
  replyTicket: (id: string, body: { body: string; internal?: boolean }) => api.post<TicketMessage>(`${P}/tickets/${id}/messages/`, body),
  updateTicket: (id: string, body: Partial<Ticket>) => api.patch<Ticket>(`${P}/tickets/${id}/`, body),
};
