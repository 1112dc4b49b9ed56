// Hand-written API types, shaped like CONTRACT.md. When the server publishes
// /api/openapi.json, `npm run gen:api` writes src/api/schema.gen.ts and these
// become aliases of the generated components.

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

export interface UserSummary {
  id: UUID;
  email: string;
  name: string;
  role: Role;
  businessId: UUID | null;
}

export interface Masquerade {
  impersonator: { id: UUID; email: string; role: Role };
  startedAt: Instant;
  expiresAt: Instant;
}

export interface Me extends UserSummary {
  avatarUrl: string | null;
  mfaEnabled: boolean;
  permissions: string[];
  masquerade: Masquerade | null;
  resourceId?: UUID | null;
}

export interface LoginOk {
  access: string;
  refresh: string;
  user: UserSummary;
}
export interface MfaRequired {
  mfaRequired: true;
  mfaToken: string;
}
export type LoginResult = LoginOk | MfaRequired;

export interface Session {
  id: UUID;
  createdAt: Instant;
  lastUsedAt?: Instant | null;
  expiresAt?: Instant | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  current?: boolean;
}

// ---- scheduling -----------------------------------------------------------
export type ResourceType = "STAFF" | "ROOM" | "EQUIPMENT";
export interface Resource {
  id: UUID;
  name: string;
  type: ResourceType;
  userId: UUID | null;
  timezone: string | null;
  capacity: number;
  isActive: boolean;
}

export interface Service {
  id: UUID;
  name: string;
  description: string;
  durationMinutes: number;
  price: string;
  currency: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  resourceIds: UUID[];
  isActive?: boolean;
}

export interface BusinessHoursRow {
  dayOfWeek: number; // 0 = Monday
  openTime: TimeOfDay;
  closeTime: TimeOfDay;
}

export interface HoursOverride {
  id: UUID;
  date: DateStr;
  closed: boolean;
  openTime: TimeOfDay | null;
  closeTime: TimeOfDay | null;
  reason?: string;
}

export interface Customer {
  id: UUID;
  name: string;
  email: string;
  phone: string;
  tags?: string[];
  notes?: string;
  createdAt?: Instant;
}

export interface Blocker {
  id: UUID;
  resourceId: UUID;
  startTime: Instant;
  durationMinutes: number;
  title: string;
}

export type AppointmentStatus = "PENDING" | "CONFIRMED" | "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
export const APPOINTMENT_STATUSES: AppointmentStatus[] = ["PENDING", "CONFIRMED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"];

export interface Appointment {
  id: UUID;
  customerId: UUID | null;
  customerName?: string | null;
  resourceId: UUID | null;
  serviceId: UUID | null;
  serviceName?: string | null;
  startTime: Instant | null;
  durationMinutes: number;
  status: AppointmentStatus;
  notes?: string;
  price?: string | null;
  currency?: string | null;
}

export interface AppointmentInput {
  customerId?: UUID | null;
  resourceId?: UUID | null;
  serviceId?: UUID | null;
  startTime?: Instant | null;
  durationMinutes?: number;
  status?: AppointmentStatus;
  notes?: string;
}

export interface Availability {
  date: DateStr;
  service?: { id: UUID; name: string; duration: number };
  availableSlots: TimeOfDay[];
}

export interface BusinessSettings {
  name: string;
  primaryColor: string | null;
  secondaryColor: string | null;
  logoUrl: string | null;
  timezone: string;
  resourcesCanReschedule: boolean;
  requirePaymentMethodToBook: boolean;
  cancellationWindowHours: number;
  lateCancellationFeePercent: number;
}

export interface StaffMember {
  id: UUID;
  name: string;
  email: string;
  role: TenantRole;
  isActive?: boolean;
  resourceId?: UUID | null;
}

export interface Invitation {
  id: UUID;
  email: string;
  role: Role;
  createdAt: Instant;
  expiresAt?: Instant | null;
  acceptedAt?: Instant | null;
}

export type TicketStatus = "OPEN" | "PENDING" | "RESOLVED" | "CLOSED";
export interface Ticket {
  id: UUID;
  subject: string;
  status: TicketStatus;
  priority?: "LOW" | "NORMAL" | "HIGH" | "URGENT";
  requesterEmail?: string;
  requesterName?: string;
  businessName?: string | null;
  createdAt: Instant;
  updatedAt?: Instant;
}
export interface TicketMessage {
  id: UUID;
  authorName: string;
  authorEmail?: string;
  body: string;
  internal?: boolean;
  createdAt: Instant;
}

// ---- platform -------------------------------------------------------------
export type Plan = "free" | "professional" | "business" | "enterprise";
export const PLANS: Plan[] = ["free", "professional", "business", "enterprise"];
export type BusinessStatus = "active" | "suspended" | "trial" | "demo";

export interface Business {
  id: UUID;
  name: string;
  subdomain: string;
  plan: Plan | string;
  status: BusinessStatus | string;
  ownerId?: UUID | null;
  ownerEmail?: string | null;
  ownerName?: string | null;
  timezone?: string;
  createdAt?: Instant;
  userCount?: number;
  appointmentCount?: number;
  primaryColor?: string | null;
  limits?: Record<string, number | null>;
}

export interface MetricPoint {
  date: DateStr;
  value: number;
}
export interface PlatformMetrics {
  mrr?: string | number;
  currency?: string;
  activeTenants?: number;
  totalTenants?: number;
  churnRate?: number; // 0..1
  appointments?: number;
  users?: number;
  series?: {
    mrr?: MetricPoint[];
    activeTenants?: MetricPoint[];
    churn?: MetricPoint[];
    appointments?: MetricPoint[];
  };
  planBreakdown?: { plan: string; count: number }[];
}

export interface PlatformUser extends UserSummary {
  businessName?: string | null;
  businessSubdomain?: string | null;
  isActive?: boolean;
  lastLoginAt?: Instant | null;
  createdAt?: Instant;
}

export type GrantStatus = "active" | "expired" | "revoked";
export interface PermissionGrant {
  id: UUID;
  grantorId: UUID;
  granteeId: UUID;
  grantorEmail?: string;
  granteeEmail?: string;
  action: string;
  reason: string;
  createdAt: Instant;
  expiresAt: Instant;
  revokedAt: Instant | null;
  status: GrantStatus;
}

export interface AuditEvent {
  id: UUID;
  action: string;
  actorId: UUID | null;
  actorEmail: string | null;
  targetId: UUID | null;
  targetEmail: string | null;
  ipAddress: string | null;
  sessionId: UUID | null;
  reason: string | null;
  createdAt: Instant;
}

export interface PlanInfo {
  id: string;
  name: string;
  priceMonthly: string;
  currency: string;
  limits: Record<string, number | null>;
  features?: string[];
}

export interface TierOverrides {
  maxUsers?: number;
  maxResources?: number;
  maxAppointmentsPerMonth?: number;
}

export interface BusinessInvitationInput {
  email: string;
  businessName: string;
  tier: Plan;
  limitOverrides?: TierOverrides;
}
