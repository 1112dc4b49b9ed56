import { client, unwrap, type BodyOf, type QueryOf } from "./client";
import type {
  BusinessAcceptInput, BusinessCreateInput, BusinessInvitationInput, BusinessPatch, DemoInput, PlatformSettingsPatch, PlatformStaffPatch,
  StaffInviteInput, TierOverridesBody,
} from "./types";

const { GET, POST, PUT, PATCH, DELETE } = client;
const at = (id: string) => ({ params: { path: { id } } });

export const platformApi = {
  metrics: (q?: QueryOf<"/api/platform/businesses/metrics">) => unwrap(GET("/api/platform/businesses/metrics", { params: { query: q } })),
  businesses: (q: QueryOf<"/api/platform/businesses">) => unwrap(GET("/api/platform/businesses", { params: { query: q } })),
  business: (id: string) => unwrap(GET("/api/platform/businesses/{id}", at(id))),
  createBusiness: (body: BusinessCreateInput) => unwrap(POST("/api/platform/businesses", { body })),
  updateBusiness: (id: string, body: BusinessPatch) => unwrap(PATCH("/api/platform/businesses/{id}", { ...at(id), body })),
  suspend: (id: string) => unwrap(POST("/api/platform/businesses/{id}/suspend", at(id))),
  activate: (id: string) => unwrap(POST("/api/platform/businesses/{id}/activate", at(id))),
  overrides: (id: string) => unwrap(GET("/api/platform/businesses/{id}/overrides", at(id))),
  setOverrides: (id: string, body: TierOverridesBody) => unwrap(PUT("/api/platform/businesses/{id}/overrides", { ...at(id), body })),
  businessInvitations: () => unwrap(GET("/api/platform/business-invitations")),
  inviteBusiness: (body: BusinessInvitationInput) => unwrap(POST("/api/platform/business-invitations", { body })),
  resendBusinessInvitation: (id: string) => unwrap(POST("/api/platform/business-invitations/{id}/resend", at(id))),
  revokeBusinessInvitation: (id: string) => unwrap(POST("/api/platform/business-invitations/{id}/revoke", at(id))),
  users: (q: QueryOf<"/api/platform/users">) => unwrap(GET("/api/platform/users", { params: { query: q } })),
  user: (id: string) => unwrap(GET("/api/platform/users/{id}", at(id))),
  disableUser: (id: string) => unwrap(POST("/api/platform/users/{id}/disable", at(id))),
  enableUser: (id: string) => unwrap(POST("/api/platform/users/{id}/enable", at(id))),
  staff: () => unwrap(GET("/api/platform/staff")),
  updateStaff: (id: string, body: PlatformStaffPatch) => unwrap(PATCH("/api/platform/staff/{id}", { ...at(id), body })),
  staffInvitations: () => unwrap(GET("/api/platform/staff/invitations")),
  inviteStaff: (body: StaffInviteInput) => unwrap(POST("/api/platform/staff/invitations", { body })),
  withdrawStaffInvitation: (id: string) => unwrap(DELETE("/api/platform/staff/invitations/{id}", at(id))),
  createDemo: (body: DemoInput) => unwrap(POST("/api/platform/demo-tenants", { body })),
  grants: (q: QueryOf<"/api/platform/permission-grants">) => unwrap(GET("/api/platform/permission-grants", { params: { query: q } })),
  createGrant: (body: BodyOf<"/api/platform/permission-grants", "post">) => unwrap(POST("/api/platform/permission-grants", { body })),
  revokeGrant: (id: string) => unwrap(POST("/api/platform/permission-grants/{id}/revoke", at(id))),
  /** What the caller may grant, and to which roles. */
  grantCatalogue: () => unwrap(GET("/api/platform/permission-grants/catalogue")),
  bulkRevoke: (ids: string[]) => unwrap(POST("/api/platform/permission-grants/bulk-revoke", { body: { ids } })),
  audit: (q: QueryOf<"/api/platform/audit-log">) => unwrap(GET("/api/platform/audit-log", { params: { query: q } })),
  plans: () => unwrap(GET("/api/platform/plans")),
  settings: () => unwrap(GET("/api/platform/settings")),
  updateSettings: (body: PlatformSettingsPatch) => unwrap(PATCH("/api/platform/settings", { body })),
  tickets: (q: QueryOf<"/api/platform/tickets">) => unwrap(GET("/api/platform/tickets", { params: { query: q } })),
  ticket: (id: string) => unwrap(GET("/api/platform/tickets/{id}", at(id))),
  ticketMessages: (id: string) => unwrap(GET("/api/platform/tickets/{id}/messages", at(id))),
  replyTicket: (id: string, body: BodyOf<"/api/platform/tickets/{id}/messages", "post">) =>
    unwrap(POST("/api/platform/tickets/{id}/messages", { ...at(id), body })),
  updateTicket: (id: string, body: BodyOf<"/api/platform/tickets/{id}", "patch">) => unwrap(PATCH("/api/platform/tickets/{id}", { ...at(id), body })),
};

/** The apex host's half of a business invitation (anonymous, by token). */
export const businessInvitationApi = {
  lookup: (token: string) => unwrap(GET("/api/business-invitations/{token}", { params: { path: { token } } })),
  accept: (body: BusinessAcceptInput) => unwrap(POST("/api/business-invitations/accept", { body })),
};
