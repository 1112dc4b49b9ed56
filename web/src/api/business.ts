import { api, type Page } from "./client";
import type {
  Appointment, AppointmentInput, Availability, Blocker, BusinessHoursRow, BusinessSettings, Customer, HoursOverride, Invitation,
  Resource, Service, StaffMember, Ticket, TicketMessage,
} from "./types";

function crud<T extends { id: string }, I = Partial<T>>(base: string) {
  return {
    list: (q?: Record<string, string | number | undefined>) => api.get<Page<T>>(`${base}/`, q),
    get: (id: string) => api.get<T>(`${base}/${id}/`),
    create: (body: I) => api.post<T>(`${base}/`, body),
    update: (id: string, body: Partial<I>) => api.patch<T>(`${base}/${id}/`, body),
    remove: (id: string) => api.del(`${base}/${id}/`),
  };
}

export const resourcesApi = crud<Resource>("/api/resources");
export const servicesApi = crud<Service>("/api/services");
export const customersApi = {
  ...crud<Customer>("/api/customers"),
  history: (id: string) => api.get<Page<Appointment>>("/api/appointments/", { customer_id: id, page_size: 50 }),
};
export const blockersApi = {
  ...crud<Blocker, { resourceId: string; startTime: string; durationMinutes: number; title: string }>("/api/blockers"),
  range: (start: string, end: string) => api.get<Page<Blocker>>("/api/blockers/", { start_date: start, end_date: end, page_size: 500 }),
};
export const appointmentsApi = {
  ...crud<Appointment, AppointmentInput>("/api/appointments"),
  range: (q: { start_date: string; end_date: string; resource_ids?: string[]; status?: string }) =>
    api.get<Page<Appointment>>("/api/appointments/", { ...q, page_size: 1000 }),
  availability: (q: { service_id: string; date: string; resource_id?: string; timezone: string }) =>
    api.get<Availability>("/api/appointments/availability/", q),
};
export const hoursApi = {
  get: () => api.get<BusinessHoursRow[] | Page<BusinessHoursRow>>("/api/business-hours/"),
  put: (rows: BusinessHoursRow[]) => api.put<BusinessHoursRow[]>("/api/business-hours/", rows),
};
export const overridesApi = crud<HoursOverride>("/api/business-hours/overrides");
export const settingsApi = {
  get: () => api.get<BusinessSettings>("/api/business/settings/"),
  update: (body: Partial<BusinessSettings>) => api.patch<BusinessSettings>("/api/business/settings/", body),
};
export const staffApi = {
  list: () => api.get<Page<StaffMember>>("/api/staff/"),
  update: (id: string, body: Partial<StaffMember>) => api.patch<StaffMember>(`/api/staff/${id}/`, body),
  invitations: () => api.get<Page<Invitation>>("/api/invitations/"),
  invite: (body: { email: string; role: string; resourceId?: string | null }) => api.post<Invitation>("/api/invitations/", body),
  revokeInvitation: (id: string) => api.del(`/api/invitations/${id}/`),
};
export const ticketsApi = {
  list: (q?: { status?: string }) => api.get<Page<Ticket>>("/api/tickets/", q),
  create: (body: { subject: string; body: string; priority?: string }) => api.post<Ticket>("/api/tickets/", body),
  messages: (id: string) => api.get<Page<TicketMessage> | TicketMessage[]>(`/api/tickets/${id}/messages/`),
  reply: (id: string, body: string) => api.post<TicketMessage>(`/api/tickets/${id}/messages/`, { body }),
};
