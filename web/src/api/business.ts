import { api, ApiError, resultsOf, type Page } from "./client";
import type {
  Appointment, AppointmentInput, Availability, Blocker, BlockerInput, BusinessHoursRow, BusinessSettings, BusinessSettingsPatch,
  AuditEvent, BusinessDomain, BusinessDomains, Customer, CustomerInput, Dashboard, HoursOverride, Invitation, PermissionGrant, Resource, ResourceInput, Service,
  ServiceInput, StaffMember, StaffPatch, SupportApproval, SupportPolicy, Ticket, TicketDetail, TicketMessage, WhyNot,
} from "./types";

function crud<T extends { id: string }, I>(base: string) {
  return {
    list: (q?: Record<string, string | number | boolean | undefined>) => api.get<Page<T>>(`${base}/`, q),
    get: (id: string) => api.get<T>(`${base}/${id}/`),
    create: (body: I) => api.post<T>(`${base}/`, body),
    update: (id: string, body: I) => api.patch<T>(`${base}/${id}/`, body),
    remove: (id: string) => api.del(`${base}/${id}/`),
  };
}

export const resourcesApi = crud<Resource, ResourceInput>("/api/resources");
export const servicesApi = crud<Service, ServiceInput>("/api/services");
export const customersApi = {
  ...crud<Customer, CustomerInput>("/api/customers"),
  history: (id: string) => api.get<Page<Appointment>>("/api/appointments/", { customer_id: id, page_size: 50 }),
};
export const blockersApi = {
  ...crud<Blocker, BlockerInput>("/api/blockers"),
  range: (start: string, end: string) => api.get<Page<Blocker>>("/api/blockers/", { start_date: start, end_date: end, page_size: 500 }),
};
export const appointmentsApi = {
  ...crud<Appointment, AppointmentInput>("/api/appointments"),
  range: (q: { start_date: string; end_date: string; resource_ids?: string[]; status?: string; timezone?: string }) =>
    api.get<Page<Appointment>>("/api/appointments/", { ...q, page_size: 500 }),
  availability: (q: { service_id: string; date: string; resource_id?: string; timezone: string }) =>
    api.get<Availability>("/api/appointments/availability/", q),
  /** Why a start time is not bookable (the reasons a drag was refused). */
  whyNot: (q: { service_id: string; start_time: string; resource_id?: string }) =>
    api.get<WhyNot>("/api/appointments/availability/why-not/", q),
};
export const hoursApi = {
  get: () => api.get<BusinessHoursRow[] | null>("/api/business-hours/"),
  put: (rows: BusinessHoursRow[]) => api.put<BusinessHoursRow[] | null>("/api/business-hours/", rows),
};
export const overridesApi = {
  list: () => api.get<Page<HoursOverride>>("/api/business-hours/overrides/", { page_size: 200 }),
  create: (body: HoursOverride) => api.post<HoursOverride>("/api/business-hours/overrides/", body),
  remove: (id: string) => api.del(`/api/business-hours/overrides/${id}/`),
};
export const settingsApi = {
  get: () => api.get<BusinessSettings>("/api/business/settings/"),
  update: (body: BusinessSettingsPatch) => api.patch<BusinessSettings>("/api/business/settings/", body),
};
export const dashboardApi = {
  get: (start_date: string, end_date: string) => api.get<Dashboard>("/api/dashboard/", { start_date, end_date }),
};
/**
 * The team (GET|PATCH /api/staff/) and staff invitations. `team()` answers null
 * on a server without the team endpoints (404/405; older builds), so the page
 * can explain instead of failing.
 */
export const staffApi = {
  team: async (): Promise<StaffMember[] | null> => {
    try {
      return resultsOf(await api.get<Page<StaffMember>>("/api/staff/", { page_size: 200 }));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
      throw e;
    }
  },
  update: (id: string, body: StaffPatch) => api.patch<StaffMember>(`/api/staff/${id}/`, body),
  invitations: () => api.get<Page<Invitation>>("/api/staff/invitations/"),
  invite: (body: { email: string; role: string; name?: string }) => api.post<Invitation>("/api/staff/invitations/", body),
  revokeInvitation: (id: string) => api.del(`/api/staff/invitations/${id}/`),
};
export const ticketsApi = {
  list: (q?: { status?: string }) => api.get<Page<Ticket>>("/api/tickets/", q),
  get: (id: string) => api.get<TicketDetail>(`/api/tickets/${id}/`),
  create: (body: { subject: string; description: string; priority?: string; category?: string }) => api.post<Ticket>("/api/tickets/", body),
  messages: (id: string) => api.get<Page<TicketMessage>>(`/api/tickets/${id}/messages/`),
  reply: (id: string, body: string) => api.post<TicketMessage>(`/api/tickets/${id}/messages/`, { body }),
};

/** Access transparency: masquerades, grants and approvals that touched the business. */
export const tenantAuditApi = {
  list: (q: { action?: string; page?: number; page_size?: number }) => api.get<Page<AuditEvent>>("/api/audit-log/", q),
};
/** The owner's approvals of platform support access, and the policy that requires them. */
export const supportAccessApi = {
  list: () => api.get<Page<SupportApproval>>("/api/support-access/"),
  approve: (body: { supportEmail: string; durationMinutes: number; reason: string }) => api.post<SupportApproval>("/api/support-access/", body),
  revoke: (id: string) => api.post<SupportApproval>(`/api/support-access/${id}/revoke/`),
  policy: () => api.get<SupportPolicy>("/api/support-access/policy/"),
  setPolicy: (platformApprovalRequired: boolean) => api.put<SupportPolicy>("/api/support-access/policy/", { platformApprovalRequired }),
};
/** Time-limited permissions the owner gives staff (tenant host). */
export const tenantGrantsApi = {
  list: (q: { status?: string; page?: number }) => api.get<Page<PermissionGrant>>("/api/permission-grants/", q),
  create: (body: { granteeId: string; action: string; reason: string; durationMinutes: number }) => api.post<PermissionGrant>("/api/permission-grants/", body),
  revoke: (id: string) => api.post<PermissionGrant>(`/api/permission-grants/${id}/revoke/`),
};
/**
 * The business's domains (owner, settings.write). Without the plan feature the
 * list answers 403 with `upgradeTo`; verify answers 400 with the reason
 * (`reason`: txt_missing | txt_mismatch | dns_error) in `detail`.
 */
export const domainsApi = {
  list: () => api.get<BusinessDomains>("/api/business/domains/"),
  add: (domain: string) => api.post<BusinessDomain>("/api/business/domains/", { domain }),
  verify: (domain: string) => api.post<BusinessDomain>(`/api/business/domains/${encodeURIComponent(domain)}/verify/`),
  remove: (domain: string) => api.del(`/api/business/domains/${encodeURIComponent(domain)}/`),
};
