// API types: names for the generated OpenAPI schemas (`npm run gen:api` →
// schema.gen.ts, from web/openapi.json, which `smoothschedule openapi`
// prints), plus a few narrowings the document cannot express.
import type { BodyOf } from "./client";
import type { components } from "./schema.gen";

type S = components["schemas"];

export type UUID = string;
export type Instant = string; // RFC 3339 with offset
export type DateStr = string; // YYYY-MM-DD
export type TimeOfDay = string; // HH:MM

export type PlatformRole = "SUPERUSER" | "PLATFORM_MANAGER" | "PLATFORM_SALES" | "PLATFORM_SUPPORT";
export type TenantRole = "TENANT_OWNER" | "TENANT_MANAGER" | "TENANT_STAFF" | "CUSTOMER";
export type Role = PlatformRole | TenantRole;

export const PLATFORM_ROLES: PlatformRole[] = ["SUPERUSER", "PLATFORM_MANAGER", "PLATFORM_SALES", "PLATFORM_SUPPORT"];
export const TENANT_ROLES: TenantRole[] = ["TENANT_OWNER", "TENANT_MANAGER", "TENANT_STAFF", "CUSTOMER"];
export const isPlatformRole = (r: string): r is PlatformRole => (PLATFORM_ROLES as string[]).includes(r);
export const isStaffRole = (r: string) => r === "TENANT_OWNER" || r === "TENANT_MANAGER" || r === "TENANT_STAFF";
export const isManagerRole = (r: string) => r === "TENANT_OWNER" || r === "TENANT_MANAGER";

export type UserSummary = S["UserSummary"];
export type Masquerade = NonNullable<S["MeBody"]["masquerade"]>;
/** GET /api/auth/me/. `masquerade` is null outside a masquerade. */
export type Me = Omit<S["MeBody"], "masquerade"> & { masquerade: Masquerade | null; resourceId?: UUID | null };

export type LoginBody = S["LoginBody"];
/**
 * What login, MFA verification, sign-up and accepting an invitation answer:
 * either a second factor is due (a token for /api/auth/mfa/verify/) or the
 * user is signed in (the session cookie is set).
 */
export type LoginResult = { mfaRequired: true; mfaToken: string } | (Omit<LoginBody, "mfaRequired"> & { mfaRequired?: false });
export type Session = S["SessionItem"];

// ---- scheduling -----------------------------------------------------------
export type ResourceType = S["ResourceOut"]["type"];
export type Resource = S["ResourceOut"];
export type ResourceInput = S["ResourceIn"];
export type Service = S["ServiceOut"];
export type ServiceInput = S["ServiceIn"];
export type BusinessHoursRow = S["HoursRowIO"];
export type HoursOverride = S["OverrideIO"];
export type Customer = S["CustomerOut"];
export type CustomerInput = S["CustomerIn"];
export type Blocker = S["BlockerOut"];
export type BlockerInput = S["BlockerIn"];

export type AppointmentStatus = S["AppointmentOut"]["status"];
export const APPOINTMENT_STATUSES: AppointmentStatus[] = ["PENDING", "CONFIRMED", "COMPLETED", "NO_SHOW", "CANCELLED"];
export type Appointment = S["AppointmentOut"];
export type AppointmentInput = S["AppointmentIn"];
export type Availability = S["AvailabilityOut"];
export type WhyNot = S["WhyNotOut"];
export type BusinessSettings = S["BusinessSettings"];
export type BusinessSettingsPatch = S["SettingsPatch"];
export type Dashboard = S["DashboardOut"];
export type TenantConfig = S["TenantConfig"];

/** A pending staff invitation. */
export type Invitation = S["InvitationItem"];
/** A team member (GET /api/staff/): a staff user with the STAFF resource linked to it. */
export type StaffMember = S["TeamMember"];
export type StaffPatch = S["StaffPatchInBody"];
export type SupportApproval = S["ApprovalOut"];
/** POST /api/auth/register/ (customer sign-up on a tenant host). */
export type RegisterInput = S["RegisterInBody"];

export type Ticket = S["TicketItem"];
export type TicketDetail = S["TicketDetailOutBody"];
export type TicketStatus = Ticket["status"];
export type TicketPriority = Ticket["priority"];
export const TICKET_STATUSES: TicketStatus[] = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];
export const TICKET_PRIORITIES: TicketPriority[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
export type TicketMessage = S["TicketMessageItem"];

// ---- platform -------------------------------------------------------------
export type BusinessStatus = S["BusinessItem"]["status"];

export type Business = S["BusinessItem"];
export type BusinessDetail = S["BusinessDetail"];
export type BusinessCreateInput = S["BusinessCreateInBody"];
export type BusinessPatch = S["BusinessPatchInBody"];
export type TierOverridesBody = S["OverridesBody"];
export type MetricPoint = S["MetricPoint"];
export type PlatformMetrics = S["MetricsBody"];
export type PlatformUser = S["PlatformUserItem"];
export type PlatformStaff = S["StaffItem"];
export type PlatformStaffPatch = S["StaffPatchInBody"];
export type StaffInviteInput = S["InviteInBody"];
export type DemoInput = S["DemoInBody"];
export type DemoResult = S["DemoOutBody"];
export type PlanInfo = S["PlanBody"];
export type PlatformSettings = S["SettingsBody"];
export type PlatformSettingsPatch = S["SettingsPatchInBody"];
export type BusinessInvitation = S["BusinessInvitationItem"];
export type BusinessInvitationLookup = S["BusinessInvitationLookupOutBody"];
export type BusinessAcceptInput = S["BusinessAcceptInBody"];
export type BusinessAcceptResult = S["BusinessAcceptOutBody"];

/** Limit names a plan sets (see internal/platform/plan.go). */
export const LIMIT_KEYS = ["maxUsers", "maxResources", "maxServices", "maxAppointmentsPerMonth"] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
export type TierOverrides = Partial<Record<LimitKey, number | null>>;

/** POST /api/platform/business-invitations/: overrides only travel with overrideLimits. */
export type BusinessInvitationInput = BodyOf<"/api/platform/business-invitations", "post">;

// Masquerade, permission grants and the audit log.
export type GrantStatus = S["GrantOut"]["status"];
/** A grant; the e-mail addresses are filled in by the UI where it knows them. */
export type PermissionGrant = S["GrantOut"] & { grantorEmail?: string; granteeEmail?: string };
export type AuditEvent = S["AuditEventOut"];
export type MasqueradeStart = S["MasqueradeBody"];
export type MasqueradeStop = S["StopOutBody"];
export type SupportPolicy = S["SupportPolicy"];

/** A DNS record the business creates at its DNS provider (custom domains). */
export type DNSRecord = S["DNSRecord"];
/** One of the business's domains: its own subdomain (no DNS records) or a custom domain, pending until verified. */
export type BusinessDomain = Omit<S["DomainOut"], "verification" | "routing" | "status"> & {
  status: "verified" | "pending";
  verification: DNSRecord | null;
  routing: DNSRecord | null;
};
export type BusinessDomains = { count: number; results: BusinessDomain[]; maxCustomDomains: number };
