import { client, unwrap, type BodyOf, type QueryOf } from "./client";
import type {
  AppointmentInput, BlockerInput, BusinessHoursRow, BusinessSettingsPatch, CustomerInput, HoursOverride, ResourceInput,
  ServiceInput, StaffPatch,
} from "./types";

const { GET, POST, PUT, PATCH, DELETE } = client;
const at = (id: string) => ({ params: { path: { id } } });

export const resourcesApi = {
  list: (query?: QueryOf<"/api/resources">) => unwrap(GET("/api/resources", { params: { query } })),
  get: (id: string) => unwrap(GET("/api/resources/{id}", at(id))),
  create: (body: ResourceInput) => unwrap(POST("/api/resources", { body })),
  update: (id: string, body: ResourceInput) => unwrap(PATCH("/api/resources/{id}", { ...at(id), body })),
  remove: (id: string) => unwrap(DELETE("/api/resources/{id}", at(id))),
};
export const servicesApi = {
  list: (query?: QueryOf<"/api/services">) => unwrap(GET("/api/services", { params: { query } })),
  get: (id: string) => unwrap(GET("/api/services/{id}", at(id))),
  create: (body: ServiceInput) => unwrap(POST("/api/services", { body })),
  update: (id: string, body: ServiceInput) => unwrap(PATCH("/api/services/{id}", { ...at(id), body })),
  remove: (id: string) => unwrap(DELETE("/api/services/{id}", at(id))),
};
export const customersApi = {
  list: (query?: QueryOf<"/api/customers">) => unwrap(GET("/api/customers", { params: { query } })),
  get: (id: string) => unwrap(GET("/api/customers/{id}", at(id))),
  create: (body: CustomerInput) => unwrap(POST("/api/customers", { body })),
  update: (id: string, body: CustomerInput) => unwrap(PATCH("/api/customers/{id}", { ...at(id), body })),
  remove: (id: string) => unwrap(DELETE("/api/customers/{id}", at(id))),
  history: (id: string) => unwrap(GET("/api/appointments", { params: { query: { customer_id: id, page_size: 50 } } })),
};
export const blockersApi = {
  list: (query?: QueryOf<"/api/blockers">) => unwrap(GET("/api/blockers", { params: { query } })),
  get: (id: string) => unwrap(GET("/api/blockers/{id}", at(id))),
  create: (body: BlockerInput) => unwrap(POST("/api/blockers", { body })),
  update: (id: string, body: BlockerInput) => unwrap(PATCH("/api/blockers/{id}", { ...at(id), body })),
  remove: (id: string) => unwrap(DELETE("/api/blockers/{id}", at(id))),
  range: (start: string, end: string) =>
    unwrap(GET("/api/blockers", { params: { query: { start_date: start, end_date: end, page_size: 500 } } })),
};
export const appointmentsApi = {
  list: (query?: QueryOf<"/api/appointments">) => unwrap(GET("/api/appointments", { params: { query } })),
  get: (id: string) => unwrap(GET("/api/appointments/{id}", at(id))),
  create: (body: AppointmentInput) => unwrap(POST("/api/appointments", { body })),
  update: (id: string, body: AppointmentInput) => unwrap(PATCH("/api/appointments/{id}", { ...at(id), body })),
  remove: (id: string) => unwrap(DELETE("/api/appointments/{id}", at(id))),
  range: (q: Omit<QueryOf<"/api/appointments">, "page" | "page_size"> & { start_date: string; end_date: string }) =>
    unwrap(GET("/api/appointments", { params: { query: { ...q, page_size: 500 } } })),
  availability: (q: { service_id: string; date: string; resource_id?: string; timezone: string }) =>
    unwrap(GET("/api/appointments/availability", { params: { query: q } })),
  /** Why a start time is not bookable (the reasons a drag was refused). */
  whyNot: (q: { service_id: string; start_time: string; resource_id?: string }) =>
    unwrap(GET("/api/appointments/availability/why-not", { params: { query: q } })),
};
export const hoursApi = {
  get: () => unwrap(GET("/api/business-hours")),
  put: (rows: BusinessHoursRow[]) => unwrap(PUT("/api/business-hours", { body: rows })),
};
export const overridesApi = {
  list: () => unwrap(GET("/api/business-hours/overrides", { params: { query: { page_size: 200 } } })),
  create: (body: HoursOverride) => unwrap(POST("/api/business-hours/overrides", { body })),
  remove: (id: string) => unwrap(DELETE("/api/business-hours/overrides/{id}", at(id))),
};
export const settingsApi = {
  get: () => unwrap(GET("/api/business/settings")),
  update: (body: BusinessSettingsPatch) => unwrap(PATCH("/api/business/settings", { body })),
};
export const dashboardApi = {
  get: (start_date: string, end_date: string) => unwrap(GET("/api/dashboard", { params: { query: { start_date, end_date } } })),
};
/** The team (GET|PATCH /api/staff/) and staff invitations. */
export const staffApi = {
  team: async () => (await unwrap(GET("/api/staff"))).results ?? [],
  update: (id: string, body: StaffPatch) => unwrap(PATCH("/api/staff/{id}", { ...at(id), body })),
  invitations: () => unwrap(GET("/api/staff/invitations")),
  invite: (body: { email: string; role: string; name?: string }) => unwrap(POST("/api/staff/invitations", { body })),
  revokeInvitation: (id: string) => unwrap(DELETE("/api/staff/invitations/{id}", at(id))),
};
export const ticketsApi = {
  list: (q?: QueryOf<"/api/tickets">) => unwrap(GET("/api/tickets", { params: { query: q } })),
  get: (id: string) => unwrap(GET("/api/tickets/{id}", at(id))),
  create: (body: BodyOf<"/api/tickets", "post">) => unwrap(POST("/api/tickets", { body })),
  messages: (id: string) => unwrap(GET("/api/tickets/{id}/messages", at(id))),
  reply: (id: string, body: string) => unwrap(POST("/api/tickets/{id}/messages", { ...at(id), body: { body } })),
};

/** Access transparency: masquerades, grants and approvals that touched the business. */
export const tenantAuditApi = {
  list: (q: { action?: string; page?: number; page_size?: number }) => unwrap(GET("/api/audit-log", { params: { query: q } })),
};
/** The owner's approvals of platform support access, and the policy that requires them. */
export const supportAccessApi = {
  list: () => unwrap(GET("/api/support-access")),
  approve: (body: { supportEmail: string; durationMinutes: number; reason: string }) => unwrap(POST("/api/support-access", { body })),
  revoke: (id: string) => unwrap(POST("/api/support-access/{id}/revoke", at(id))),
  policy: () => unwrap(GET("/api/support-access/policy")),
  setPolicy: (platformApprovalRequired: boolean) => unwrap(PUT("/api/support-access/policy", { body: { platformApprovalRequired } })),
};
/** Time-limited permissions the owner gives staff (tenant host). */
export const tenantGrantsApi = {
  list: (q: QueryOf<"/api/permission-grants">) => unwrap(GET("/api/permission-grants", { params: { query: q } })),
  create: (body: { granteeId: string; action: string; reason: string; durationMinutes: number }) => unwrap(POST("/api/permission-grants", { body })),
  revoke: (id: string) => unwrap(POST("/api/permission-grants/{id}/revoke", at(id))),
  /** What the caller may grant, and to which roles. */
  catalogue: () => unwrap(GET("/api/permission-grants/catalogue")),
};
/**
 * The business's domains (owner, settings.write). Without the plan feature the
 * list answers 403 with `upgradeTo`; verify answers 400 with the reason
 * (`reason`: txt_missing | txt_mismatch | dns_error) in `detail`.
 */
export const domainsApi = {
  list: () => unwrap(GET("/api/business/domains")),
  add: (domain: string) => unwrap(POST("/api/business/domains", { body: { domain } })),
  verify: (domain: string) => unwrap(POST("/api/business/domains/{domain}/verify", { params: { path: { domain } } })),
  remove: (domain: string) => unwrap(DELETE("/api/business/domains/{domain}", { params: { path: { domain } } })),
};
