/**
 * Permissions a time-limited grant may name (the grantable part of the
 * server's catalog, internal/access/permission.go), with a plain label.
 * Tenant ones fit tenant users, platform ones platform staff.
 */
export interface Grantable { action: string; label: string }

/** What an owner may lend a team member (the back office's grant form). */
export const TENANT_GRANTABLE: Grantable[] = [
  { action: "customers.write", label: "Change customer records" },
  { action: "appointments.write", label: "Book and change any appointment" },
  { action: "blockers.write", label: "Block off time" },
  { action: "resources.write", label: "Change resources" },
  { action: "services.write", label: "Change services" },
  { action: "hours.write", label: "Change business hours" },
  { action: "settings.read", label: "See the business settings" },
  { action: "settings.write", label: "Change settings, branding and policies" },
  { action: "staff.invite", label: "Invite staff" },
  { action: "tickets.read", label: "See support tickets" },
  { action: "audit.own", label: "See the access-transparency log" },
];

export const PLATFORM_GRANTABLE: Grantable[] = [
  { action: "platform.businesses.read", label: "See every business" },
  { action: "platform.businesses.write", label: "Create and change businesses" },
  { action: "platform.businesses.suspend", label: "Suspend and reactivate businesses" },
  { action: "platform.users.read", label: "See every user" },
  { action: "platform.users.write", label: "Change and disable users" },
  { action: "platform.plans.write", label: "Change subscription plans" },
  { action: "platform.tickets.manage", label: "Answer support tickets" },
  { action: "platform.audit.read", label: "Read the audit log" },
  { action: "platform.demo.create", label: "Create demo businesses" },
];

export const grantLabel = (a: string) => [...TENANT_GRANTABLE, ...PLATFORM_GRANTABLE].find((g) => g.action === a)?.label ?? a;
